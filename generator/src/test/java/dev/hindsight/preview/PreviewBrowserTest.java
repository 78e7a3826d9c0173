package dev.hindsight.preview;

import dev.hindsight.api.PreviewOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.SiteFixture;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A page open in Chromium reloads by itself after an edit, and shows an overlay for a broken file. */
class PreviewBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void thePageReloadsByItselfAfterAnEdit() throws Exception {
        SiteFixture.write(tmp.resolve("src"), "-- runbooks/api.md --\n" + PreviewServerTest.RUNBOOK.formatted("Before"));
        PreviewOptions options = PreviewOptions.of(tmp.resolve("src"), tmp.resolve("out")).withPort(0)
                .withReferenceDate(LocalDate.of(2024, 2, 1));
        ChromeDriver browser = Browser.start(tmp.resolve("profile"));
        try (PreviewServer server = new PreviewServer(options, line -> { })) {
            InetSocketAddress at = server.start();
            browser.get("http://127.0.0.1:" + at.getPort() + "/runbooks/api/index.html");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Before");
            ((JavascriptExecutor) browser).executeScript("window.__notReloaded = true;");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete';")));
            Thread.sleep(500); // let the event stream connect

            Files.writeString(tmp.resolve("src/runbooks/api.md"), PreviewServerTest.RUNBOOK.formatted("After"));

            wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.__notReloaded") == null);
            wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("After"));

            Files.writeString(tmp.resolve("src/runbooks/api.md"), "---\ntitle: [broken\n---\n");
            wait.until(d -> !d.findElements(By.id("hindsight-overlay")).isEmpty()
                    && d.findElement(By.id("hindsight-overlay")).getText().contains("runbooks/api.md:"));
        } finally {
            browser.quit();
        }
    }
}
