package dev.hindsight.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The publish step: a build writes into a fresh sibling directory, and only a finished build is
 * swapped in. A directory is only ever deleted when it carries our marker file, so a mistyped
 * {@code --output} can never wipe someone's files.
 *
 * <p>The swap is two renames: target → {@code .<name>.old-*}, then staging → target. A build killed
 * between the two leaves no target but a complete old site; the next build first puts that back
 * ({@link #recover()}), before it cleans up anything. Our directories are deleted marker last, so a
 * deletion cut short still carries the marker and is finished by the next build.
 */
public final class OutputDirectory {

    public static final String MARKER = ".hindsight-output";

    private final Path target;

    public OutputDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    public Path target() {
        return target;
    }

    /**
     * Puts the previous site back when a killed build left it renamed aside with no site in its
     * place. Returns the directory it restored, if it did.
     */
    public Optional<Path> recover() throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<Path> olds = new ArrayList<>();
        for (Path p : leftovers(parent, oldPrefix())) {
            if (Files.isRegularFile(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                olds.add(p);
            }
        }
        if (olds.isEmpty()) {
            return Optional.empty();
        }
        // Normally there is exactly one; should there be more, the newest is the last published site.
        olds.sort(Comparator.comparing(OutputDirectory::markerTime).thenComparing(Path::toString));
        Path newest = olds.get(olds.size() - 1);
        Files.move(newest, target, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(newest);
    }

    /** Refuses a target that exists, is not empty and is not ours. */
    public void checkWritable() throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException("output " + target + " exists and is not a directory");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(MARKER))) {
            throw new IOException("output directory " + target + " is not empty and was not written by Hindsight"
                    + " (no " + MARKER + " file); refusing to replace it");
        }
    }

    /** Creates the fresh staging directory beside the target, with the marker already in it. */
    public Path stage() throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover();
        removeLeftovers(parent);
        Path staging = createFresh(parent, tmpPrefix());
        Files.writeString(staging.resolve(MARKER), "Written by Hindsight. This directory is replaced on every build.\n");
        return staging;
    }

    /**
     * A new directory named {@code prefix} and a random number. Unlike {@link Files#createTempDirectory},
     * which makes it 0700, its permissions follow the umask like any directory a tool creates, so the
     * published site is as readable as the user's umask says (by a web server running as another user).
     */
    private static Path createFresh(Path parent, String prefix) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path dir = parent.resolve(prefix + Long.toUnsignedString(random.nextLong()));
            try {
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * The site published now, as the source of {@code staging}'s unchanged files ({@link PreviousSite}); none
     * when the target holds no site of ours.
     */
    public PreviousSite previous(Path staging) {
        return PreviousSite.of(target, staging);
    }

    /** Swaps the finished staging directory in place of the target; the old site goes last. */
    public void publish(Path staging) throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target)) {
            if (isEmpty(target)) {
                Files.delete(target);
            } else {
                old = Files.createTempDirectory(parent, oldPrefix());
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        // A kill here leaves no target: recover() puts the old site back on the next build.
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteOurs(old);
        }
    }

    /** Removes a staging directory after a failed build. */
    public void discard(Path staging) throws IOException {
        deleteOurs(staging);
    }

    private String tmpPrefix() {
        return "." + target.getFileName() + ".tmp-";
    }

    private String oldPrefix() {
        return "." + target.getFileName() + ".old-";
    }

    /** Staging and old directories left by a killed build: deleted when they carry the marker or are empty. */
    private void removeLeftovers(Path parent) throws IOException {
        List<Path> found = new ArrayList<>(leftovers(parent, tmpPrefix()));
        found.addAll(leftovers(parent, oldPrefix()));
        for (Path p : found) {
            if (Files.exists(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) || isEmpty(p)) {
                deleteOurs(p);
            }
        }
    }

    /** Real directories (not links) in {@code parent} whose names start with {@code prefix}. */
    private static List<Path> leftovers(Path parent, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static FileTime markerTime(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    /**
     * Deletes a directory of ours: everything but the marker, then the marker, then the directory.
     * Links are deleted, never followed.
     */
    private static void deleteOurs(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path marker = dir.resolve(MARKER);
        if (!isEmpty(dir) && !Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("refusing to delete " + dir + ": it has no " + MARKER + " file");
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.equals(marker)) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                if (d.equals(dir)) {
                    Files.deleteIfExists(marker);
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
