package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example site in Debian's Chromium, opened from {@code file://}: no console error, no request to
 * any other place, no serious or critical axe-core violation, and working scripts (theme toggle, copy
 * buttons, filters). Screenshots go to {@code target/screenshots/} for a person to look at. Skipped
 * only when there is no Chromium; CI installs it, so there it runs.
 */
class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path site;
    private static ChromeDriver driver;
    private static String axeSource;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        site = tmp.resolve("site");
        ExampleSite.build(site);
        axeSource = Browser.axeSource();
        Files.createDirectories(SCREENSHOTS);
        driver = Browser.start(tmp.resolve("profile"), options -> options.setCapability("goog:loggingPrefs",
                Browser.logging(LogType.BROWSER, LogType.PERFORMANCE)));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "postmortems/2025-02-18-payments-memory-leak/index.html",
            "postmortems/2026-09-29-silent-pipeline-failure/index.html", "runbooks/payments-service/index.html",
            "metrics/index.html", "postmortems/index.html", "action-items/index.html", "services/payments/index.html"})
    void pageLoadsCleanlyAndPassesAxe(String page) throws IOException {
        open(page);
        assertThat(consoleErrors()).as("console errors on " + page).isEmpty();
        assertThat(foreignRequests()).as("requests that are not file:// from " + page).isEmpty();
        assertThat(seriousViolations()).as("serious or critical axe violations on " + page).isEmpty();
        screenshot(page.replace("/index.html", "").replace('/', '_').replace(".html", "") + ".png");
    }

    @Test
    void theThemeToggleSwitchesToDarkAndRemembersIt() throws IOException {
        open("index.html");
        WebElement toggle = driver.findElement(By.id("theme-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        toggle.click();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");
        try {
            open("runbooks/payments-service/index.html");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
            assertThat(consoleErrors()).isEmpty();
            assertThat(seriousViolations()).as("axe in the dark theme").isEmpty();
            screenshot("dark_runbook.png");
            open("metrics/index.html");
            assertThat(seriousViolations()).as("axe in the dark theme").isEmpty();
            screenshot("dark_metrics.png");
            open("index.html");
            screenshot("dark_home.png");
        } finally {
            driver.findElement(By.id("theme-toggle")).click();
        }
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("light");
    }

    @Test
    void everyCodeBlockOfARunbookHasACopyButtonThatCopies() {
        open("runbooks/payments-service/index.html");
        List<WebElement> blocks = driver.findElements(By.cssSelector(".doc-body pre"));
        List<WebElement> buttons = driver.findElements(By.cssSelector(".doc-body .code-block > button.copy-button"));
        assertThat(blocks).isNotEmpty();
        assertThat(buttons).hasSameSizeAs(blocks);
        WebElement first = buttons.get(0);
        first.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !first.getText().equals("Copy"));
        assertThat(first.getText()).isEqualTo("Copied");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void postmortemFiltersHideRowsThatDoNotMatch() {
        open("postmortems/index.html");
        assertThat(driver.findElement(By.id("postmortem-filters")).isDisplayed()).isTrue();
        List<WebElement> rows = driver.findElements(By.cssSelector("#postmortem-table tbody tr"));
        assertThat(rows).hasSize(10);
        new Select(driver.findElement(By.id("filter-severity"))).selectByValue("SEV-1");
        assertThat(rows.stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-severity")))
                .containsOnly("SEV-1").hasSize(3);
        new Select(driver.findElement(By.id("filter-service"))).selectByValue("payments");
        assertThat(rows.stream().filter(WebElement::isDisplayed).count()).isEqualTo(2);
        assertThat(driver.findElement(By.id("filter-count")).getText()).isEqualTo("Showing 2 of 10");
        new Select(driver.findElement(By.id("filter-severity"))).selectByValue("");
        new Select(driver.findElement(By.id("filter-service"))).selectByValue("");
        new Select(driver.findElement(By.id("filter-year"))).selectByValue("2025");
        assertThat(rows.stream().filter(WebElement::isDisplayed).count()).isEqualTo(5);
    }

    @Test
    void narrowScreens() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("index.html", "runbooks/payments-service/index.html",
                    "postmortems/2025-05-19-orders-db-pool-exhaustion/index.html")) {
                open(page);
                assertThat(seriousViolations()).as("axe on a narrow screen: " + page).isEmpty();
                Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue()).as("horizontal overflow of " + page).isLessThanOrEqualTo(0);
                screenshot("narrow_" + page.replace("/index.html", "").replace('/', '_').replace(".html", "")
                        + ".png", 1800);
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Opens a page; the logs are drained first, so what they hold afterwards comes from this page alone. */
    private static void open(String page) {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(site.resolve(page).toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static List<String> consoleErrors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                out.add(e.getLevel() + " " + e.getMessage());
            }
        }
        return out;
    }

    /** Every URL the page requested, from the DevTools network events and from Resource Timing. */
    private static List<String> foreignRequests() throws IOException {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> resources = (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(function (r) { return r.name; });");
        resources.forEach(r -> urls.add(r.toString()));
        assertThat(urls).as("the page loaded its stylesheet and scripts").anyMatch(u -> u.endsWith("assets/style.css"));
        return urls.stream().filter(u -> !u.startsWith("file://")).toList();
    }

    /** Runs axe-core (without its stylesheet preload, which file:// pages refuse) and keeps the serious ones. */
    private static List<String> seriousViolations() throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource);
        Object raw = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations'], preload: false})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('error: ' + e); });");
        String text = String.valueOf(raw);
        assertThat(text).doesNotStartWith("error:");
        List<String> out = new ArrayList<>();
        for (JsonNode v : JSON.readTree(text)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString() + " "
                        + n.path("failureSummary").asText().replace('\n', ' ')));
                out.add(impact + " " + v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
            }
        }
        return out;
    }

    private static void screenshot(String name) throws IOException {
        screenshot(name, 12000);
    }

    /** A PNG of the page from its top, at most {@code maxHeight} CSS pixels tall. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name, double maxHeight) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                        "height", Math.min(((Number) size.get("height")).doubleValue(), maxHeight), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
