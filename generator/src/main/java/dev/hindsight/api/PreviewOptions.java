package dev.hindsight.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to run the preview.
 *
 * @param host          address to bind; loopback unless the writer asks otherwise
 * @param port          0 picks a free port
 * @param debounceMillis quiet time after the last change before a rebuild
 * @param referenceDate "today" for overdue and stale checks, or null for the HEAD commit date
 * @param allowedHosts  names, besides the bound address and loopback, that requests may give as
 *                      {@code Host} (a deliberate remote preview); lower case, each with or without a port
 */
public record PreviewOptions(Path source, Path output, String host, int port, long debounceMillis,
                             LocalDate referenceDate, List<String> allowedHosts) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4000;

    public PreviewOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(output, "output");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range: use 1 to 65535, or 0 for any "
                    + "free port");
        }
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(PreviewOptions::checkedHost).toList();
    }

    public static PreviewOptions of(Path source, Path output) {
        return new PreviewOptions(source, output, DEFAULT_HOST, DEFAULT_PORT, 100, null, List.of());
    }

    public PreviewOptions withPort(int p) {
        return new PreviewOptions(source, output, host, p, debounceMillis, referenceDate, allowedHosts);
    }

    public PreviewOptions withHost(String h) {
        return new PreviewOptions(source, output, h, port, debounceMillis, referenceDate, allowedHosts);
    }

    public PreviewOptions withReferenceDate(LocalDate d) {
        return new PreviewOptions(source, output, host, port, debounceMillis, d, allowedHosts);
    }

    /** Also accepts requests for these host names (as the {@code Host} header gives them). */
    public PreviewOptions withAllowedHosts(List<String> hosts) {
        return new PreviewOptions(source, output, host, port, debounceMillis, referenceDate, hosts);
    }

    /** A host name, IPv4 address or bracketed IPv6 address, optionally with {@code :port}; lower case. */
    private static String checkedHost(String name) {
        String h = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!h.matches("(\\[[0-9a-f:.]+\\]|[a-z0-9]([a-z0-9._-]*[a-z0-9])?)(:[0-9]{1,5})?")) {
            throw new IllegalArgumentException("allowed host '" + name + "' is not a host name or address (such as "
                    + "kb.example.com, 192.168.1.20 or [fe80::1], optionally with :PORT)");
        }
        return h;
    }
}
