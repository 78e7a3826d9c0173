package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Guarding the autolink post-processor changes nothing flexmark's own extension would produce. */
class GuardedAutolinksTest {

    private static final String[] PIECES = {
        "http://", "https://x.example/a?b=c", "www.", "WWW.Example.com", "wwW.x.io", "a@b.co", "ops@example.com",
        "&#58;", "&#64;", "&amp;", "&colon;", "\\:", "\\@", "mailto:", "ftp://h", "foo+bar://", ":", "//", "x", " ",
        "\n", "`code`", "[l](u)", "*", "_", "w", "ww", ".", "example.com", "<", ">", "<https://a.b>", "\n\n", "- ",
    };

    @Test
    void rendersExactlyAsFlexmarksAutolinkExtension() {
        Parser plain = parser(AutolinkExtension.create());
        Parser guarded = parser(new GuardedAutolinks());
        HtmlRenderer html = HtmlRenderer.builder(new MutableDataSet()).build();
        Random random = new Random(3);
        int links = 0;
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(10) + 1; k > 0; k--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String expected = html.render(plain.parse(text.toString()));
            assertThat(html.render(guarded.parse(text.toString()))).as(text.toString()).isEqualTo(expected);
            if (expected.contains("<a href")) {
                links++;
            }
        }
        assertThat(links).as("inputs that made links").isGreaterThan(500);
    }

    private static Parser parser(Parser.ParserExtension autolinks) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(autolinks));
        return Parser.builder(options).build();
    }
}
