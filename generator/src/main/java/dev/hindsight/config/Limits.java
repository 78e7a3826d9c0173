package dev.hindsight.config;

import dev.hindsight.source.LimitedFiles;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code limits:} section of {@code hindsight.yml}: what one input may cost.
 *
 * @param maxFileSize the largest document read, in bytes ({@code limits.max_file_size}, default 5 MiB);
 *                    a larger one is a {@code file-too-large} error and is skipped
 */
public record Limits(long maxFileSize) {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d{1,12})\\s*(b|kb|kib|mb|mib|gb|gib)?\\s*");

    public Limits {
        if (maxFileSize < 1) {
            throw new IllegalArgumentException("max file size must be positive");
        }
    }

    public static Limits defaults() {
        return new Limits(LimitedFiles.DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * A size such as {@code 5 MB}, {@code 512KB} or {@code 1048576} (bytes); KB, MB and GB count in
     * 1024s. Returns -1 when the text is not such a size or is zero.
     */
    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return n == 0 || n > Long.MAX_VALUE / factor ? -1 : n * factor;
    }
}
