package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts of issue 18 over flexmark's text handling give flexmark's own results: {@link EscapedText} renders
 * exactly what flexmark's text renderer does, {@link PlainText} collects what it collected before, and
 * {@link GuardedAutolinks#mayLink} answers as on flexmark's sequences, on text that takes the shortcut (one piece
 * of the body, nothing to unescape or escape) and on text that does not (escapes, entities, HTML specials, CR,
 * NUL, paragraphs split over the lines of a list or a quote).
 */
class EscapedTextTest {

    private static final List<String> TRICKY = List.of(
            "Plain words, and more words.\n",
            "a \\* b \\\\ c &amp; d &copy; &#35; &#x41; &bogus; e\n",
            "x < y > z \"quoted\" 'single' & alone\n",
            "line one\r\nline two\rline three\n",
            "nul \u0000 here\n",
            "- item one\n  continued *em* here\n  > quoted\n  > more \"q\" & <b>\n- [ ] task & <i>x</i>\n",
            "> quote line\n> second & third \\_\n>\n> para\n",
            "| a & b | c \\| d |\n|---|---|\n| <x> | \"y\" |\n",
            "# Heading & <more>\n\nText with `code & <b>` and [link & x](http://e.x/a&b \"t&\") ![img \"a\"](i.png)\n",
            "Autolink www.example.com and https://x.example/a?b=c&d=e and a@b.example &period; www&period;x\n",
            "1. first\n   lazy\ncontinuation & more\n2. second\n\n    indented & <code>\n",
            "Hard  \nbreak\\\nand soft\nbreak \u00e9\u00e8 \ud83d\ude00 done\n");

    private static List<String> inputs() throws IOException {
        List<String> all = new ArrayList<>(TRICKY);
        Random random = new Random(18);
        String alphabet = "ab \n\r\t\\&<>\"'*_`[]()!#|-:@w.;0\u0000\u00e9";
        for (int i = 0; i < 400; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(120);
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            all.add(b.toString());
        }
        all.addAll(MarkdownSamples.files(Path.of("..", "example-site")));
        return all;
    }

    private static MutableDataSet options() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), new GuardedAutolinks()));
        options.set(HtmlRenderer.ESCAPE_HTML, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        return options;
    }

    @Test
    void textRendersByteForByteAsFlexmarkRendersIt() throws IOException {
        MutableDataSet options = options();
        Parser parser = Parser.builder(options).build();
        HtmlRenderer flexmark = HtmlRenderer.builder(options).build();
        HtmlRenderer ours = HtmlRenderer.builder(options).nodeRendererFactory(new EscapedText.Renderer()).build();
        int checked = 0;
        for (String input : inputs()) {
            // As MarkdownParser does before flexmark sees the body.
            Document doc = parser.parse(input.replace('\0', '\uFFFD'));
            assertThat(ours.render(doc)).as(input).isEqualTo(flexmark.render(doc));
            Document raw = parser.parse(input); // and with NUL left in, which flexmark reads as U+FFFD
            assertThat(ours.render(raw)).as(input).isEqualTo(flexmark.render(raw));
            checked++;
        }
        assertThat(checked).isGreaterThan(400);
    }

    /** The values here are what the parser gave before the shortcuts (checked on the build of 295c543). */
    @Test
    void theShortcutsKeepTheTextOfEscapesEntitiesNulAndLineEnds() {
        MarkdownParser parser = new MarkdownParser();
        ParsedMarkdown md = parser.parse("a \\* b &amp; c &copy; d \u0000 e \"f\" <g>\n", 1);
        assertThat(md.plainText()).isEqualTo("a * b & c \u00a9 d \uFFFD e \"f\"");
        assertThat(md.html()).isEqualTo("<p>a * b &amp; c \u00a9 d &#xfffd; e &#34;f&#34; &lt;g&gt;</p>\n");
        ParsedMarkdown list = parser.parse("- one *two*\n  three & four\n  > five\n", 1);
        assertThat(list.plainText()).isEqualTo("one two\nthree & four\n\nfive");
        ParsedMarkdown quote = parser.parse("> quote line\n> second & third \\_\n>\n> para\n", 1);
        assertThat(quote.plainText()).isEqualTo("quote line\nsecond & third _\n\npara");
        ParsedMarkdown lines = parser.parse("line one\r\nline two\rline three &lt;\n", 1);
        assertThat(lines.plainText()).isEqualTo("line one\r\nline two\rline three <");
        assertThat(lines.html()).isEqualTo("<p>line one\nline two\nline three &lt;</p>\n");
        ParsedMarkdown table = parser.parse("| a & b | c \\| d |\n|---|---|\n| <x> | \"y\" |\n", 1);
        assertThat(table.html()).isEqualTo("<table class=\"table\"><thead><tr><th>a &amp; b</th><th>c | d</th></tr>"
                + "</thead><tbody><tr><td>&lt;x&gt;</td><td>&#34;y&#34;</td></tr></tbody></table>\n");
        assertThat(table.sections().get(0).blocks()).hasToString("[Table[line=1, header=[Cell[text=a & b, column=1],"
                + " Cell[text=c | d, column=10]], rows=[Row[line=3, cells=[Cell[text=, column=1], Cell[text=\"y\", column=8]]]]]]");
    }

    @Test
    void mayLinkAnswersOnTheBodyStringAsOnFlexmarksSequence() {
        Parser parser = Parser.builder(options()).build();
        for (String input : TRICKY) {
            Document doc = parser.parse(input);
            for (var n : doc.getDescendants()) {
                var chars = n.getChars();
                com.vladsch.flexmark.util.sequence.BasedSequence segmented =
                        com.vladsch.flexmark.util.sequence.PrefixedSubSequence.prefixOf("", chars);
                assertThat(GuardedAutolinks.mayLink(chars)).as(chars.toString())
                        .isEqualTo(GuardedAutolinks.mayLink(segmented));
            }
        }
        assertThat(GuardedAutolinks.mayLink(com.vladsch.flexmark.util.sequence.BasedSequence.of("see www.x")))
                .isTrue();
        assertThat(GuardedAutolinks.mayLink(com.vladsch.flexmark.util.sequence.BasedSequence.of("xyz ww.")))
                .isFalse();
    }
}
