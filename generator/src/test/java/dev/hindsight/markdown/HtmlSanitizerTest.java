package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Raw HTML in Markdown is rendered, then cut down to the safe subset; Markdown links too. */
class HtmlSanitizerTest {

    private final MarkdownParser parser = new MarkdownParser();

    private String html(String markdown) {
        return parser.parse(markdown, 1).html();
    }

    @Test
    void scriptsAndEventHandlersAreRemoved() {
        String out = html("Hi <script>alert(1)</script> <b onclick=\"alert(2)\">bold</b>\n\n"
                + "<img src=x onerror=alert(3)>\n\n<svg onload=alert(4)><circle/></svg>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe>\n\n<div style=\"background:url(javascript:alert(5))\">d</div>\n");
        // Tags the page does not allow are shown as text (RawHtml), so nothing after them is lost; none is an element.
        Element body = Jsoup.parseBodyFragment(out).body();
        assertThat(body.select("script, svg, iframe, style, [style], [onclick], [onerror], [onload]")).isEmpty();
        assertThat(body.text()).contains("Hi <script>alert(1)</script> bold", "<svg onload=alert(4)><circle/></svg>",
                "<iframe src=\"https://evil.example\"></iframe>");
        assertThat(out).doesNotContain("onclick").doesNotContain("onerror").doesNotContain("alert(5)");
        assertThat(out).contains("<b>bold</b>").contains("<div>d</div>");
    }

    @Test
    void dangerousUrlSchemesAreDroppedFromMarkdownLinksImagesAndAutolinks() {
        String out = html("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) "
                + "[d](data:text/html,<script>alert(1)</script>) ![e](data:image/svg+xml;base64,PHN2Zz4=) "
                + "<javascript:alert(1)> [f](&#106;avascript:alert(1)) [g](java&#x09;script:alert(1))\n\n"
                + "<a href=\"javascript:alert(1)\">h</a> <a href=\" javascript:alert(1)\">i</a> "
                + "<img src=\"javascript:alert(1)\"> <a href=\"jav&#x0A;ascript:alert(1)\">j</a>\n");
        Element body = Jsoup.parseBodyFragment(out).body();
        // The link text stays as text; no href or src keeps a script or data scheme.
        assertThat(body.text()).startsWith("a b c d javascript:alert(1) f g");
        assertThat(body.select("a[href]").eachAttr("href")).containsExactly("../java%09script:alert%281%29");
        assertThat(body.select("img[src]")).isEmpty();
        assertThat(out).doesNotContain("data:").doesNotContainIgnoringCase("vbscript");
    }

    @Test
    void safeLinksStayAndExternalOnesGetRels() {
        Element body = Jsoup.parseBodyFragment(html("[ext](https://grafana.example/d/1) [mail](mailto:sre@example.com) "
                + "[tel](tel:+15551234) [doc](../runbooks/db.md#mitigation) [anchor](#timeline) "
                + "<https://status.example/> ![graph](img/graph.png) ![remote](https://cdn.example/g.png)\n")).body();
        assertThat(body.select("a").eachAttr("href")).containsExactly("https://grafana.example/d/1",
                "mailto:sre@example.com", "tel:+15551234", "../../runbooks/db/index.html#mitigation", "#timeline",
                "https://status.example/");
        assertThat(body.select("a[href^=https]").eachAttr("rel")).containsOnly("nofollow noopener noreferrer");
        assertThat(body.select("a[href^=mailto], a[href^=#], a[href^=..]")).hasSize(3).allMatch(a -> !a.hasAttr("rel"));
        assertThat(body.select("img").eachAttr("src")).containsExactly("../img/graph.png", "https://cdn.example/g.png");
    }

    @Test
    void theSafeSubsetSurvives() {
        Element body = Jsoup.parseBodyFragment(html("""
                ## Root cause {#ignored}

                <details open><summary>Logs</summary>

                Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup> H<sub>2</sub>O

                </details>

                ```bash
                echo "<b>not html</b>"
                ```

                | Time | Event |
                |:-----|------:|
                | 14:02 | paged |

                - [x] done
                - [ ] open
                """)).body();
        assertThat(body.select("h2").attr("id")).startsWith("root-cause");
        assertThat(body.select("details[open] > summary").text()).isEqualTo("Logs");
        assertThat(body.select("kbd").eachText()).containsExactly("Ctrl", "C");
        assertThat(body.select("sup").text()).isEqualTo("2");
        assertThat(body.select("sub").text()).isEqualTo("2");
        assertThat(body.select("pre > code.language-bash").text()).isEqualTo("echo \"<b>not html</b>\"");
        assertThat(body.select("table.table th").eachAttr("align")).containsExactly("left", "right");
        assertThat(body.select("li.task-list-item input[type=checkbox][disabled]")).hasSize(2);
        assertThat(body.select("input[checked]")).hasSize(1);
    }

    @Test
    void codeClassesOtherThanLanguageAreDropped() {
        String out = html("<code class=\"evil language-js\">x</code> <code class=\"language-js\">y</code> "
                + "<p class=\"admin\" id=\"main\">z</p>\n");
        assertThat(out).contains("<code>x</code>").contains("<code class=\"language-js\">y</code>")
                .doesNotContain("admin").doesNotContain("id=");
    }

    @Test
    void brokenAndNestedTagsCannotSmuggleScript() {
        String out = html("<scr<script>ipt>alert(1)</script> <<script>script>alert(2)<</script>/script> "
                + "<a href=\"https://ok.example\" <script>alert(3)</script>x</a> <!-- <script>alert(4)</script> --> "
                + "<![CDATA[<script>alert(5)</script>]]> <noscript><p title=\"</noscript><img src=x onerror=alert(6)>\">"
                + "<style><img src=x onerror=alert(7)></style> <textarea><img src=x onerror=alert(8)></textarea>\n");
        assertThat(Jsoup.parseBodyFragment(out).select("script, img[onerror], style, noscript, textarea")).isEmpty();
        assertThat(out).doesNotContain("onerror=");
    }
}
