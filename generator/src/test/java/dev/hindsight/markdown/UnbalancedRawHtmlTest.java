package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Allowed raw HTML that does not pair up: an unclosed {@code <details>} hides everything after it in a
 * browser, an unclosed {@code <div>} or {@code <table>} wraps it, a stray end tag can end one of the page's own
 * elements. Such tags are shown as text with a {@code raw-html} warning; pairs that span Markdown stay.
 */
class UnbalancedRawHtmlTest {

    @TempDir
    Path tmp;

    private static final MarkdownParser PARSER = new MarkdownParser();

    private static List<String> diagnostics(String body) {
        Diagnostics d = new Diagnostics();
        PARSER.parse("postmortems/p.md", body, 1, d, true);
        return d.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void tagsThatNeverCloseOrCloseNothingAreWarnedAtTheirPlace() {
        assertThat(diagnostics("""
                ## Summary
                See <details><summary>the graph</summary> for more.

                </div>

                ## Impact
                <div>
                Customers could not pay.
                """)).containsExactly(
                "postmortems/p.md:2:5: warning[raw-html]: raw HTML tag `<details>` is never closed; shown as text, so"
                        + " it cannot wrap or hide the rest of the page",
                "postmortems/p.md:4:1: warning[raw-html]: raw HTML end tag `</div>` closes nothing; shown as text",
                "postmortems/p.md:7:1: warning[raw-html]: raw HTML tag `<div>` is never closed; shown as text, so it"
                        + " cannot wrap or hide the rest of the page");
    }

    @Test
    void pairsAcrossMarkdownAndSelfClosingTagsAreKept() {
        Diagnostics d = new Diagnostics();
        ParsedMarkdown md = PARSER.parse("postmortems/p.md", """
                <details>
                <summary>Full log</summary>

                - a **list** inside

                </details>

                Line<br>break and <p>a paragraph tag the browser closes itself.
                """, 1, d, true);
        assertThat(d.sorted()).isEmpty();
        assertThat(md.html()).contains("<details>", "</details>", "<summary>Full log</summary>", "<br />");
    }

    @Test
    void everySectionAfterUnclosedContainersIsVisible() throws Exception {
        Browser.assumeInstalled();
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- postmortems/2024-03-05-cache.md --
                ---
                title: Stale payment widget
                id: INC-7
                date: 2024-03-05
                services: [api]
                incident: {started: 2024-03-05T14:02:00Z, resolved: 2024-03-05T15:00:00Z}
                ---
                ## Summary
                The widget was cached; <details><summary>why</summary> see below.

                ## Impact
                <div style="display:none">
                Customers could not pay for 58 minutes.

                ## Timeline
                <table><tr><td>
                14:02 paged

                ## Root cause
                </blockquote></ul></span> A cache header kept the widget for a day.

                ## Action items
                - [ ] Purge the widget cache owner: @sre due: 2024-04-01 ticket: OPS-1
                """);
        Path out = tmp.resolve("out");
        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));
        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.diagnostics()).filteredOn(d -> d.ruleId().equals("raw-html")).hasSize(6);

        ChromeDriver driver = Browser.start(tmp.resolve("profile"));
        try {
            driver.get(out.resolve("postmortems/2024-03-05-cache/index.html").toUri().toString());
            for (String heading : List.of("Impact", "Timeline", "Root cause", "Action items")) {
                WebElement h = driver.findElement(By.xpath("//h2[normalize-space(text())='" + heading + "']"));
                assertThat(h.isDisplayed()).as(heading).isTrue();
            }
            String text = driver.findElement(By.tagName("body")).getText();
            assertThat(text).contains("Customers could not pay for 58 minutes.", "14:02 paged",
                    "A cache header kept the widget for a day.", "Purge the widget cache");
            assertThat(driver.findElements(By.xpath("//details[summary[normalize-space(.)='why']]")))
                    .as("the unclosed details").isEmpty();
        } finally {
            driver.quit();
        }
    }
}
