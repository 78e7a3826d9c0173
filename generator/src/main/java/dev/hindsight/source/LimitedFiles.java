package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reading a file with a size limit. At most {@code limit + 1} bytes are ever read, so a huge file (or
 * one that grows while it is read) costs bounded memory and time.
 */
public final class LimitedFiles {

    public static final String RULE_TOO_LARGE = "file-too-large";

    /** 5 MiB: ten times the longest postmortem we have seen, far below what a build can hold. */
    public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;

    private LimitedFiles() {
    }

    /**
     * The bytes of {@code file}, or null after reporting under {@link #RULE_TOO_LARGE} (against
     * {@code relPath}) that it holds more than {@code limit} bytes.
     */
    public static byte[] read(Path file, String relPath, long limit, Diagnostics diagnostics) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 16));
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

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
