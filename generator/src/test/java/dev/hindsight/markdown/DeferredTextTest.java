package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text held back from flexmark's HTML writer and filled in afterwards ({@link DeferredText}) gives the HTML the
 * writer gives when it is handed the text: on text with blanks at either end, tabs, line ends, hard and soft breaks,
 * in lists, quotes, tables, headings and links, and on a body holding the mark itself.
 */
class DeferredTextTest {

    private static final List<String> TRICKY = List.of(
            "Plain words, and more words.\n",
            "  leading blanks\ttab\tinside  \nsecond line \t\n\tthird\n",
            "Hard  \nbreak\\\nand soft\nbreak \u00e9\u00e8 \ud83d\ude00 done\n",
            "- item one\n  continued *em* here \n  > quoted  \n  > more\n- [ ] task  x\n\n      code  \n",
            "> quote line \n> second\t\n>\n>  para\n",
            "| a  b | c \\| d |\n|---|---|\n|  x  | y\t|\n",
            "# Heading  with   spaces #\n\nText with `code` and [ link  x ](http://e.x \"t\") ![ img ](i.png)\n",
            "mark \u0001 in the body\n",
            "entity &#x1; and &#1; here\n",
            "1. first\n   lazy\ncontinuation\n2. second\n\n    indented\n",
            "*em*  **strong**  ~~gone~~ www.example.com and https://x.example/a\n",
            "<div>\n  html block \n</div>\n\ninline <b> bold </b> text\n");

    private static List<String> inputs() throws IOException {
        List<String> all = new ArrayList<>(TRICKY);
        Random random = new Random(18);
        String[] pieces = {"a", "bc", " ", "  ", "\t", "\n", "\n\n", "*", "_", "`", "[x](y)", "- ", "> ", "1. ", "| ",
            "|---|", "# ", "\\", "&amp;", "<b>", "\u00e9", "www.x.example", "    ", "~~", "  \n", "\u0001", "&#1;",
            "\u0101", "\ud83d\ude00"};
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(40);
            for (int j = 0; j < n; j++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            all.add(b.toString());
        }
        all.addAll(MarkdownSamples.files(Path.of("..", "example-site"), Path.of("src", "test", "resources")));
        return all;
    }

    @Test
    void filledHtmlIsTheHtmlTheWriterGives() throws IOException {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), new GuardedAutolinks()));
        options.set(HtmlRenderer.ESCAPE_HTML, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        Parser parser = Parser.builder(options).build();
        NullableDataKey<DeferredText> key = new NullableDataKey<>("TEST_DEFERRED_TEXT");
        HtmlRenderer plain = HtmlRenderer.builder(options).nodeRendererFactory(new EscapedText.Renderer())
                .nodeRendererFactory(new RawHtml.Renderer()).build();
        HtmlRenderer deferring = HtmlRenderer.builder(options).nodeRendererFactory(new EscapedText.Renderer(key))
                .nodeRendererFactory(new RawHtml.Renderer()).build();
        int deferred = 0;
        int refused = 0;
        for (String input : inputs()) {
            String body = input.replace('\0', '\uFFFD');
            Document doc = parser.parse(body);
            String expected = plain.render(doc);
            DeferredText text = DeferredText.of(body);
            if (text == null) {
                assertThat(body).contains("\u0001");
                continue;
            }
            doc.set(key, text);
            String filled = text.fill(deferring.render(doc));
            doc.remove(key);
            if (filled == null) {
                refused++;
                assertThat(expected).as(input).contains("\u0001");
                continue;
            }
            if (text.any()) {
                deferred++;
            }
            assertThat(filled).as(input).isEqualTo(expected);
        }
        assertThat(deferred).isGreaterThan(300);
        assertThat(refused).as("entities that decode to the mark").isGreaterThan(0);
    }

    @Test
    void theParserGivesTheSameHtmlWithTheMarkInTheBody() {
        MarkdownParser parser = new MarkdownParser();
        assertThat(parser.parse("a \u0001 b *c* d\n", 1).html()).isEqualTo("<p>a \u0001 b <em>c</em> d</p>\n");
        assertThat(parser.parse("a &#1; b *c* d\n", 1).html()).isEqualTo("<p>a \u0001 b <em>c</em> d</p>\n");
        assertThat(parser.parse("  lead *c*  \ttrail  \nnext\n", 1).html())
                .isEqualTo("<p>lead <em>c</em>  \ttrail<br />\nnext</p>\n");
    }
}
