package dev.hindsight.build;

import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site chrome an on-call engineer meets first, in Chromium at 390×844 and 1366×900, light and dark,
 * over {@code file://} and HTTP: a compact sticky header with a menu, no sideways overflow on a phone,
 * axe-core clean (any impact), the first search result on the first screen, and a result that opens its
 * page at the matching section with the words marked. Screenshots go to {@code target/screenshots/}.
 */
class OnCallChromeBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One page of every kind, by a short name for its screenshot. */
    private static final Map<String, String> PAGES = pages();
    /** A document of a kind of the site's own (base: generic), added to a copy of the example site. */
    private static final String GAME_DAY = """
            ---
            title: Game day 2026-Q3 — payments failover
            date: 2026-08-12
            tags: [payments, game-day]
            ---
            ## Goal

            Fail the payments primary over on purpose and time how long checkout takes to recover.

            ## Scenario

            1. Announce the game day in `#incidents` so nobody is paged for it.
            2. Stop the primary:
               ```bash
               kubectl -n payments delete pod payments-db-0 --grace-period=0
               ```
            3. Watch the checkout error rate until it is back under 0.1 %.

            ## Findings

            | Finding | Owner | Follow-up |
            |---------|-------|-----------|
            | Failover took 94 s, twice the target, because the client kept its pool of dead connections | payments-team | PAY-812 |
            | The PaymentsHighErrorRate alert fired after 60 s as designed | sre-team | none |

            ## Next time

            Run it during business hours with the storefront team on the call.
            """;

    private static Map<String, String> pages() {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("home", "index.html");
        p.put("postmortems", "postmortems/index.html");
        p.put("runbooks", "runbooks/index.html");
        p.put("alerts", "alerts/index.html");
        p.put("action-items", "action-items/index.html");
        p.put("metrics", "metrics/index.html");
        p.put("services", "services/index.html");
        p.put("service", "services/payments/index.html");
        p.put("tags", "tags/index.html");
        p.put("tag", "tags/payments/index.html");
        p.put("postmortem", "postmortems/2025-02-18-payments-memory-leak/index.html");
        p.put("runbook", "runbooks/payments-service/index.html");
        p.put("other-doc", "game-days/2026-08-12-payments-failover/index.html");
        p.put("search", "search/index.html?q=memory");
        // Over HTTP, as a host serves it for an unknown address; the file itself is never opened from disk.
        p.put("404", "alerts/NoSuchAlert/");
        return p;
    }

    @TempDir
    static Path tmp;

    private static Path site;
    private static ChromeDriver driver;
    private static String axeSource;
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        site = tmp.resolve("site");
        // The example site, plus a document of a kind of its own, so that every page kind is here.
        Path source = tmp.resolve("source");
        try (java.util.stream.Stream<Path> files = Files.walk(ExampleSite.SOURCE)) {
            for (Path f : files.filter(f -> !f.toString().contains("/target")).toList()) {
                Path to = source.resolve(ExampleSite.SOURCE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Files.writeString(source.resolve("hindsight.yml"), Files.readString(source.resolve("hindsight.yml"))
                + "\nkinds:\n  game-day:\n    folder: game-days\n    base: generic\n");
        Files.createDirectories(source.resolve("game-days"));
        Files.writeString(source.resolve("game-days/2026-08-12-payments-failover.md"), GAME_DAY);
        axeSource = Browser.axeSource();
        Files.createDirectories(SCREENSHOTS);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                // As a static host does: the site's 404 page, with status 404.
                file = site.resolve("404.html");
                status = 404;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        // The site's base_url is where it is served here, so the 404 page (which links absolutely) works.
        BuildResult built = new dev.hindsight.Hindsight().build(BuildOptions.build(source, site)
                .withReferenceDate(ExampleSite.REFERENCE_DATE)
                .withBaseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
        assertThat(built.exitCode(dev.hindsight.diag.Severity.ERROR)).as(built.diagnostics().toString()).isZero();
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
        }
    }

    @Test
    void onAPhoneTheHeaderIsOneStickyLineWithSearchAndAMenu() {
        viewport(390, 844);
        open("file", "runbooks/payments-service/index.html");
        WebElement header = driver.findElement(By.cssSelector(".site-header"));
        assertThat(header.getRect().getHeight()).as("header height").isLessThanOrEqualTo(64);
        assertThat(header.getCssValue("position")).isEqualTo("sticky");
        assertThat(driver.findElement(By.id("search-input")).isDisplayed()).isTrue();
        WebElement postmortems = driver.findElement(By.cssSelector(".site-header nav a[href$='postmortems/index.html']"));
        assertThat(postmortems.isDisplayed()).as("navigation folded into the menu").isFalse();
        driver.findElement(By.cssSelector(".nav-menu > summary")).click();
        assertThat(postmortems.isDisplayed()).as("the menu opens without a script of ours").isTrue();
        js("window.scrollTo(0, 3000)");
        assertThat(((Number) js("return document.querySelector('.site-header').getBoundingClientRect().top"))
                .doubleValue()).as("still at the top after scrolling").isZero();
    }

    @ParameterizedTest
    @CsvSource({"1280", "1366"})
    void onADesktopTheHeaderDoesNotWrap(int width) {
        viewport(width, 900);
        open("file", "index.html");
        WebElement header = driver.findElement(By.cssSelector(".site-header"));
        WebElement toggle = driver.findElement(By.id("theme-toggle"));
        WebElement last = driver.findElement(By.cssSelector(".site-header nav li:last-child a"));
        assertThat(header.getRect().getHeight()).isLessThanOrEqualTo(64);
        // Selenium calls anything in a closed <details> hidden; what counts is what is on the screen.
        assertThat(js("var r = arguments[0].getBoundingClientRect();"
                + "return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === arguments[0];", last))
                .as("the last nav link is on the screen, not covered").isEqualTo(true);
        assertThat(Math.abs(toggle.getRect().getY() - last.getRect().getY())).as("theme toggle on the nav's line")
                .isLessThan(20);
        assertThat(overflow()).isLessThanOrEqualTo(0);
    }

    /**
     * Every page kind, over file:// and HTTP, at a phone's and a laptop's size, light and dark: no
     * sideways overflow of the body, axe-core finds no violation of any impact; the document pages
     * (runbook, postmortem, a kind of the site's own) have a table of contents whose links bring their
     * headings into view and no copy button over code. Screenshots (from file://) go to
     * target/screenshots/oncall-PAGE-WIDTH-THEME.png.
     */
    @ParameterizedTest(name = "{0} {1}x{2} {3}")
    @CsvSource({"file, 390, 844, light", "file, 390, 844, dark", "file, 1366, 900, light", "file, 1366, 900, dark",
            "http, 390, 844, light", "http, 390, 844, dark", "http, 1366, 900, light", "http, 1366, 900, dark"})
    void everyPageKindFitsAndPassesAxe(String scheme, int width, int height, String theme) throws IOException {
        viewport(width, height);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(
                Map.of("name", "prefers-color-scheme", "value", theme))));
        List<String> problems = new ArrayList<>();
        try {
            for (Map.Entry<String, String> page : PAGES.entrySet()) {
                if (page.getKey().equals("404") && scheme.equals("file")) {
                    continue;
                }
                open(scheme, page.getValue());
                String at = page.getKey() + " (" + scheme + " " + width + " " + theme + ")";
                Object bg = js("return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();");
                if (!bg.equals(theme.equals("dark") ? "#0d1117" : "#ffffff")) {
                    problems.add(at + ": the page is not in the " + theme + " theme (--bg " + bg + ")");
                }
                if (page.getKey().equals("search")) {
                    waitFor("document.querySelectorAll('#search-results .hs-result').length > 0");
                }
                int overflow = overflow();
                if (overflow > 0) {
                    problems.add(at + ": body wider than the window by " + overflow + " px");
                }
                violations().forEach(v -> problems.add(at + ": axe " + v));
                // Before the TOC links are followed, which leave the page scrolled to a marked heading.
                if (scheme.equals("file") || page.getKey().equals("404")) {
                    screenshot("oncall-" + page.getKey() + "-" + width + "-" + theme + ".png");
                }
                if (page.getValue().contains("runbooks/payments") || page.getValue().contains("postmortems/2025")
                        || page.getValue().contains("game-days/")) {
                    strings(DocumentPageBrowserTest.COPY_OVERLAP).forEach(p -> problems.add(at + ": " + p));
                    DocumentPageBrowserTest.tocProblems(driver).forEach(p -> problems.add(at + ": " + p));
                }
            }
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script) {
        return ((List<Object>) js(script)).stream().map(String::valueOf).toList();
    }

    /** The header of the search page on a phone: every control whole, on the screen, apart, big enough to tap. */
    @ParameterizedTest
    @CsvSource({"390, 844", "375, 667", "360, 740"})
    void onAPhoneTheThemeToggleHasRoomBesideSearchAndMenu(int width, int height) {
        viewport(width, height);
        open("file", "search/index.html?q=memory");
        waitFor("document.querySelectorAll('#search-results .hs-result').length > 0");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js("""
                var out = [];
                var width = document.documentElement.clientWidth;
                var parts = [['brand', '.site-header .brand'], ['search', '.site-header .header-search input'],
                  ['menu', '.nav-menu > summary'], ['theme toggle', '#theme-toggle']];
                var rects = parts.map(function (p) { return [p[0], document.querySelector(p[1]).getBoundingClientRect()]; });
                rects.forEach(function (a, i) {
                  var r = a[1];
                  if (r.left < 0 || r.right > width + 0.5) { out.push(a[0] + ' not whole on the screen: ' + r.left + '..' + r.right + ' of ' + width); }
                  if (a[0] !== 'brand' && (r.width < 32 || r.height < 32)) { out.push(a[0] + ' is ' + r.width + 'x' + r.height + ', under 32 px'); }
                  rects.slice(i + 1).forEach(function (b) {
                    var s = b[1];
                    var x = Math.min(r.right, s.right) - Math.max(r.left, s.left);
                    var y = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
                    if (x > -4 && y > 0) { out.push(a[0] + ' and ' + b[0] + ' touch or overlap'); }
                  });
                });
                var toggle = document.getElementById('theme-toggle');
                if (document.elementFromPoint(rects[3][1].left + rects[3][1].width / 2, rects[3][1].top + rects[3][1].height / 2)
                    !== toggle && !toggle.contains(document.elementFromPoint(rects[3][1].left + rects[3][1].width / 2,
                    rects[3][1].top + rects[3][1].height / 2))) { out.push('the theme toggle is covered'); }
                return out;
                """);
        assertThat(problems).as(width + "x" + height).isEmpty();
        // The facets are there (folded) and the first result still on the first screen.
        assertThat(driver.findElements(By.cssSelector(".search-filters"))).hasSize(1);
        WebElement first = driver.findElement(By.cssSelector("#search-results .hs-result"));
        assertThat(first.getRect().getY() + first.getRect().getHeight()).isLessThanOrEqualTo(height);
        screenshot("oncall-search-header-" + width + ".png", height);
    }

    @ParameterizedTest
    @CsvSource({"file", "http"})
    void theFirstSearchResultIsOnTheFirstScreenOfAPhone(String scheme) {
        viewport(390, 844);
        open(scheme, "search/index.html?q=memory");
        waitFor("document.querySelectorAll('#search-results .hs-result').length > 0");
        WebElement first = driver.findElement(By.cssSelector("#search-results .hs-result"));
        assertThat(first.getRect().getY() + first.getRect().getHeight()).as("bottom of the first result")
                .isLessThanOrEqualTo(844);
    }

    @ParameterizedTest
    @CsvSource({"file, 390, 844", "http, 390, 844", "file, 1366, 900", "http, 1366, 900"})
    void aPhraseFromTheMiddleOfARunbookOpensItsSectionWithThePhraseMarked(String scheme, int width, int height) {
        viewport(width, height);
        // From step 3 of the payments runbook's Diagnosis, far below the top of the page.
        open(scheme, "search/index.html?q=heap+histogram+from+the+largest+pod");
        waitFor("document.querySelectorAll('#search-results a.hs-title').length > 0"
                + " && !!document.getElementById('search-results').dataset.sections");
        WebElement link = driver.findElement(By.cssSelector("#search-results a.hs-title"));
        assertThat(link.getText()).isEqualTo("Payment service");
        // A section-level hit: the result names the section and links to it, its snippet is the text
        // around the words there (not the runbook's lead), with the words marked.
        WebElement result = driver.findElement(By.cssSelector("#search-results .hs-result"));
        assertThat(link.getAttribute("href")).contains("payments-service/index.html?h=").endsWith("#diagnosis");
        assertThat(result.findElement(By.cssSelector(".hs-where")).getText()).isEqualTo("\u00a7 Diagnosis");
        WebElement snippet = result.findElement(By.cssSelector(".hs-snippet"));
        assertThat(snippet.getText()).contains("take a heap histogram from the largest pod");
        assertThat(snippet.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList())
                .contains("heap", "histogram", "largest", "pod");
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("payments-service"));
        assertThat(driver.getCurrentUrl()).endsWith("#diagnosis");
        waitFor("document.querySelectorAll('mark.hs-found-best').length > 0");
        assertThat(driver.findElements(By.cssSelector("mark.hs-found-best")).stream().map(WebElement::getText)
                .toList()).containsExactly("heap", "histogram", "from", "the", "largest", "pod");
        Object where = js("var m = document.querySelector('mark.hs-found-best'); var r = m.getBoundingClientRect();"
                + "var hs = Array.prototype.filter.call(document.querySelectorAll('.doc-body h2'),"
                + " function (h) { return h.compareDocumentPosition(m) & 4; });"
                + "return [r.top, r.bottom, innerHeight, hs[hs.length - 1].textContent.trim(), scrollY,"
                + " document.querySelector('.site-header').getBoundingClientRect().bottom];");
        List<?> w = (List<?>) where;
        assertThat((String) w.get(3)).startsWith("Diagnosis");
        assertThat(((Number) w.get(4)).doubleValue()).as("scrolled down to it").isGreaterThan(300);
        assertThat(((Number) w.get(0)).doubleValue()).as("below the sticky header")
                .isGreaterThanOrEqualTo(((Number) w.get(5)).doubleValue());
        assertThat(((Number) w.get(1)).doubleValue()).as("inside the viewport")
                .isLessThanOrEqualTo(((Number) w.get(2)).doubleValue());
        if (scheme.equals("file")) {
            screenshot((width < 500 ? "phone" : "desktop") + "_search_opens_runbook_section.png", height);
        }
    }

    @Test
    void aTagPageLinksTheServiceOfTheSameNameAndBack() throws IOException {
        assertThat(Files.readString(site.resolve("tags/payments/index.html"))).contains(
                "See also the service <a href=\"../../services/payments/index.html\">Payment service</a>");
        assertThat(Files.readString(site.resolve("services/payments/index.html"))).contains(
                "See also the tag <a class=\"tag\" href=\"../../tags/payments/index.html\">payments</a>");
    }

    @ParameterizedTest
    @CsvSource({"file", "http"})
    void listFiltersLiveInTheAddressSoTheyCanBeSharedAndBackUndoesThem(String scheme) {
        viewport(1366, 900);
        checkFilter(scheme, "postmortems/index.html", "#postmortem-table tbody tr", "filter-severity", "SEV-1",
                "severity=SEV-1", 10, 3);
        checkFilter(scheme, "runbooks/index.html", "#runbook-table tbody tr", "filter-owner", "platform-team",
                "owner=platform-team", 8, 2);
        checkFilter(scheme, "action-items/index.html", ".action-group", "filter-team", "payments-team",
                "owner=payments-team", -1, -1);
    }

    /** Chooses {@code value} in the select, then checks the address, a fresh load of it, and Back. */
    private static void checkFilter(String scheme, String page, String rows, String select, String value,
                                    String inAddress, int all, int filtered) {
        open(scheme, page);
        String visible = "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]),"
                + " function (r) { return !r.hidden && r.getClientRects().length > 0; }).length;";
        long before = ((Number) js(visible, rows)).longValue();
        if (all >= 0) {
            assertThat(before).as(page + " unfiltered").isEqualTo(all);
        }
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(select))).selectByValue(value);
        long after = ((Number) js(visible, rows)).longValue();
        if (filtered >= 0) {
            assertThat(after).as(page + " filtered").isEqualTo(filtered);
        } else {
            assertThat(after).as(page + " filtered").isPositive().isLessThan(before);
        }
        String address = driver.getCurrentUrl();
        assertThat(address).as("the filter is in the address").contains(inAddress);
        // A shared address opens filtered.
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                js("return document.readyState === 'complete' && !document.querySelector('form.filters').hidden;")));
        assertThat(((Number) js(visible, rows)).longValue()).as(page + " reloaded").isEqualTo(after);
        assertThat(js("return document.getElementById(arguments[0]).value;", select)).isEqualTo(value);
        // Back returns to the unfiltered list.
        driver.navigate().back();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains(inAddress));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                ((Number) js(visible, rows)).longValue() == before);
        assertThat(js("return document.getElementById(arguments[0]).value;", select)).isEqualTo("");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        List<?> inner = (List<?>) js("return [innerWidth, innerHeight]");
        driver.manage().window().setSize(new Dimension(2 * width - ((Number) inner.get(0)).intValue(),
                2 * height - ((Number) inner.get(1)).intValue()));
    }

    private static void open(String scheme, String page) {
        String url = scheme.equals("http")
                ? "http://127.0.0.1:" + server.getAddress().getPort() + "/" + page
                : site.toUri() + page;
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private static void waitFor(String condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js("return " + condition)));
    }

    private static int overflow() {
        return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .intValue();
    }

    /** Every axe-core violation, of any impact. */
    private static List<String> violations() throws IOException {
        js(axeSource);
        Object raw = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations'], preload: false})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
        String text = String.valueOf(raw);
        assertThat(text).doesNotStartWith("error:");
        List<String> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            List<String> targets = new ArrayList<>();
            v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
            out.add(v.path("impact").asText() + " " + v.path("id").asText() + " " + targets);
        }
        return out;
    }

    private static void screenshot(String name) throws IOException {
        screenshot(name, 2400);
    }

    @SuppressWarnings("unchecked")
    private static void screenshot(String name, double maxHeight) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> visual = (Map<String, Object>) metrics.get("cssVisualViewport");
        double top = ((Number) visual.get("pageY")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                // As wide as the window: a capture beyond the viewport lays the page out without the scrollbar,
                // so the content's width (the window less the scrollbar) would cut off its right edge.
                "clip", Map.of("x", 0, "y", top, "width", Math.max(((Number) size.get("width")).doubleValue(),
                        ((Number) js("return window.innerWidth;")).doubleValue()),
                        "height", Math.min(((Number) size.get("height")).doubleValue() - top, maxHeight), "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
