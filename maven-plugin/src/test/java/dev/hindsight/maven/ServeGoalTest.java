package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
}
