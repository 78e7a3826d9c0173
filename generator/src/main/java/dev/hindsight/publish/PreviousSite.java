package dev.hindsight.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * The published site a build replaces, as the source of the new site's unchanged files: a file the build
 * would write with exactly the bytes the published site holds at the same path is made a hard link to that
 * file instead. A rebuild then allocates, and after the swap frees, an inode and data blocks only for what
 * changed. Freeing is what a rebuild waited on (issue 18): on ext4 mounted with {@code discard} and no
 * journal, as on the benchmark's machine, each freed file waits for its blocks to be trimmed, so deleting a
 * 10,000-document site (36,000 files, 25,000 folders) took 6-9 s of wall time for 1.5 s of CPU, and 3.5 s
 * when its files were links; the folders are still made and freed each build (a page is a folder).
 *
 * <p>Nothing about the published site is trusted: each file is compared byte for byte before it is linked,
 * symbolic links are not followed, a file that also has a name outside the site is not shared, and any failure
 * to read or link (a file system without hard links, a file of another user) only means the file is written as
 * usual; once a link fails no other is tried. Both directories are ours: the published one carries
 * {@link OutputDirectory#MARKER}, and neither is written in place (a changed file is always a new one), so the
 * shared files never change under the other name.
 */
public final class PreviousSite {

    private final Path staging;
    private final Path published;
    private volatile boolean linking;

    private PreviousSite(Path staging, Path published) {
        this.staging = staging;
        this.published = published;
        this.linking = published != null;
    }

    /** No previous site: every file is written. */
    public static PreviousSite none() {
        return new PreviousSite(null, null);
    }

    /** The site published at {@code target} (when it is ours) as the source of {@code staging}'s unchanged files. */
    static PreviousSite of(Path target, Path staging) {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(target.resolve(OutputDirectory.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return new PreviousSite(staging, target);
        }
        return none();
    }

    /**
     * Makes {@code file} (a path in the staging directory that does not exist yet) a link to the published
     * file at the same relative path when that holds exactly the first {@code length} of {@code bytes};
     * returns whether it did. When it did not, {@code file} still does not exist.
     */
    public boolean linked(Path file, byte[] bytes, int length) {
        Path old = publishedCopy(file);
        return old != null && holds(old, bytes, length) && link(file, old);
    }

    /** As {@link #linked(Path, byte[], int)} for all of {@code bytes}. */
    public boolean linked(Path file, byte[] bytes) {
        return linked(file, bytes, bytes.length);
    }

    /**
     * As {@link #linked(Path, byte[], int)} for a copy of the file {@code source}: {@code file} is made a link to
     * the published copy when that holds the same bytes as {@code source}.
     */
    public boolean linkedCopy(Path source, Path file) {
        Path old = publishedCopy(file);
        try {
            return old != null && oneName(old, Files.size(source)) && Files.mismatch(source, old) == -1
                    && link(file, old);
        } catch (IOException e) {
            return false;
        }
    }

    /** The published file at {@code file}'s path in the staging directory; null when there is none to link to. */
    private Path publishedCopy(Path file) {
        return linking && file.startsWith(staging) ? published.resolve(staging.relativize(file)) : null;
    }

    private boolean link(Path file, Path old) {
        try {
            Files.createLink(file, old);
            return true;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("the staging directory already holds " + file, e);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            linking = false; // no hard links here (or not to these files): write the rest as usual
            return false;
        }
    }

    /**
     * Whether {@code old} is a regular file of {@code size} bytes and one name: the published site's alone (a file
     * someone also linked elsewhere is not shared further; symbolic links are not followed).
     */
    private static boolean oneName(Path old, long size) {
        try {
            Map<String, Object> attributes = Files.readAttributes(old, "unix:isRegularFile,size,nlink",
                    LinkOption.NOFOLLOW_LINKS);
            return Boolean.TRUE.equals(attributes.get("isRegularFile"))
                    && Long.valueOf(size).equals(attributes.get("size"))
                    && Integer.valueOf(1).equals(attributes.get("nlink"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // gone, unreadable, or no Unix attributes here
        }
    }

    /** Whether {@code old} is {@link #oneName} and holds exactly the first {@code length} of {@code bytes}. */
    private static boolean holds(Path old, byte[] bytes, int length) {
        if (!oneName(old, length)) {
            return false;
        }
        try (FileChannel in = FileChannel.open(old, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer have = ByteBuffer.allocate(length);
            while (have.hasRemaining() && in.read(have) >= 0) {
                // reads until full, or the file shrank meanwhile
            }
            return !have.hasRemaining() && in.size() == length
                    && Arrays.equals(have.array(), 0, length, bytes, 0, length);
        } catch (IOException e) { // gone or unreadable meanwhile: not the same file
            return false;
        }
    }
}
