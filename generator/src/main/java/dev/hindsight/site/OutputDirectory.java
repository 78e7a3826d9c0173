package dev.hindsight.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The publish step: a build writes into a fresh sibling directory, and only a finished build is
 * swapped in. A directory is only ever deleted when it carries our marker file, so a mistyped
 * {@code --output} can never wipe someone's files.
 */
final class OutputDirectory {

    static final String MARKER = ".hindsight-output";

    private final Path target;

    OutputDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
    }

    Path target() {
        return target;
    }

    /** Refuses a target that exists, is not empty and is not ours. */
    void checkWritable() throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException("output " + target + " exists and is not a directory");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !Files.exists(target.resolve(MARKER))) {
            throw new IOException("output directory " + target + " is not empty and was not written by Hindsight"
                    + " (no " + MARKER + " file); refusing to replace it");
        }
    }

    /** Creates the fresh staging directory beside the target, with the marker already in it. */
    Path stage() throws IOException {
        Path parent = target.getParent();
        Files.createDirectories(parent);
        removeLeftovers(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        Files.writeString(staging.resolve(MARKER), "Written by Hindsight. This directory is replaced on every build.\n");
        return staging;
    }

    /** Swaps the finished staging directory in place of the target; the old site goes last. */
    void publish(Path staging) throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target)) {
            if (isEmpty(target)) {
                Files.delete(target);
            } else {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteOurs(old);
        }
    }

    /** Removes a staging directory after a failed build. */
    void discard(Path staging) throws IOException {
        deleteOurs(staging);
    }

    /** Staging and old directories left by a killed build (they carry the marker). */
    private void removeLeftovers(Path parent) throws IOException {
        String prefixTmp = "." + target.getFileName() + ".tmp-";
        String prefixOld = "." + target.getFileName() + ".old-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if ((name.startsWith(prefixTmp) || name.startsWith(prefixOld)) && Files.isDirectory(p)) {
                    if (Files.exists(p.resolve(MARKER)) || isEmpty(p)) {
                        deleteOurs(p);
                    }
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        }
    }

    private static void deleteOurs(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!isEmpty(dir) && !Files.exists(dir.resolve(MARKER))) {
            throw new IOException("refusing to delete " + dir + ": it has no " + MARKER + " file");
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
