package dev.hindsight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The one launcher of the browser tests: Debian's headless Chromium through Debian's chromedriver.
 * Both paths are given explicitly, so Selenium Manager never runs and no browser or driver is ever
 * downloaded. A test using it is skipped only where Chromium is not installed; CI installs it
 * ({@code .ci/run}), so there it runs.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /** Starts Chromium with a fresh profile in {@code profile} (created if missing), capturing the console log. */
    public static ChromeDriver start(Path profile) {
        return start(profile, options -> { });
    }

    /**
     * As {@link #start(Path)}, with {@code extra} applied to the options last, so a test can add to or
     * override them (more log types, what to do with an open dialog, ...).
     */
    public static ChromeDriver start(Path profile, Consumer<ChromeOptions> extra) {
        assumeInstalled();
        // Never Selenium Manager: the driver is given here and in the service, the browser binary in the options.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        try {
            Files.createDirectories(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--disable-sync",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", logging(LogType.BROWSER));
        extra.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Skips the calling test (a JUnit assumption) where Chromium is not installed, on a developer's
     * machine only: under {@code CI=true} (where {@code .ci/run} installs it) a missing browser fails the
     * test, so browser checks are never silently skipped in CI. Fails it where Chromium is installed but
     * its chromedriver is not, as a half-installed browser is a broken machine. {@link #start} calls it;
     * a test may call it earlier to skip before expensive setup.
     */
    public static void assumeInstalled() {
        if ("true".equals(System.getenv("CI")) && !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("CI=true but Chromium is not installed at " + CHROMIUM
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);
        if (!Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium is installed but its driver is not: " + CHROMEDRIVER
                    + " (Debian package chromium-driver)");
        }
    }

    /** Logging preferences capturing every entry of the given log types, for {@code goog:loggingPrefs}. */
    public static LoggingPreferences logging(String... logTypes) {
        LoggingPreferences logs = new LoggingPreferences();
        for (String type : logTypes) {
            logs.enable(type, Level.ALL);
        }
        return logs;
    }

    /** axe-core's script (the webjar on the test classpath), to inject into a page and run. */
    public static String axeSource() {
        String resource = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
        try (java.io.InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
            org.assertj.core.api.Assertions.assertThat(in).as("axe-core webjar on the test classpath").isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
