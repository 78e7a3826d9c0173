package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Bounded;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.site.BuildOptions;
import dev.hindsight.site.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block quotes cost flexmark by their lines: a paragraph of quoted lines is joined segment by segment,
 * quadratic in the line count. Such documents are caught by a scan of the line prefixes before
 * flexmark runs: diagnosed at the first line over the limit, shown as plain text, the rest of the site
 * checked as usual, in the test JVM's heap.
 */
class BoundedMarkdownTest {

    @TempDir
    Path tmp;

    private Path siteWith(String name, String content) throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n-- postmortems/good.md --\n" + Bounded.WARM_UP);
        Files.writeString(src.resolve("postmortems/" + name), content);
        return src;
    }

    private static String repeatToSize(String line, int bytes) {
        return line.repeat(bytes / line.length());
    }

    @Test
    void fiftyLevelsOfQuotesOverFiveMegabytesAreADiagnosticNotAnOutOfMemoryError() throws IOException {
        Path src = siteWith("quotes.md", "---\ntitle: Q\n---\n## Summary\n"
                + repeatToSize("> ".repeat(50) + "text\n", 4_900_000));
        BuildResult result = Bounded.within(Bounded.HOSTILE, () -> new Hindsight().check(BuildOptions.check(src)));
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().startsWith("markdown-"))
                .map(Diagnostic::toString)).containsExactly(
                "postmortems/quotes.md:5:1: error[markdown-too-deep]: block quotes nested more than 20 levels deep;"
                        + " shown as plain text");
        assertThat(result.diagnostics().stream().filter(d -> d.position().file().equals("postmortems/good.md")))
                .as("the normal document is still checked").isNotEmpty()
                .noneMatch(d -> d.ruleId().startsWith("markdown-"));
    }

    @Test
    void twoHundredThousandQuotedLinesInARowAreADiagnostic() throws IOException {
        Path src = siteWith("quotes.md", "---\ntitle: Q\n---\n## Summary\n" + "> text\n".repeat(3)
                + "lazy line\n" + repeatToSize("> > text\n", 1_800_000));
        BuildResult result = Bounded.within(Bounded.HOSTILE, () -> new Hindsight().build(
                BuildOptions.build(src, tmp.resolve("out"))));
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().startsWith("markdown-"))
                .map(Diagnostic::toString)).containsExactly(
                "postmortems/quotes.md:2005:1: error[markdown-quote-too-long]: more than 2000 quoted lines in a row"
                        + " (`>` without a blank line); shown as plain text");
        assertThat(tmp.resolve("out/postmortems/good/index.html")).content().contains("Text with");
        assertThat(tmp.resolve("out/postmortems/quotes/index.html")).content().contains("&gt; &gt; text");
    }

    @Test
    void quotesWithinTheLimitsAreMarkdown() {
        String body = "> > quoted\n> > twice\n\n" + "> line\n".repeat(MarkdownParser.MAX_QUOTED_LINES)
                + "\n" + "> ".repeat(MarkdownParser.MAX_QUOTE_DEPTH) + "deep\n";
        dev.hindsight.diag.Diagnostics d = new dev.hindsight.diag.Diagnostics();
        ParsedMarkdown md = new MarkdownParser().parse("p.md", body, 1, d, true);
        assertThat(d.sorted()).isEmpty();
        assertThat(md.html()).startsWith("<blockquote>\n<blockquote>\n<p>quoted\ntwice</p>").contains("deep</p>");
    }
}
