package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A postmortem whose prose mentions {@code <script>}, {@code <style>}, {@code <title>}, {@code <textarea>},
 * {@code <iframe>}, {@code <xmp>}, {@code <noscript>} and {@code <svg><style>}, built into a site and opened
 * from {@code file://} in Chromium: every later section's heading and text is on screen, the tags are
 * shown as text, and no script from the document ran.
 */
class RawHtmlInBrowserTest {

    @TempDir
    Path tmp;

    private static final String POSTMORTEM = """
            -- postmortems/2024-03-05-cache.md --
            ---
            title: Stale payment widget
            id: INC-7
            date: 2024-03-05
            services: [api]
            incident: {started: 2024-03-05T14:02:00Z, resolved: 2024-03-05T15:00:00Z}
            ---
            ## Summary
            Payments failed because the <script> include of the payment widget was cached.
            The <title> of the page and a <textarea> and an <iframe src="x"> were fine.

            <style>
            ## Impact
            Customers could not pay for 58 minutes.

            <script>top.__pwned = 1</script>
            <svg><style>

            ## Timeline
            | Time (UTC) | Event |
            |---|---|
            | 14:02 | paged <xmp> |

            ## Root cause
            > A <noscript> cache header kept the widget for a day.

            <!-- reviewers: add the CDN graph

            ## Action items
            - [ ] Purge the widget cache owner: @sre due: 2024-04-01 ticket: OPS-1
            """;

    @Test
    void everySectionAfterRawTextTagsIsVisibleAndNoScriptRuns() throws Exception {
        Browser.assumeInstalled();
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n" + POSTMORTEM);
        Path out = tmp.resolve("out");
        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));
        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        Path page;
        try (Stream<Path> files = Files.walk(out)) {
            page = files.filter(p -> p.toString().endsWith("index.html") && p.toString().contains("cache"))
                    .findFirst().orElseThrow();
        }

        ChromeDriver driver = Browser.start(tmp.resolve("profile"));
        try {
            driver.get(page.toUri().toString());
            for (String heading : List.of("Impact", "Timeline", "Root cause", "Action items")) {
                WebElement h = driver.findElement(By.xpath("//h2[normalize-space(text())='" + heading + "']"));
                assertThat(h.isDisplayed()).as(heading).isTrue();
            }
            String text = driver.findElement(By.tagName("body")).getText();
            assertThat(text).contains(
                    "Payments failed because the <script> include of the payment widget was cached.",
                    "The <title> of the page and a <textarea> and an <iframe src=\"x\"> were fine.",
                    "Customers could not pay for 58 minutes.",
                    "paged <xmp>",
                    "A <noscript> cache header kept the widget for a day.",
                    "Purge the widget cache");
            assertThat(driver.executeScript("return typeof top.__pwned")).isEqualTo("undefined");
            assertThat(driver.findElements(By.cssSelector("main style, main iframe, main textarea, main svg, "
                    + "main xmp, main noscript, article script"))).isEmpty();
        } finally {
            driver.quit();
        }
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().equals("raw-html")).map(Diagnostic::toString))
                .hasSize(12)
                .contains("postmortems/2024-03-05-cache.md:9:29: warning[raw-html]: raw HTML tag `<script>` is not"
                        + " allowed on the page; shown as text");
    }
}
