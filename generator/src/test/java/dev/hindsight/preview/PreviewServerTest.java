package dev.hindsight.preview;

import dev.hindsight.api.PreviewOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a random loopback port, real file edits, the real event stream. */
class PreviewServerTest {

    static final String RUNBOOK = SiteFixture.VALID_RUNBOOK;

    @TempDir
    Path tmp;

    private PreviewServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String base() throws Exception {
        SiteFixture.write(tmp.resolve("src"), "-- runbooks/api.md --\n" + RUNBOOK.formatted("API runbook"));
        PreviewOptions options = PreviewOptions.of(tmp.resolve("src"), tmp.resolve("out")).withPort(0)
                .withReferenceDate(LocalDate.of(2024, 2, 1));
        server = new PreviewServer(options, log::add);
        InetSocketAddress at = server.start();
        assertThat(at.getAddress().isLoopbackAddress()).isTrue();
        return "http://127.0.0.1:" + at.getPort();
    }

    private static String get(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return status + " " + c.getContentType() + "\n" + body;
    }

    /** Reads the event stream on a daemon thread, queueing "event:data" strings. */
    private void listen(String base) {
        Thread t = new Thread(() -> {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + PreviewServer.EVENTS).toURL().openConnection();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                    String event = null;
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ") && event != null) {
                            events.add(event + ":" + line.substring(6));
                        }
                    }
                }
            } catch (Exception ignored) {
                // The server stopped.
            }
        }, "sse-test");
        t.setDaemon(true);
        t.start();
    }

    private String next(String prefix) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            String e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.startsWith(prefix)) {
                return e;
            }
        }
        throw new AssertionError("no '" + prefix + "' event; log: " + log);
    }

    @Test
    void servesPagesWithTheLiveScriptAndTheSite404() throws Exception {
        String base = base();
        String page = get(base + "/runbooks/api/");
        assertThat(page).startsWith("200 text/html; charset=utf-8").contains("API runbook")
                .contains("<script src=\"/__hindsight/live.js\"></script></body>");
        assertThat(get(base + "/__hindsight/live.js")).startsWith("200 text/javascript").contains("EventSource");
        assertThat(get(base + "/assets/style.css")).startsWith("200 text/css");
        assertThat(get(base + "/runbooks/api")).startsWith("200 text/html"); // redirected to the slash form
        assertThat(get(base + "/../../etc/passwd")).startsWith("404");
        assertThat(get(base + "/%2e%2e/%2e%2e/etc/passwd")).startsWith("404");
    }

    @Test
    void anEditReloadsOpenPagesWithTheNewContent() throws Exception {
        String base = base();
        listen(base);
        next("diagnostics:");
        Files.writeString(tmp.resolve("src/runbooks/api.md"), RUNBOOK.formatted("Renamed runbook"));
        next("reload:");
        assertThat(get(base + "/runbooks/api/index.html")).contains("Renamed runbook").doesNotContain("API runbook");
        assertThat(get(base + "/runbooks/index.html")).contains("Renamed runbook").doesNotContain("API runbook");
    }

    @Test
    void brokenYamlShowsInTheOverlayAndATemplateErrorKeepsTheLastGoodSite() throws Exception {
        String base = base();
        listen(base);
        next("diagnostics:");
        Files.writeString(tmp.resolve("src/runbooks/api.md"), "---\ntitle: [broken\n---\n");
        next("reload:"); // content errors still publish: every other page stays current
        String problems = next("diagnostics:");
        assertThat(problems).contains("\"file\": \"runbooks/api.md\"").contains("front-matter-yaml");

        Files.writeString(tmp.resolve("src/runbooks/api.md"), RUNBOOK.formatted("API runbook"));
        next("reload:");
        next("diagnostics:"); // the pages reload first; the (now clean) diagnostics follow
        SiteFixture.write(tmp.resolve("src"), "-- templates/runbook.ftlh --\n<#if>\n");
        String templateProblem = next("diagnostics:");
        assertThat(templateProblem).contains("templates/runbook.ftlh");
        Thread.sleep(300);
        assertThat(events).noneMatch(e -> e.startsWith("reload:"));
        assertThat(get(base + "/runbooks/api/index.html")).contains("API runbook");

        Files.delete(tmp.resolve("src/templates/runbook.ftlh"));
        next("reload:");
        Files.delete(tmp.resolve("src/runbooks/api.md"));
        next("reload:");
        assertThat(get(base + "/runbooks/api/index.html")).startsWith("404");
    }

    @Test
    void aTemplateThatCallsItselfDuringServeIsOneDiagnosticInTheOverlayAndTheLastGoodSiteStays() throws Exception {
        String base = base();
        listen(base);
        next("diagnostics:");
        SiteFixture.write(tmp.resolve("src"), "-- templates/runbook.ftlh --\n"
                + "<#macro again n><@again n + 1/></#macro>\n<@again 0/>\n");
        String problem = next("diagnostics:").replaceAll(" +", " ");
        assertThat(problem).isEqualTo("diagnostics:[ { \"file\": \"templates/runbook.ftlh\", \"line\": 1, \"column\": 1,"
                + " \"severity\": \"error\", \"rule\": \"stack-overflow\", \"message\": \"ran out of stack while"
                + " writing the site, in a template: one of the site's templates (templates/runbook.ftlh) most likely"
                + " calls itself without end\", \"hint\": \"look for a macro, function or #include that calls itself in"
                + " templates/; if the templates are right, give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m"
                + " (Maven: MAVEN_OPTS=-Xss16m)\" } ]");
        assertThat(events).noneMatch(e -> e.startsWith("reload:"));
        assertThat(get(base + "/runbooks/api/index.html")).startsWith("200").contains("API runbook");
        // The overlay's event can arrive before the server's log line is written: wait for the line.
        for (int i = 0; i < 100 && log.stream().noneMatch(l -> l.startsWith("build failed in ")); i++) {
            Thread.sleep(50);
        }
        assertThat(log).noneMatch(l -> l.contains("rebuild failed") || l.contains("Error") || l.contains("\tat "));
        assertThat(log).anyMatch(l -> l.startsWith("build failed in ") && l.contains("error[stack-overflow]"));

        Files.delete(tmp.resolve("src/templates/runbook.ftlh"));
        next("reload:");
        assertThat(next("diagnostics:")).doesNotContain("stack-overflow");
        assertThat(get(base + "/runbooks/api/index.html")).startsWith("200").contains("API runbook");
    }

    @Test
    void aBurstOfSavesGivesFewRebuilds() throws Exception {
        base();
        long before = server.buildCount();
        for (int i = 0; i < 20; i++) {
            Files.writeString(tmp.resolve("src/runbooks/api.md"), RUNBOOK.formatted("Title " + i));
        }
        Thread.sleep(3000);
        assertThat(server.buildCount() - before).isBetween(1L, 5L);
        assertThat(server.relevant(tmp.resolve("out/index.html"))).isFalse();
        assertThat(server.relevant(tmp.resolve("src/.git/index"))).isFalse();
        assertThat(server.relevant(tmp.resolve("src/runbooks/.api.md.swp"))).isFalse();
    }
}
