package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Guarding the code-fence, thematic-break and heading parsers changes nothing flexmark's own parsers would produce.
 */
class GuardedBlockStartsTest {

    private static final String[] PIECES = {
        "```", "~~~", "````", "```bash", "~~~ yaml", "``` x `y`", "***", "___", "---", "* * *", "- - -", "_ _ _",
        "-", "*", "_", "`", "~", "===", "# ", "> ", "- ", "1. ", "    ", "   ", "  ", " ", "\t", "\n", "\n\n",
        "text", "<div>", "| a |", "|---|", "code", "**b**", "- x", "--- x", "-- -", "=== x", "= =", "* a", "_x_",
        "\r\n", "\r", "-\t", "--", "==", "Title\n",
    };

    @Test
    void parsesExactlyAsFlexmarksOwnFenceAndThematicBreakParsers() {
        differential(parser(false), parser(true));
    }

    /** {@link LinearHeadingParser} against flexmark's own heading parser (fences and breaks guarded in both). */
    @Test
    void parsesExactlyAsFlexmarksOwnHeadingParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(Parser.HTML_BLOCK_PARSER, false);
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        options.set(Parser.THEMATIC_BREAK_PARSER, false);
        Parser stock = Parser.builder(options).customBlockParserFactory(new GuardedBlockStarts.Fences())
                .customBlockParserFactory(new BoundedHtmlBlocks())
                .customBlockParserFactory(new GuardedBlockStarts.ThematicBreaks()).build();
        int headings = differential(stock, parser(true));
        assertThat(headings).as("inputs with headings").isGreaterThan(200);
    }

    @Test
    void aLineOfMarksAloneCanBeABreakOrAnUnderline() {
        assertThat(marksOnly("- - -", '-', true)).isTrue();
        assertThat(marksOnly("***\t ", '*', true)).isTrue();
        assertThat(marksOnly("- -", '-', true)).isFalse();
        assertThat(marksOnly("- text", '-', true)).isFalse();
        assertThat(marksOnly("---", '-', false)).isTrue();
        assertThat(marksOnly("=  ", '=', false)).isTrue();
        assertThat(marksOnly("- -", '-', false)).isFalse();
        assertThat(marksOnly("= x", '=', false)).isFalse();
    }

    private static boolean marksOnly(String line, char c, boolean spaced) {
        return GuardedBlockStarts.marksOnly(com.vladsch.flexmark.util.sequence.BasedSequence.of(line), 0, c, spaced);
    }

    /** Random documents parse to the same HTML with both; returns how many held a heading. */
    private static int differential(Parser stock, Parser guarded) {
        int headings = 0;
        HtmlRenderer html = HtmlRenderer.builder(new MutableDataSet()).build();
        Random random = new Random(18);
        int fences = 0;
        int breaks = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(16) + 1; k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String expected = html.render(stock.parse(text.toString()));
            assertThat(html.render(guarded.parse(text.toString()))).as(text.toString()).isEqualTo(expected);
            fences += expected.contains("<pre><code") ? 1 : 0;
            breaks += expected.contains("<hr />") ? 1 : 0;
            headings += expected.matches("(?s).*<h[1-6].*") ? 1 : 0;
        }
        assertThat(fences).as("inputs with code blocks").isGreaterThan(500);
        assertThat(breaks).as("inputs with thematic breaks").isGreaterThan(200);
        return headings;
    }

    private static Parser parser(boolean guarded) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        options.set(Parser.HEADING_PARSER, false);
        options.set(Parser.HTML_BLOCK_PARSER, false);
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, !guarded);
        options.set(Parser.THEMATIC_BREAK_PARSER, !guarded);
        Parser.Builder builder = Parser.builder(options).customBlockParserFactory(new LinearHeadingParser());
        if (guarded) {
            builder.customBlockParserFactory(new GuardedBlockStarts.Fences());
        }
        builder.customBlockParserFactory(new BoundedHtmlBlocks());
        if (guarded) {
            builder.customBlockParserFactory(new GuardedBlockStarts.ThematicBreaks());
        }
        return builder.build();
    }
}
