package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The on-call reading experience of the document pages of the example site, in Chromium at a phone's
 * 390×844 and a laptop's 1366×900, light and dark, over HTTP and from {@code file://}: every runbook
 * and postmortem has a table of contents whose links bring their headings into view, no page is wider
 * than a phone, no copy button covers code; an alert's page shows the fix in view at once and its link
 * lands on the part of its runbook that handles the alert, highlighted; an undefined alert's minimal
 * redirect works from file://; an unknown alert's address offers a search for its name; axe-core finds
 * no violation of any impact on these page kinds, the alert pages and alerts/ included. Screenshots go to target/screenshots.
 */
class DocumentPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RUNBOOKS = List.of("api-gateway", "auth-service", "data-pipeline",
            "nightly-batch", "orders-db", "payments-service", "session-redis", "sms-notifications");
    /** Alerts of example runbooks, with the runbook each lands on. */
    private static final Map<String, String> ALERTS = Map.of(
            "PaymentsHighMemory", "payments-service", "PaymentsProviderThrottled", "payments-service",
            "OrdersDbReplicationLag", "orders-db", "SyntheticCheckoutProbeFailed", "api-gateway",
            "SmsQueueBacklog", "sms-notifications");

    @TempDir
    static Path tmp;

    private static Path site;
    private static List<String> documentPages;
    private static ChromeDriver driver;
    private static String axeSource;
    private static HttpServer server;
    private static ExecutorService pool;

    /** Where the site is read from, the window size and the colour scheme. */
    record Setting(boolean http, int width, int height, boolean dark) {
        @Override
        public String toString() {
            return (http ? "http" : "file") + " " + width + "x" + height + " " + (dark ? "dark" : "light");
        }

        boolean phone() {
            return width < 600;
        }

        String name() {
            return width + "-" + (dark ? "dark" : "light") + "-" + (http ? "http" : "file");
        }
    }

    static Stream<Arguments> settings() {
        List<Arguments> out = new ArrayList<>();
        for (boolean http : new boolean[] {true, false}) {
            for (int[] size : new int[][] {{390, 844}, {1366, 900}}) {
                for (boolean dark : new boolean[] {false, true}) {
                    out.add(Arguments.of(new Setting(http, size[0], size[1], dark)));
                }
            }
        }
        return out.stream();
    }

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        site = tmp.resolve("site");
        pool = Executors.newFixedThreadPool(4);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", DocumentPageBrowserTest::serve);
        server.setExecutor(pool);
        server.start();
        // The site's base_url is where this test serves it, so the 404 page (which links absolutely) works.
        BuildResult built = new dev.hindsight.Hindsight().build(ExampleSite.options(site).withBaseUrl(base(true)));
        assertThat(built.exitCode(dev.hindsight.diag.Severity.ERROR)).as(built.diagnostics().toString()).isZero();
        documentPages = new ArrayList<>();
        RUNBOOKS.forEach(r -> documentPages.add("runbooks/" + r + "/index.html"));
        try (Stream<Path> pms = Files.list(ExampleSite.SOURCE.resolve("postmortems"))) {
            pms.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted()
                    .forEach(n -> documentPages.add("postmortems/" + n.substring(0, n.length() - 3) + "/index.html"));
        }
        assertThat(documentPages).hasSize(18);
        axeSource = Browser.axeSource();
        Files.createDirectories(SCREENSHOTS);
        driver = Browser.start(tmp.resolve("profile"));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** A static host: a folder serves its index.html, a missing path the site's 404.html with status 404. */
    private static void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
            Path root = site.toAbsolutePath().normalize();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".css")
                    ? "text/css; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : "application/octet-stream";
            ex.getResponseHeaders().set("Content-Type", type);
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everyDocumentPageFitsHasAWorkingTocAndNoCopyButtonOverCode(Setting s) throws IOException {
        use(s);
        List<String> problems = new ArrayList<>();
        for (String page : documentPages) {
            open(s, page);
            if (s.phone()) {
                long overflow = number("return document.documentElement.scrollWidth - window.innerWidth;");
                if (overflow > 0) {
                    problems.add(page + ": wider than the phone by " + overflow + " px");
                }
            }
            problems.addAll(prefixed(page, strings(COPY_OVERLAP)));
            problems.addAll(prefixed(page, strings(PANEL_AND_TABLES)));
            problems.addAll(prefixed(page, tocProblems()));
        }
        assertThat(problems).as(s.toString()).isEmpty();
    }

    /**
     * Whoever is paged opens {@code alerts/<Name>/} (the example's alerts are all defined by its rule file): the
     * fix is in view at once, without scrolling — the link into the runbook and the runbook's handling of the
     * alert, inline — and following the link lands on that handling in the runbook, highlighted (issue 19).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void anAlertsPageShowsTheFixInViewAndItsLinkLandsOnTheHandlingHighlighted(Setting s) throws IOException {
        use(s);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> alert : new java.util.TreeMap<>(ALERTS).entrySet()) {
            String page = "alerts/" + alert.getKey() + (s.http() ? "/" : "/index.html");
            open(s, page);
            String at = alert.getKey() + " -> " + driver.getCurrentUrl();
            if (!driver.getCurrentUrl().endsWith(page)) {
                problems.add(at + ": left the alert's page");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fix = (Map<String, Object>) js().executeScript(
                    "var a = document.getElementById('runbook-link'), h = document.getElementById('handling');"
                    + "if (!a || !h) { return {found: false}; }"
                    + "var n = h.querySelector('.alert-name'), ar = a.getBoundingClientRect(),"
                    + " hr = h.getBoundingClientRect(), nr = n ? n.getBoundingClientRect() : null;"
                    + "return {found: true, linkTop: ar.top, linkBottom: ar.bottom, handlingTop: hr.top,"
                    + " name: n ? n.textContent : '', nameBottom: nr ? nr.bottom : 1e9, scrollY: window.scrollY};");
            if (!Boolean.TRUE.equals(fix.get("found"))) {
                problems.add(at + ": no runbook link or no handling section");
                continue;
            }
            double height = s.height();
            if (((Number) fix.get("linkTop")).doubleValue() < 0 || ((Number) fix.get("linkBottom")).doubleValue() > height) {
                problems.add(at + ": the runbook link is not in view: " + fix);
            }
            // The handling starts in view, and the line naming the alert is wholly in view.
            if (((Number) fix.get("handlingTop")).doubleValue() > height - 100) {
                problems.add(at + ": the handling starts below the fold: " + fix);
            }
            if (!alert.getKey().equals(fix.get("name")) || ((Number) fix.get("nameBottom")).doubleValue() > height) {
                problems.add(at + ": the alert's line of the runbook is not in view: " + fix);
            }
            if (((Number) fix.get("scrollY")).doubleValue() != 0) {
                problems.add(at + ": the page scrolled by itself");
            }
            if (alert.getKey().equals("PaymentsHighMemory")) {
                screenshotViewport("alerts-page-fix-" + s.name() + ".png", s);
            }
            driver.findElement(org.openqa.selenium.By.id("runbook-link")).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    d.getCurrentUrl().contains("runbooks/" + alert.getValue() + "/index.html#")
                            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            @SuppressWarnings("unchecked")
            Map<String, Object> landed = (Map<String, Object>) js().executeScript(
                    "var id = decodeURIComponent(location.hash.slice(1)); var el = document.getElementById(id);"
                    + "if (!el) { return {found: false}; }"
                    + "var r = el.getBoundingClientRect();"
                    + "return {found: true, text: el.textContent, top: r.top, bottom: r.bottom, scrollY: window.scrollY,"
                    + " target: el.matches(':target'), outline: getComputedStyle(el).outlineStyle};");
            at = alert.getKey() + " -> " + driver.getCurrentUrl();
            if (!Boolean.TRUE.equals(landed.get("found"))) {
                problems.add(at + ": no element with the fragment's id");
                continue;
            }
            double top = ((Number) landed.get("top")).doubleValue();
            double bottom = ((Number) landed.get("bottom")).doubleValue();
            // In view, with room above it for a sticky header and the line before it.
            if (top < 40 || bottom > s.height()) {
                problems.add(at + ": target not in the viewport (top " + top + ", bottom " + bottom + ")");
            }
            if (((Number) landed.get("scrollY")).doubleValue() <= 0) {
                problems.add(at + ": page not scrolled, the reader is at the top");
            }
            if (!String.valueOf(landed.get("text")).contains(alert.getKey())) {
                problems.add(at + ": target is not the alert's name: " + landed.get("text"));
            }
            if (!Boolean.TRUE.equals(landed.get("target")) || "none".equals(landed.get("outline"))) {
                problems.add(at + ": the alert's name is not highlighted");
            }
            if (alert.getKey().equals("PaymentsHighMemory")) {
                screenshotViewport("alert-landing-" + s.name() + ".png", s);
            }
        }
        assertThat(problems).as(s.toString()).isEmpty();
    }

    /**
     * An alert that no rule defines (only a runbook lists it) keeps its redirect, now a page of at most 1 KB
     * without the site's frame: from {@code file://} too, Chromium follows it to the runbook's handling.
     */
    @Test
    void anUndefinedAlertsMinimalRedirectWorksFromFile() throws IOException {
        use(new Setting(false, 390, 844, false));
        Path fixture = tmp.resolve("redirect-fixture");
        dev.hindsight.SiteFixture.write(fixture, AlertPagesTest.SITE);
        Path out = fixture.resolve("out");
        new dev.hindsight.Hindsight().build(dev.hindsight.api.BuildOptions.build(fixture.resolve("site"), out)
                .withReferenceDate(java.time.LocalDate.of(2024, 2, 1)));
        Path page = out.resolve("alerts/OldAlert/index.html");
        assertThat(Files.size(page)).isLessThanOrEqualTo(1024);
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                d.getCurrentUrl().equals(out.resolve("runbooks/api/index.html").toUri() + "#mitigation")
                        && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat((String) js().executeScript("return document.getElementById('mitigation').textContent;"))
                .startsWith("Mitigation");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void axeFindsNoViolationOnAnyDocumentPageKind(Setting s) throws IOException {
        use(s);
        List<String> problems = new ArrayList<>();
        Map<String, String> kinds = new java.util.LinkedHashMap<>();
        kinds.put("runbook", "runbooks/payments-service/index.html");
        kinds.put("postmortem", "postmortems/2025-02-18-payments-memory-leak/index.html");
        kinds.put("postmortem-long", "postmortems/2026-09-29-silent-pipeline-failure/index.html");
        kinds.put("alert-landing", "runbooks/orders-db/index.html#alert-OrdersDbReplicationLag");
        kinds.put("404", s.http() ? "alerts/NoSuchAlert/" : "404.html");
        kinds.put("alerts-page", "alerts/PaymentsHighMemory/index.html");
        kinds.put("alerts-index", "alerts/index.html");
        for (Map.Entry<String, String> k : kinds.entrySet()) {
            open(s, k.getValue());
            problems.addAll(prefixed(k.getKey(), violations()));
            if (!k.getKey().equals("alert-landing")) {
                screenshot(k.getKey() + "-" + s.name() + ".png", s);
            }
            if (k.getKey().equals("postmortem") || k.getKey().equals("runbook")) {
                String part = k.getKey().equals("postmortem") ? "action-items" : "mitigation";
                js().executeScript("document.getElementById(arguments[0]).scrollIntoView();", part);
                screenshotViewport(k.getKey() + "-" + part + "-" + s.name() + ".png", s);
            }
        }
        assertThat(problems).as(s.toString()).isEmpty();
    }

    @Test
    void anUnknownAlertsAddressOffersASearchForTheName() {
        use(new Setting(true, 1366, 900, false));
        driver.get(base(true) + "alerts/PaymentsHighMemroy/");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(driver.getTitle()).startsWith("Page not found");
        String href = (String) js().executeScript(
                "var a = document.getElementById('not-found-search-link'); return a && a.href;");
        assertThat(href).isEqualTo(base(true) + "search/index.html?q=PaymentsHighMemroy");
        assertThat((String) js().executeScript("return document.getElementById('not-found-search').textContent;"))
                .isEqualTo("No page for the alert PaymentsHighMemroy. It may have been renamed: "
                        + "search for \u201cPaymentsHighMemroy\u201d.");
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * Each copy button (whole block or per command) against every line box of the text of its code
     * block: any overlap of more than half a pixel is reported.
     */
    static final String COPY_OVERLAP = """
            var out = [];
            document.querySelectorAll('.doc-body .code-block').forEach(function (block, n) {
              var code = block.querySelector('pre');
              var rects = [];
              var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
              while (walker.nextNode()) {
                var range = document.createRange();
                range.selectNodeContents(walker.currentNode);
                Array.prototype.forEach.call(range.getClientRects(), function (r) {
                  if (r.width > 0 && r.height > 0) { rects.push(r); }
                });
              }
              var buttons = block.querySelectorAll('button');
              if (!buttons.length) { out.push('code block ' + n + ' has no copy button'); }
              buttons.forEach(function (b) {
                var br = b.getBoundingClientRect();
                rects.forEach(function (r) {
                  var x = Math.min(br.right, r.right) - Math.max(br.left, r.left);
                  var y = Math.min(br.bottom, r.bottom) - Math.max(br.top, r.top);
                  if (x > 0.5 && y > 0.5) {
                    out.push('button "' + (b.getAttribute('aria-label') || b.textContent) + '" of code block ' + n
                      + ' covers text at ' + Math.round(r.left) + ',' + Math.round(r.top));
                  }
                });
              });
            });
            return out;
            """;

    /**
     * The facts panel holds its content (nothing sticks out of its box), and every table wider than
     * its box has a visible hint that it scrolls.
     */
    static final String PANEL_AND_TABLES = """
            var out = [];
            document.querySelectorAll('.meta-panel').forEach(function (panel) {
              var box = panel.getBoundingClientRect();
              if (panel.scrollWidth > panel.clientWidth) {
                out.push('facts panel content is ' + (panel.scrollWidth - panel.clientWidth) + ' px wider than its box');
              }
              panel.querySelectorAll('dd, dt, li').forEach(function (el) {
                var r = el.getBoundingClientRect();
                if (r.right > box.right + 0.5) {
                  out.push('"' + el.textContent.trim() + '" sticks out of the facts panel by ' + Math.round(r.right - box.right) + ' px');
                }
              });
            });
            document.querySelectorAll('.table-wrap, .doc-body table').forEach(function (t) {
              if (t.scrollWidth > t.clientWidth + 1) {
                var hint = t.previousElementSibling;
                if (!hint || hint.className !== 'scroll-hint' || hint.getBoundingClientRect().height === 0) {
                  out.push('table "' + t.textContent.trim().slice(0, 40) + '" is clipped without a hint');
                }
              }
            });
            return out;
            """;

    /** Opens the TOC, follows each link and checks that its heading is then in view. */
    private static List<String> tocProblems() {
        return tocProblems(js());
    }

    /** As {@link #tocProblems()} in the page {@code js} drives (other browser tests use it). */
    static List<String> tocProblems(JavascriptExecutor js) {
        @SuppressWarnings("unchecked")
        List<Object> raw = (List<Object>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var toc = document.querySelector('details.toc');
                if (!toc) { done(['no table of contents']); return; }
                toc.open = true;
                var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
                var headings = document.querySelectorAll('.doc-body h2');
                var out = [];
                if (links.length < headings.length) {
                  out.push('TOC has ' + links.length + ' links for ' + headings.length + ' sections');
                }
                var i = 0;
                function next() {
                  if (i >= links.length) { window.scrollTo(0, 0); done(out); return; }
                  var a = links[i++];
                  window.scrollTo(0, 0);
                  a.click();
                  requestAnimationFrame(function () { requestAnimationFrame(function () {
                    var el = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
                    if (!el) { out.push('TOC link ' + a.textContent + ' has no target'); next(); return; }
                    var r = el.getBoundingClientRect();
                    if (r.top < 0 || r.bottom > window.innerHeight) {
                      out.push('TOC link "' + a.textContent + '" leaves its heading at ' + Math.round(r.top));
                    }
                    next();
                  }); });
                }
                next();
                """);
        return raw.stream().map(String::valueOf).toList();
    }

    /** Every axe-core violation, of any impact. */
    private static List<String> violations() throws IOException {
        js().executeScript(axeSource);
        Object raw = js().executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'], preload: false})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('error: ' + e); });");
        String text = String.valueOf(raw);
        assertThat(text).doesNotStartWith("error:");
        List<String> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString() + " "
                    + n.path("failureSummary").asText().replace('\n', ' ')));
            out.add(v.path("impact").asText() + " " + v.path("id").asText() + ": " + v.path("help").asText() + " "
                    + targets);
        }
        return out;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static JavascriptExecutor js() {
        return driver;
    }

    /** The window size (exactly, through DevTools) and the colour scheme of {@code s}. */
    private static void use(Setting s) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", s.width(), "height",
                s.height(), "deviceScaleFactor", 1, "mobile", false));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", s.dark() ? "dark" : "light"))));
    }

    private static String base(boolean http) {
        return http ? "http://127.0.0.1:" + server.getAddress().getPort() + "/" : site.toUri().toString();
    }

    private static void open(Setting s, String page) {
        driver.get(base(s.http()) + page);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        long innerWidth = number("return window.innerWidth;");
        assertThat(innerWidth).as("viewport width").isEqualTo(s.width());
    }

    private static long number(String script) {
        return ((Number) js().executeScript(script)).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script) {
        return ((List<Object>) js().executeScript(script)).stream().map(String::valueOf).toList();
    }

    private static List<String> prefixed(String prefix, List<String> items) {
        return items.stream().map(i -> prefix + ": " + i).toList();
    }

    /** The whole page, at most 6000 CSS pixels tall. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name, Setting s) throws IOException {
        if (!shootsIn(s)) {
            return;
        }
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        capture(name, Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", Math.min(((Number) size.get("height")).doubleValue(), 6000), "scale", 1));
        capture(name.replace(".png", "-top.png"), Map.of("x", 0, "y", 0, "width", s.width(), "height", s.height(),
                "scale", 1));
    }

    /** What the reader sees without scrolling. */
    private static void screenshotViewport(String name, Setting s) throws IOException {
        if (!shootsIn(s)) {
            return;
        }
        // Not beyond the viewport: that capture lays the page out again at its full height.
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(SCREENSHOTS.resolve(name.toLowerCase(Locale.ROOT)),
                Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** Screenshots of HTTP in light and file:// in dark: each size and scheme once. */
    private static boolean shootsIn(Setting s) {
        return s.http() != s.dark();
    }

    private static void capture(String name, Map<String, Object> clip) throws IOException {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.write(SCREENSHOTS.resolve(name.toLowerCase(Locale.ROOT)),
                Base64.getDecoder().decode((String) shot.get("data")));
    }
}
