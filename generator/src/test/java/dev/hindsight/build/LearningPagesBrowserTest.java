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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The learning pages of the example site (patterns, a factor page, a team's on-call handoff, metrics) in
 * Debian's Chromium from {@code file://}, on a laptop (1366×900) and a phone (390×844): no console error,
 * no axe-core violation of any impact, no sideways scrolling of the page, and the handoff printable without
 * navigation or search. Screenshots go to {@code target/screenshots/learning-*.png}.
 */
class LearningPagesBrowserTest {

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
                Browser.logging(LogType.BROWSER)));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "patterns/index.html, learning-patterns",
            "factors/change/index.html, learning-factor",
            "oncall/data-team/index.html, learning-oncall",
            "metrics/index.html, learning-metrics"})
    void cleanOnALaptopAndAPhone(String page, String name) throws IOException {
        for (int[] size : new int[][] {{1366, 900}, {390, 844}}) {
            driver.manage().window().setSize(new Dimension(size[0], size[1]));
            open(page);
            String at = page + " at " + size[0] + "×" + size[1];
            assertThat(consoleErrors()).as("console errors on " + at).isEmpty();
            assertThat(violations()).as("axe violations on " + at).isEmpty();
            Number overflow = (Number) driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow of " + at).isLessThanOrEqualTo(0);
            screenshot(name + "-" + size[0] + ".png", 0, size[0] == 390 ? 2400 : 3000);
            if (page.startsWith("metrics/")) {
                Number top = (Number) driver.executeScript(
                        "return document.getElementById('distributions').getBoundingClientRect().top + window.scrollY;");
                screenshot(name + "-learning-" + size[0] + ".png", top.doubleValue(), size[0] == 390 ? 3200 : 2400);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"oncall/data-team/index.html"})
    void theHandoffPrintsWithoutNavigationOrSearch(String page) {
        driver.manage().window().setSize(new Dimension(1366, 900));
        open(page);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.cssSelector(".site-header nav")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.cssSelector(".header-search")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("theme-toggle")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("noisy-heading")).isDisplayed()).isTrue();
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static void open(String page) {
        driver.manage().logs().get(LogType.BROWSER);
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

    /** Every axe-core violation, whatever its impact (its stylesheet preload is off: file:// refuses it). */
    private static List<String> violations() throws IOException {
        driver.executeScript(axeSource);
        Object raw = driver.executeAsyncScript(
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

    /** A PNG of the page from {@code y} down, at most {@code maxHeight} CSS pixels tall. */
    @SuppressWarnings("unchecked")
    private static void screenshot(String name, double y, double maxHeight) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", y, "width", ((Number) size.get("width")).doubleValue(),
                        "height", Math.min(((Number) size.get("height")).doubleValue() - y, maxHeight), "scale", 1)));
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
