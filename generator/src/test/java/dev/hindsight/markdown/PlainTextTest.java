package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Text extraction and the parser's limits, on the inputs fuzzing found. */
class PlainTextTest {

    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void anUndefinedReferenceBeforeALazyLineKeepsItsText() {
        // flexmark's collector threw "length:3 != computeLength(): 4" here (with -ea) or lost a character.
        ParsedMarkdown md = parser.parse("- [1]\n t\n  ```", 1);
        assertThat(md.plainText()).isEqualTo("1\nt");
        assertThat(parser.parse("-\n   [1]\nd\n  - n", 1).html()).contains("<li>n</li>");
    }

    @Test
    void inlineCodeAtALineStartIsCollectedWithoutItsBacktick() {
        ParsedMarkdown md = parser.parse("- The\n  `order.created` queue peaked.\n", 1);
        assertThat(md.plainText()).isEqualTo("The\norder.created queue peaked.");
    }

    @Test
    void nulCharactersAreReplacementCharacters() {
        assertThat(parser.parse("a\u0000b **c**", 1).html()).isEqualTo("<p>a\uFFFDb <strong>c</strong></p>\n");
    }

    @Test
    void aParagraphLongerThanTheLimitIsPlainTextWithAWarning() {
        Diagnostics diagnostics = new Diagnostics();
        String longParagraph = "*x* ".repeat(5000);
        ParsedMarkdown md = parser.parse("p.md", "# Title\n\n" + longParagraph + "\n\nAfter *that*.\n", 3, diagnostics);
        assertThat(md.html()).contains("<p>*x* *x*").contains("<p>After <em>that</em>.</p>");
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "p.md:5:1: warning[markdown-paragraph-too-long]: paragraph of 20001 characters, more than 16384;"
                        + " shown as plain text without Markdown formatting");
    }

    @Test
    void nestingDeeperThanTheLimitIsPreformattedTextWithAnError() {
        Diagnostics diagnostics = new Diagnostics();
        ParsedMarkdown md = parser.parse("p.md", "> ".repeat(200) + "<b>x</b>\n", 4, diagnostics);
        assertThat(md.html()).startsWith("<pre class=\"unrendered\">&gt; &gt; ").contains("&lt;b&gt;x&lt;/b&gt;");
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "p.md:4:1: error[markdown-too-deep]: block quotes nested more than 20 levels deep; shown as plain text");
    }

    @Test
    void listsNestedDeeperThanTheAstLimitArePreformattedTextWithAnError() {
        Diagnostics diagnostics = new Diagnostics();
        ParsedMarkdown md = parser.parse("p.md", "- ".repeat(60) + "x\n", 4, diagnostics);
        assertThat(md.html()).startsWith("<pre class=\"unrendered\">- - ");
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "p.md:4:1: error[markdown-too-deep]: Markdown nested 122 levels deep (lists, quotes, emphasis);"
                        + " the limit is 100; shown as plain text");
    }

    /** {@link PlainText#strip} is {@code String.strip} on the builder's text, for every kind of space at either end. */
    @Test
    void stripIsStringStrip() {
        String[] pieces = {" ", "\t", "\n", "\r", "\u00A0", "\u2007", "\u2028", "\u3000", "\u001C", "\u0085", "\uFEFF",
            "a", "é", "😀", "\uD83D", "\uDE00", "x y"};
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(PlainText.strip(text)).as("%s", text).isEqualTo(text.toString().strip());
        }
        assertThat(PlainText.strip(new StringBuilder(" \n a b \u2028"))).isEqualTo("a b");
    }
}
