package dev.hindsight.preview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How to run the preview.
 *
 * @param host          address to bind; loopback unless the writer asks otherwise
 * @param port          0 picks a free port
 * @param debounceMillis quiet time after the last change before a rebuild
 * @param referenceDate "today" for overdue and stale checks, or null for the HEAD commit date
 */
public record PreviewOptions(Path source, Path output, String host, int port, long debounceMillis,
                             LocalDate referenceDate) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4000;

    public PreviewOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    }

    public static PreviewOptions of(Path source, Path output) {
        return new PreviewOptions(source, output, DEFAULT_HOST, DEFAULT_PORT, 100, null);
    }

    public PreviewOptions withPort(int p) {
        return new PreviewOptions(source, output, host, p, debounceMillis, referenceDate);
    }

    public PreviewOptions withHost(String h) {
        return new PreviewOptions(source, output, h, port, debounceMillis, referenceDate);
    }

    public PreviewOptions withReferenceDate(LocalDate d) {
        return new PreviewOptions(source, output, host, port, debounceMillis, d);
    }
}
