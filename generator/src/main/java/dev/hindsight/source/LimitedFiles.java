package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a file with a size limit. At most {@code limit + 1} bytes are ever read, so a huge file (or
 * one that grows while it is read) costs bounded memory and time.
 */
public final class LimitedFiles {

    public static final String RULE_TOO_LARGE = "file-too-large";
    public static final String RULE_SPECIAL_FILE = "special-file";

    /** 5 MiB: ten times the longest postmortem we have seen, far below what a build can hold. */
    public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;

    private LimitedFiles() {
    }

    /**
     * The bytes of {@code file}, or null after reporting under {@link #RULE_TOO_LARGE} (against
     * {@code relPath}) that it holds more than {@code limit} bytes.
     */
    public static byte[] read(Path file, String relPath, long limit, Diagnostics diagnostics) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // Opening a named pipe blocks until someone writes; a device may never end.
            reportSpecial(file, relPath, diagnostics);
            return null;
        }
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file)) {
            bytes = readAtMost(channel, (int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
        }
        if (bytes.length > limit) {
            long size = Math.max(bytes.length, sizeOrZero(file));
            diagnostics.error(RULE_TOO_LARGE, Position.ofFile(relPath),
                    "file is " + size + " bytes, more than the limit of " + limit + " bytes; not read",
                    "split the document, or raise `limits.max_file_size` in hindsight.yml");
            return null;
        }
        return bytes;
    }

    /**
     * The first {@code max} bytes of {@code channel}, all of them if it holds fewer. A file smaller than {@code max}
     * (the usual case) is read straight into an array of its size, not in chunks copied together; one that turns
     * out shorter or longer than its size said (changed while read) is read again from its start, in chunks.
     */
    static byte[] readAtMost(FileChannel channel, int max) throws IOException {
        long size = channel.size();
        if (size < max) {
            byte[] bytes = new byte[(int) size];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full or at the end
            }
            if (!buffer.hasRemaining() && channel.read(ByteBuffer.allocate(1)) < 0) {
                return bytes;
            }
            channel.position(0);
        }
        return Channels.newInputStream(channel).readNBytes(max);
    }

    /**
     * Reports under {@link #RULE_SPECIAL_FILE} that {@code file} (links followed) is not a regular file:
     * a named pipe, socket or device, which is never opened.
     */
    public static void reportSpecial(Path file, String relPath, Diagnostics diagnostics) {
        diagnostics.error(RULE_SPECIAL_FILE, Position.ofFile(relPath), "`" + relPath + "` is " + kind(file)
                + ", not a regular file; not read", "remove it from the site, or replace it with the document itself");
    }

    /** "a named pipe", "a socket", ... from the file's type bits; "a special file" where they cannot be read. */
    private static String kind(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                case 0040000 -> "a folder";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Files.isDirectory(file) ? "a folder" : "a special file";
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
