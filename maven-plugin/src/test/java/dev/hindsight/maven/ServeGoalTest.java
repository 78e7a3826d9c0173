package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoExecutionException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ServeGoalTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void buildsThenServesEvenWithContentErrorsUntilInterrupted() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        Sites.write(site, "runbooks/broken.md", "---\ntitle: Broken\nservice: x\n---\n## Overview\n");
        RecordingLog log = new RecordingLog();
        ServeMojo serve = new ServeMojo();
        serve.setLog(log);
        serve.environment = name -> null;
        Mojos.set(serve, "siteDirectory", site.toFile());
        Mojos.set(serve, "outputDirectory", tmp.resolve("out").toFile());
        Mojos.set(serve, "referenceDate", "2026-03-01");
        Mojos.set(serve, "port", 0);

        Thread running = new Thread(() -> {
            try {
                serve.execute();
            } catch (Exception e) {
                log.error("unexpected " + e);
            }
        });
        running.start();
        URI address = null;
        while (address == null) {
            Thread.sleep(50);
            assertThat(running.isAlive()).as("still serving; log: %s", log.lines).isTrue();
            address = serving(log.lines).orElse(null);
        }

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(address.resolve("runbooks/checkout/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Checkout");
        assertThat(page.body()).contains("/__hindsight/live.js");

        running.interrupt();
        running.join(10_000);
        assertThat(running.isAlive()).isFalse();
        assertThat(log.lines).noneMatch(l -> l.contains("unexpected"));
    }

    private static Optional<URI> serving(List<String> lines) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith("[INFO] Serving "))
                    .map(l -> URI.create(l.replaceAll(".* at (http://\\S+) .*", "$1"))).findFirst();
        }
    }

    private ServeMojo serveMojo(RecordingLog log) throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        ServeMojo serve = new ServeMojo();
        serve.setLog(log);
        serve.environment = name -> null;
        Mojos.set(serve, "siteDirectory", site.toFile());
        Mojos.set(serve, "outputDirectory", tmp.resolve("out").toFile());
        Mojos.set(serve, "referenceDate", "2026-03-01");
        Mojos.set(serve, "port", 0);
        return serve;
    }

    @Test
    void anOutOfRangePortIsAMojoExecutionExceptionWithTheMessage() throws Exception {
        ServeMojo serve = Mojos.set(serveMojo(new RecordingLog()), "port", 70000);
        assertThatThrownBy(serve::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("`<port>` 70000: port 70000 is out of range: use 1 to 65535, or 0 for any free port");
    }

    @Test
    void aMalformedAllowedHostIsAMojoExecutionExceptionWithTheMessage() throws Exception {
        ServeMojo serve = Mojos.set(serveMojo(new RecordingLog()), "allowHosts", List.of("kb preview"));
        assertThatThrownBy(serve::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("`<allowHosts>`: allowed host 'kb preview' is not a host name or address (such as "
                        + "kb.example.com, 192.168.1.20 or [fe80::1], optionally with :PORT)");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void allowedHostsAreAnsweredAndOtherNamesRefused() throws Exception {
        RecordingLog log = new RecordingLog();
        ServeMojo serve = Mojos.set(serveMojo(log), "allowHosts", List.of("kb-preview.internal"));
        Thread running = new Thread(() -> {
            try {
                serve.execute();
            } catch (Exception e) {
                log.error("unexpected " + e);
            }
        });
        running.start();
        URI address = null;
        while (address == null) {
            Thread.sleep(50);
            assertThat(running.isAlive()).as("still serving; log: %s", log.lines).isTrue();
            address = serving(log.lines).orElse(null);
        }
        assertThat(statusLine(address, "kb-preview.internal")).isEqualTo("HTTP/1.1 200 OK");
        assertThat(statusLine(address, "evil.example")).startsWith("HTTP/1.1 421 ");
        running.interrupt();
        running.join(10_000);
        assertThat(running.isAlive()).isFalse();
        assertThat(log.lines).noneMatch(l -> l.contains("unexpected"));
    }

    /** The status line of {@code GET /runbooks/checkout/} sent with the given {@code Host} (HttpClient will not set it). */
    private static String statusLine(URI address, String host) throws Exception {
        try (Socket s = new Socket(address.getHost(), address.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /runbooks/checkout/ HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
