package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Bounded;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
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

    @Test
    void fourHundredThousandParagraphsAreADiagnosticNotHalfAMinuteOfParsing() throws IOException {
        // 2.4 MB: flexmark alone took 25 s on it (48 s for 4.9 MB). At 4.9 MB the checks after parsing
        // (prose lines, search index) of a 1.6-million-line document still take over 20 s here.
        Path src = siteWith("paragraphs.md", "---\ntitle: P\n---\n## Summary\n" + repeatToSize("text\n\n", 2_400_000));
        BuildResult result = Bounded.within(Bounded.HOSTILE, () -> new Hindsight().build(
                BuildOptions.build(src, tmp.resolve("out"))));
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().startsWith("markdown-"))
                .map(Diagnostic::toString)).containsExactly(
                "postmortems/paragraphs.md:39985:1: error[markdown-too-many-blocks]: more than 20000 Markdown lines"
                        + " and blocks outside fenced code (two inline marks such as `*` or `[` count as one);"
                        + " shown as plain text");
        assertThat(tmp.resolve("out/postmortems/good/index.html")).content().contains("Text with");
        assertThat(tmp.resolve("out/postmortems/paragraphs/index.html")).content().contains("text\n\ntext");
    }

    @Test
    void linesListItemsTableRowsNestedMarkersAndHeadingsCount() {
        assertThat(BlockCount.lineOverLimit("- item\n".repeat(30), 20)).isEqualTo(20);
        assertThat(BlockCount.lineOverLimit("| a | b |\n|---|---|\n" + "| 1 | 2 |\n".repeat(30), 20)).isEqualTo(20);
        assertThat(BlockCount.lineOverLimit("- - - - - x\n".repeat(30), 20)).isEqualTo(4);
        assertThat(BlockCount.lineOverLimit("# h\n".repeat(30), 20)).isEqualTo(2);
        assertThat(BlockCount.lineOverLimit("[a]: /u\n".repeat(30), 20)).isEqualTo(13); // a line and half a mark each
        // A fenced log counts once; a quote or list item that ends closes the fence for the count too.
        assertThat(BlockCount.lineOverLimit("```\n" + "- log line | x\n".repeat(100) + "```\n", 20)).isEqualTo(-1);
        assertThat(BlockCount.lineOverLimit("> ```\n\n" + "- item\n".repeat(30), 20)).isEqualTo(21);
        assertThat(BlockCount.lineOverLimit("- a\n\n  ```\nx\n" + "- item\n".repeat(30), 20)).isEqualTo(21);
        // A fence inside an HTML block is no fence.
        assertThat(BlockCount.lineOverLimit("<div>\n```\n\n" + "- item\n".repeat(30), 20)).isEqualTo(19); // 4 marks
        // Short lines of a paragraph each count: each is nodes for flexmark.
        assertThat(BlockCount.lineOverLimit("a\n".repeat(30), 20)).isEqualTo(20);
        // Inline marks: each paragraph below counts 5 (a line and 8 marks).
        assertThat(BlockCount.lineOverLimit("*a* _b_ `c` [d][e]\n\n".repeat(10), 20)).isEqualTo(8);
        assertThat(BlockCount.lineOverLimit(Bounded.WARM_UP, 200)).isEqualTo(-1);
    }

    @Test
    void theExampleSiteDocumentsAreFarBelowTheBlockLimit() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(Path.of("../example-site"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                assertThat(BlockCount.lineOverLimit(Files.readString(f), 400)).as(f.toString()).isEqualTo(-1);
            }
        }
    }
}
