package dev.hindsight.site;

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
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PAGES = List.of("index.html", "postmortems/index.html", "runbooks/index.html",
            "action-items/index.html", "metrics/index.html", "services/index.html", "services/payments/index.html",
            "tags/index.html", "tags/payments/index.html", "search/index.html?q=memory");

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
        ExampleSite.build(site);
        try (InputStream in = OnCallChromeBrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).isNotNull();
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SCREENSHOTS);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
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

    @ParameterizedTest
    @CsvSource({"390, 844, light", "390, 844, dark", "1366, 900, light", "1366, 900, dark"})
    void listPagesFitThePhoneAndPassAxe(int width, int height, String theme) throws IOException {
        viewport(width, height);
        for (String page : PAGES) {
            open("file", page);
            js("document.documentElement.setAttribute('data-theme', arguments[0])", theme);
            if (page.startsWith("search/")) {
                waitFor("document.querySelectorAll('#search-results .hs-result').length > 0");
            }
            assertThat(overflow()).as("horizontal overflow of " + page + " at " + width).isLessThanOrEqualTo(0);
            assertThat(violations()).as("axe violations on " + page + " at " + width + " " + theme).isEmpty();
            screenshot((width < 500 ? "phone_" : "desktop_") + theme + "_" + page.replace("/index.html", "")
                    .replace("index.html", "home").replace("?q=", "_").replace('/', '_') + ".png");
        }
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
                "clip", Map.of("x", 0, "y", top, "width", ((Number) size.get("width")).doubleValue(),
                        "height", Math.min(((Number) size.get("height")).doubleValue() - top, maxHeight), "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
