package dev.hindsight.preview;

import dev.hindsight.api.PreviewOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding: raw HTTP requests over a socket, with the {@code Host} and {@code Origin} headers a
 * page of another web site would send after pointing its name at 127.0.0.1.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreviewHostTest {

    @TempDir
    Path tmp;

    private PreviewServer server;
    private int port;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(List<String> allowed) throws Exception {
        SiteFixture.write(tmp.resolve("src"), "-- runbooks/api.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("Secret runbook"));
        PreviewOptions options = PreviewOptions.of(tmp.resolve("src"), tmp.resolve("out")).withPort(0)
                .withReferenceDate(LocalDate.of(2024, 2, 1)).withAllowedHosts(allowed);
        server = new PreviewServer(options, line -> { });
        InetSocketAddress at = server.start();
        port = at.getPort();
    }

    /**
     * Sends {@code head} (the request line and headers, without the blank line) and returns what
     * comes back within a second: for the event stream, its status and first events.
     */
    private String raw(String head) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    got.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                // An open event stream: what came so far is enough.
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    private String get(String target, String... headers) throws IOException {
        StringBuilder b = new StringBuilder("GET " + target + " HTTP/1.1");
        for (String h : headers) {
            b.append("\r\n").append(h);
        }
        return raw(b.toString());
    }

    private static void assertRefused(String response, int status) {
        assertThat(response).startsWith("HTTP/1.1 " + status + " ");
        assertThat(response).containsIgnoringCase("content-type: text/plain").doesNotContain("Secret runbook");
    }

    @Test
    void answersTheLoopbackNamesWithAndWithoutPort() throws Exception {
        start(List.of());
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port,
                "127.0.0.1", "localhost")) {
            assertThat(get("/runbooks/api/", "Host: " + host)).as(host).startsWith("HTTP/1.1 200 ")
                    .contains("Secret runbook");
        }
        assertThat(get("http://127.0.0.1:" + port + "/runbooks/api/", "Host: 127.0.0.1:" + port))
                .as("absolute form naming this preview").startsWith("HTTP/1.1 200 ");
    }

    @Test
    void refusesForeignHostNames() throws Exception {
        start(List.of());
        for (String host : List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example",
                "127.0.0.1.evil.example:" + port, "localhost.evil", "localhost.evil:" + port, "127.0.0.1:1",
                "localhost:" + port + "@evil.example", "127.0.0.2:" + port)) {
            String response = get("/runbooks/api/", "Host: " + host);
            assertRefused(response, 421);
            assertThat(response).as(host).endsWith("misdirected request: this preview only answers requests for its "
                    + "own address, 127.0.0.1, localhost and [::1]\n");
        }
        assertRefused(get("/__hindsight/live.js", "Host: evil.example:" + port), 421);
        assertRefused(get(PreviewServer.EVENTS, "Host: evil.example:" + port), 421);
    }

    @Test
    void refusesAnEmptyMissingOrRepeatedHost() throws Exception {
        start(List.of());
        assertRefused(get("/runbooks/api/", "Host: "), 421);
        assertRefused(get("/runbooks/api/"), 400);
        assertRefused(get("/runbooks/api/", "Host: 127.0.0.1:" + port, "Host: evil.example"), 400);
        assertRefused(get("/runbooks/api/", "Host: evil.example", "Host: 127.0.0.1:" + port), 400);
        assertThat(get("/runbooks/api/")).endsWith("bad request: exactly one Host header is required\n");
    }

    @Test
    void refusesAnAbsoluteFormTargetNamingAnotherHost() throws Exception {
        start(List.of());
        assertRefused(get("http://evil/", "Host: 127.0.0.1:" + port), 421);
        assertRefused(get("http://evil/runbooks/api/", "Host: 127.0.0.1:" + port), 421);
        assertRefused(get("http://evil.example:" + port + "/", "Host: localhost:" + port), 421);
        assertRefused(get("ftp://127.0.0.1:" + port + "/", "Host: 127.0.0.1:" + port), 421);
    }

    @Test
    void theEventStreamRefusesOtherOrigins() throws Exception {
        start(List.of());
        String host = "127.0.0.1:" + port;
        for (String origin : List.of("http://evil.example", "http://evil.example:" + port, "null",
                "https://127.0.0.1:" + port, "http://localhost:" + port)) {
            String response = get(PreviewServer.EVENTS, "Host: " + host, "Origin: " + origin);
            assertRefused(response, 403);
            assertThat(response).as(origin).endsWith("forbidden: the event stream is only for pages of this preview\n");
        }
        assertThat(get(PreviewServer.EVENTS, "Host: " + host, "Origin: http://127.0.0.1:" + port))
                .startsWith("HTTP/1.1 200 ").contains("event: diagnostics");
        assertThat(get(PreviewServer.EVENTS, "Host: " + host)).startsWith("HTTP/1.1 200 ").contains("event: diagnostics");
        assertThat(get(PreviewServer.EVENTS, "Host: localhost:" + port, "Origin: http://localhost:" + port))
                .startsWith("HTTP/1.1 200 ");
    }

    @Test
    void allowHostAddsNamesForADeliberateRemotePreview() throws Exception {
        start(List.of("kb.example.com", "Preview.Example:8443"));
        assertThat(get("/runbooks/api/", "Host: kb.example.com")).startsWith("HTTP/1.1 200 ");
        assertThat(get("/runbooks/api/", "Host: KB.example.com:" + port)).startsWith("HTTP/1.1 200 ");
        assertThat(get("/runbooks/api/", "Host: preview.example:8443")).startsWith("HTTP/1.1 200 ");
        assertRefused(get("/runbooks/api/", "Host: preview.example:" + port), 421);
        assertRefused(get("/runbooks/api/", "Host: kb.example.com.evil"), 421);
        assertRefused(get("/runbooks/api/", "Host: evil.example"), 421);
    }
}
