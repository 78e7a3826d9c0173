package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.markdown.MarkdownParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a document's page is made from its body HTML by one scan ({@link BodyScan}) instead of a jsoup parse
 * when the body is markup flexmark writes, and the page is the same, byte for byte: the scan is compared with
 * the jsoup parse ({@link DocumentPage#parsed}) on every document of the example site and of a generated corpus,
 * and on Markdown made to trip it; where the scan cannot tell, it hands over to jsoup.
 */
class BodyScanTest {

    private static final MarkdownParser MARKDOWN = new MarkdownParser();

    @TempDir
    Path tmp;

    @Test
    void everyExampleSiteBodyScansToTheSamePageAsJsoupParsesIt() throws IOException {
        Stats s = compareAll(markdownFiles(Path.of("../example-site")));
        assertThat(s.documents).isGreaterThan(15);
        assertThat(s.scanned).as("bodies the scan handles itself").isGreaterThan(s.documents / 2);
    }

    @Test
    void everyBodyOfAGeneratedCorpusScansToTheSamePageAsJsoupParsesIt() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("../bench/CorpusGenerator.java").toString(), "--out", corpus.toString(),
                "--docs", "600", "--seed", "7", "--no-git")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("corpus.log").toFile()).start();
        assertThat(gen.waitFor(120, TimeUnit.SECONDS)).as("corpus generator ends").isTrue();
        assertThat(gen.exitValue()).as(Files.readString(tmp.resolve("corpus.log"))).isZero();

        Stats s = compareAll(markdownFiles(corpus));

        assertThat(s.documents).isGreaterThanOrEqualTo(600);
        assertThat(s.scanned).as("bodies the scan handles itself").isGreaterThan(s.documents * 9 / 10);
    }

    @Test
    void markdownMadeToTripTheScanGivesTheSamePageAsJsoup() {
        List<String> bodies = List.of(
                "## Action items\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] do it\n- [x] done\n\n## Next\n",
                "### Action   Items  later\ntext\n\n1. [ ] one\n\n| x |\n|---|\n| y |\n",
                "## Action *items*\n\n| a |\n|---|\n| b |\n",
                "## Action items\nNothing here.\n## Then\n| a |\n|---|\n| b |\n",
                "> ## Action items\n> - [ ] quoted task\n\n## Action items\n- [ ] real\n",
                "## Fix `HighErrorRate` now\nSee `HighErrorRate` and `DiskFull` and ` DiskFull `.\n",
                "Use `DiskFull` here\n\n## Mitigation\n\n```\n`DiskFull`\n```\n\n`DiskFull`\n",
                "# Title\n## Title\n## Title\n### alert-DiskFull\n`DiskFull`\n",
                "## \"Quotes\" & <angles> & 'single'\ntext \"q\" &amp; &copy; &#169; &nbsp;x\n",
                "## Heading<br>with break\n## Tab\there\n## Trailing hashes ##\n",
                "## Ünïcödé — dash\n## 日本語\n## emoji 🚒 fire\n",
                "## [Link](https://example.com/a?b=1&c=2) and ![img](x.png \"t\")\n",
                "Hard  \nbreak and <b>raw</b> html and <span>x</span>\n\n<div>block</div>\n",
                "<details><summary>More</summary>\n\nHidden `DiskFull`\n\n</details>\n",
                "* a\n\n  b\n\n  ```sh\n  echo\n  ```\n* [x] c\n  - [ ] d\n",
                "Text with\u00a0no-break space and soft\u00adhyphen and zero\u200bwidth\n## A\u00a0B\n",
                "```\n\nleading blank line in code\n```\n\n    indented\n",
                "| `DiskFull` | b |\n|:--|--:|\n| <br> | x |\n",
                "## Mitigation\n- step\n## Mitigation\n- again\n",
                "https://auto.example.com/x and www.example.com and <mailto:a@b.c>\n",
                "~~gone~~ ***both*** _u_ **`code`**\n\n---\n\n***\n",
                "<!-- a comment -->\n## After comment\n",
                "## Action items\n\n<table><tr><td>raw</td></tr></table>\n\n- [ ] x\n");
        List<List<String>> alertSets = List.of(List.of(), List.of("DiskFull"), List.of("HighErrorRate", "DiskFull"),
                List.of("DiskFull", "DiskFull", "Title"));
        int scanned = 0;
        for (String body : bodies) {
            String html = MARKDOWN.parse(body, 1).html();
            for (List<String> alerts : alertSets) {
                for (boolean slot : new boolean[] {false, true}) {
                    assertSame(html, alerts, slot);
                    if (BodyScan.page(html, alerts, slot) != null) {
                        scanned++;
                    }
                }
            }
        }
        assertThat(scanned).as("cases the scan handles itself").isGreaterThan(bodies.size() * 4);
    }

    @Test
    void htmlAParserWouldReadOtherwiseIsLeftToJsoup() {
        for (String html : List.of("<p>a<p>b</p>", "<p><ul><li>x</li></ul></p>", "<table>text<tr><td>1</td></tr></table>",
                "<ul><p>x</p></ul>", "<a href=\"x\"><a href=\"y\">z</a></a>", "<p>x", "<p>a</em></p>",
                "<p>a &copy; b</p>", "<p>a\u00a0b</p>", "<!-- c -->", "<p onclick=\"x\">a</p>", "<P>a</P>",
                "<p>a</p>\r\n", "<pre>\ncode</pre>", "<h2 id=\"a\" id=\"b\">x</h2>", "<div>x</div>",
                "<h2 id=a>x</h2>", "<li>x</li>", "<td>x</td>", "<p>a > b</p>")) {
            assertThat(BodyScan.page(html, List.of(), true)).as(html).isNull();
            assertThat(DocumentPage.of(html, List.of(), true)).isEqualTo(DocumentPage.parsed(html, List.of(), true));
        }
    }

    private record Stats(int documents, int scanned) {
    }

    private static Stats compareAll(List<Path> files) throws IOException {
        int scanned = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            if (text.startsWith("---\n")) {
                int end = text.indexOf("\n---\n", 4);
                if (end > 0) {
                    text = text.substring(end + 5);
                }
            }
            String html = MARKDOWN.parse(text, 1).html();
            List<String> alerts = codeSpans(text);
            for (boolean slot : new boolean[] {false, true}) {
                assertSame(html, alerts, slot);
            }
            if (BodyScan.page(html, alerts, true) != null) {
                scanned++;
            }
        }
        return new Stats(files.size(), scanned);
    }

    /** Inline code of the text that looks like an alert name, so that alert anchors are made too. */
    private static List<String> codeSpans(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([A-Z][A-Za-z0-9]{3,40})`").matcher(text);
        while (m.find() && out.size() < 5) {
            out.add(m.group(1));
        }
        out.add("Mitigation");
        return out;
    }

    private static void assertSame(String html, List<String> alerts, boolean slot) {
        DocumentPage expected = DocumentPage.parsed(html, alerts, slot);
        DocumentPage scanned = BodyScan.page(html, alerts, slot);
        if (scanned != null) {
            assertThat(scanned.html()).as(html).isEqualTo(expected.html());
            assertThat(scanned.toc()).as(html).isEqualTo(expected.toc());
            assertThat(scanned.alertAnchors()).as(html).isEqualTo(expected.alertAnchors());
            DocumentPage anchorsOnly = BodyScan.page(html, alerts, slot, false);
            assertThat(anchorsOnly.html()).isEmpty();
            assertThat(anchorsOnly.toc()).isEqualTo(expected.toc());
            assertThat(anchorsOnly.alertAnchors()).isEqualTo(expected.alertAnchors());
        }
        assertThat(DocumentPage.of(html, alerts, slot)).isEqualTo(expected);
    }

    private static List<Path> markdownFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/target/")).sorted()
                    .toList();
        }
    }
}
