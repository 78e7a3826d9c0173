package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Raw HTML never takes the text after it: a tag the page does not allow, wherever it is written, is
 * shown as text with a {@code raw-html} warning at its position, and every later section is still
 * parsed and rendered.
 */
class RawHtmlTest {

    private static final MarkdownParser PARSER = new MarkdownParser();

    private record Parsed(ParsedMarkdown md, List<String> diagnostics) {
    }

    private static Parsed parse(String body) {
        Diagnostics d = new Diagnostics();
        ParsedMarkdown md = PARSER.parse("postmortems/p.md", body, 1, d, true);
        return new Parsed(md, d.sorted().stream().map(Diagnostic::toString).toList());
    }

    private static String notAllowed(int line, int column, String tag) {
        return "postmortems/p.md:" + line + ":" + column + ": warning[raw-html]: raw HTML tag `" + tag
                + "` is not allowed on the page; shown as text";
    }

    private static final String LATER = """

            ## Impact
            Customers could not pay.

            ## Timeline
            14:00 paged

            ## Root cause
            A stale cache.

            ## Action items
            - [ ] Purge the cache
            """;

    @Test
    void aRawTextTagInASentenceKeepsTheRestOfTheDocument() {
        for (String tag : List.of("script", "style", "title", "iframe", "textarea", "noscript", "xmp", "plaintext",
                "noembed", "noframes", "select", "template", "object", "math", "svg", "embed", "frameset",
                "payment-widget")) {
            Parsed p = parse("## Summary\nIt failed because the <" + tag + "> include of the widget was cached.\n"
                    + LATER);
            assertThat(p.md().headings()).extracting(Heading::text).as(tag)
                    .containsExactly("Summary", "Impact", "Timeline", "Root cause", "Action items");
            assertThat(p.md().html()).as(tag)
                    .contains("because the &lt;" + tag + "&gt; include of the widget was cached.")
                    .contains("<h2 id=\"action-items\">Action items</h2>", "A stale cache.", "Purge the cache");
            assertThat(p.diagnostics()).as(tag).containsExactly(notAllowed(2, 23, "<" + tag + ">"));
        }
    }

    @Test
    void anUnclosedRawTextTagOnItsOwnLineKeepsTheHeadingsAfterIt() {
        Parsed p = parse("## Summary\nText.\n\n<style>\n## Impact\nCustomers could not pay.\n\n<script>\nalert(1)\n"
                + "## Timeline\n14:00 paged\n\n<svg><style>\n\n## Root cause\nA stale cache.\n\n"
                + "<!-- a note that never ends\n\n## Action items\n- [ ] Purge\n");
        assertThat(p.md().headings()).extracting(Heading::text)
                .containsExactly("Summary", "Impact", "Timeline", "Root cause", "Action items");
        assertThat(p.md().html())
                .contains("<p>&lt;style&gt;</p>\n<h2 id=\"impact\">Impact</h2>\n<p>Customers could not pay.</p>")
                .contains("<p>&lt;script&gt;\nalert(1)</p>\n<h2 id=\"timeline\">Timeline</h2>")
                .contains("&lt;!-- a note that never ends", "A stale cache.", "Purge")
                .doesNotContain("<script", "<style", "<svg", "<!--");
        assertThat(p.diagnostics()).containsExactly(
                notAllowed(4, 1, "<style>"),
                notAllowed(8, 1, "<script>"),
                notAllowed(13, 1, "<svg>"),
                notAllowed(13, 6, "<style>"),
                "postmortems/p.md:18:1: warning[raw-html]: HTML comment `<!--` has no closing `-->` before the end of"
                        + " its block; shown as text");
    }

    @Test
    void tagsInTablesListsHeadingsQuotesAndHtmlBlocksAreCutNodeByNode() {
        Parsed p = parse("""
                # Title <noscript>

                | Time | Event |
                |---|---|
                | 14:00 | <title> paged <b>ops</b> |

                - item <textarea> here
                - <xmp> too

                > quote <iframe src=x>
                > <div title="a>b">
                > <plaintext>
                > </div>

                <details>
                <summary>Logs <select></summary>

                inside

                </details>

                ## After
                Still here.
                """);
        assertThat(p.md().headings()).extracting(Heading::text).containsExactly("Title", "After");
        assertThat(p.md().html())
                .contains("<td>&lt;title&gt; paged <b>ops</b></td>", "<li>item &lt;textarea&gt; here</li>",
                        "<li>&lt;xmp&gt; too</li>", "quote &lt;iframe src&#61;x&gt;", "&lt;plaintext&gt;",
                        "<summary>Logs &lt;select&gt;</summary>", "<p>inside</p>", "</details>", "Still here.")
                .doesNotContain("<noscript", "<title", "<textarea", "<xmp", "<iframe", "<plaintext", "<select");
        assertThat(p.diagnostics()).containsExactly(
                notAllowed(1, 9, "<noscript>"),
                notAllowed(5, 11, "<title>"),
                notAllowed(7, 8, "<textarea>"),
                notAllowed(8, 3, "<xmp>"),
                notAllowed(10, 9, "<iframe>"),
                notAllowed(12, 3, "<plaintext>"),
                notAllowed(16, 15, "<select>"));
    }

    @Test
    void codeShowsTagsAsTextWithoutAWarning() {
        Parsed p = parse("Use `<script>` here.\n\n```html\n<script>alert(1)</script>\n<style>\n```\n\n"
                + "    <textarea>\n\n## After\nok\n");
        assertThat(p.diagnostics()).isEmpty();
        assertThat(p.md().html()).contains("<code>&lt;script&gt;</code>", "&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;textarea&gt;", "<h2 id=\"after\">After</h2>");
    }

    @Test
    void allowedTagsAreKeptAndStillSanitized() {
        Parsed p = parse("Press <kbd>Ctrl</kbd> <b onclick=\"alert(1)\">now</b> <!-- hidden --> "
                + "<a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>\n");
        assertThat(p.diagnostics()).isEmpty();
        assertThat(p.md().html()).contains("<kbd>Ctrl</kbd>", "<b>now</b>", "<img src=\"../x\" />")
                .doesNotContain("onclick", "onerror", "javascript", "hidden");
    }

    @Test
    void unclosedTagsDeclarationsAndEndTagsAreReported() {
        Parsed p = parse("""
                <div title="never closed

                Text <?php echo 1 ?> and <!DOCTYPE html> and </script> end.
                """);
        assertThat(p.md().html()).contains("&lt;div title&#61;&#34;never closed", "&lt;?php echo 1 ?&gt;",
                "&lt;!DOCTYPE html&gt;", "&lt;/script&gt; end.");
        assertThat(p.diagnostics()).containsExactly(
                "postmortems/p.md:1:1: warning[raw-html]: raw HTML tag `<div` has no closing `>` before the end of"
                        + " its block; shown as text",
                "postmortems/p.md:3:6: warning[raw-html]: raw HTML `<?php echo 1 ?>` (a declaration, processing"
                        + " instruction or bogus tag) is not allowed on the page; shown as text",
                "postmortems/p.md:3:26: warning[raw-html]: raw HTML `<!DOCTYPE html>` (a declaration, processing"
                        + " instruction or bogus tag) is not allowed on the page; shown as text",
                notAllowed(3, 46, "</script>"));
    }
}
