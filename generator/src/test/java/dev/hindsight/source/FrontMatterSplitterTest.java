package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterSplitterTest {

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final Diagnostics diagnostics = new Diagnostics();

    private List<String> diagnosticLines() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void splitsFrontMatterAndBodyWithLineOffsets() {
        SourceFile f = splitter.split("a.md", "---\ntitle: A\nid: X\n---\n# Body\ntext\n", diagnostics);
        assertThat(f.hasFrontMatter()).isTrue();
        assertThat(f.frontMatter()).isEqualTo("title: A\nid: X\n");
        assertThat(f.frontMatterLine()).isEqualTo(2);
        assertThat(f.body()).isEqualTo("# Body\ntext\n");
        assertThat(f.bodyLine()).isEqualTo(5);
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void byteOrderMarkIsIgnored() {
        SourceFile f = splitter.split("a.md", "\uFEFF---\ntitle: A\n---\nbody\n", diagnostics);
        assertThat(f.hasFrontMatter()).isTrue();
        assertThat(f.frontMatter()).isEqualTo("title: A\n");
        assertThat(f.bodyLine()).isEqualTo(4);
    }

    @Test
    void crlfLineEndsAreNormalised() {
        SourceFile f = splitter.split("a.md", "---\r\ntitle: A\r\n---\r\nline one\r\nline two\r\n", diagnostics);
        assertThat(f.frontMatter()).isEqualTo("title: A\n");
        assertThat(f.body()).isEqualTo("line one\nline two\n");
        assertThat(f.bodyLine()).isEqualTo(4);
    }

    @Test
    void emptyFrontMatter() {
        SourceFile f = splitter.split("a.md", "---\n---\nbody\n", diagnostics);
        assertThat(f.hasFrontMatter()).isTrue();
        assertThat(f.frontMatter()).isEmpty();
        assertThat(f.body()).isEqualTo("body\n");
        assertThat(f.bodyLine()).isEqualTo(3);
    }

    @Test
    void noFrontMatterMeansWholeFileIsBody() {
        SourceFile f = splitter.split("a.md", "# Title\n\n---\n\nmore\n", diagnostics);
        assertThat(f.hasFrontMatter()).isFalse();
        assertThat(f.bodyLine()).isEqualTo(1);
        assertThat(f.body()).isEqualTo("# Title\n\n---\n\nmore\n");
    }

    @Test
    void missingClosingDelimiterIsReportedAtLineOne() {
        SourceFile f = splitter.split("postmortems/x.md", "---\ntitle: A\n\n# Heading\ntext\n", diagnostics);
        assertThat(f.hasFrontMatter()).isFalse();
        assertThat(diagnosticLines()).containsExactly(
                "postmortems/x.md:1:1: error[front-matter-unclosed]: front matter opened with `---` on line 1 is never closed");
    }

    @Test
    void dashesInsideFencedCodeOfTheBodyAreNotAClosingDelimiter() {
        String text = "---\ntitle: A\n\n```yaml\n---\nkey: v\n```\n";
        SourceFile f = splitter.split("x.md", text, diagnostics);
        assertThat(f.hasFrontMatter()).isFalse();
        assertThat(diagnosticLines()).containsExactly(
                "x.md:1:1: error[front-matter-unclosed]: front matter opened with `---` on line 1 is never closed");
    }

    @Test
    void dashesInFencedCodeAfterAClosedFrontMatterStayInTheBody() {
        String text = "---\ntitle: A\n---\n```yaml\n---\nkey: v\n---\n```\n";
        SourceFile f = splitter.split("x.md", text, diagnostics);
        assertThat(f.frontMatter()).isEqualTo("title: A\n");
        assertThat(f.body()).isEqualTo("```yaml\n---\nkey: v\n---\n```\n");
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void closingDelimiterMayBeDotsOrCarryTrailingSpaces() {
        assertThat(splitter.split("a.md", "---\na: 1\n...\nb\n", diagnostics).body()).isEqualTo("b\n");
        assertThat(splitter.split("a.md", "---  \na: 1\n---\t\nb\n", diagnostics).body()).isEqualTo("b\n");
        assertThat(diagnostics.size()).isZero();
    }
}
