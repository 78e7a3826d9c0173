package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class RawImageSourcesTest {

    @Test
    void relativeSourcesAreRewrittenLikeMarkdownImagesAndOthersKept() {
        assertThat(RawImageSources.rewrite("<p><img alt=\"x\" src=\"img/a.png\"><img src='https://x.example/y.png'>"
                + "<IMG\nSRC=b.png width=3><img data-src=\"no.png\"><img src=\"#top\"></p>"))
                .isEqualTo("<p><img alt=\"x\" src=\"../img/a.png\"><img src='https://x.example/y.png'>"
                        + "<IMG\nSRC=../b.png width=3><img data-src=\"no.png\"><img src=\"#top\"></p>");
    }

    @Test
    void rawImagesAreLinksAtTheirValueAndRenderedForThePage() {
        ParsedMarkdown md = new MarkdownParser().parse("a.md", "Text\n\n<div>\n  <img src=\"img/a&amp;b.png\">\n</div>\n\n"
                + "Inline <img src='c.png'> here.\n", 5, new Diagnostics());
        List<String> links = new ArrayList<>();
        md.links().forEach(l -> links.add(l.url() + "@" + l.line() + ":" + l.column() + (l.image() ? " image" : "")));
        assertThat(links).containsExactly("img/a&b.png@8:13 image", "c.png@11:18 image");
        assertThat(md.html()).contains("src=\"../img/a&amp;b.png\"").contains("src=\"../c.png\"");
    }

    @Test
    void unclosedImageTagsAreScannedInLinearTime() {
        String hostile = "<img alt=\"".repeat(100_000) + "<img src=\"" + "x".repeat(100_000);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(RawImageSources.rewrite(hostile)).isEqualTo(hostile);
            RawImageSources.each(hostile, (src, at) -> { });
        });
    }
}
