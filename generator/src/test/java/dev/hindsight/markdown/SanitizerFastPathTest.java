package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sanitizer's fast path ({@link HtmlSanitizer#withinPolicy}) may skip the OWASP policy only for
 * markup the policy would keep as it is. Checked as a property on markup generated from a pool of
 * elements, attributes and values, hostile ones included: whenever the fast path accepts, the DOM
 * (as jsoup reads it, the way a browser would) equals the DOM of the sanitized markup.
 */
class SanitizerFastPathTest {

    /** Side by side, each holding text only: how they nest is the policy's business, not the fast path's. */
    private static final String[] ELEMENTS = {"p", "em", "strong", "code", "del", "a", "img", "input", "h2", "span",
        "script", "svg", "b", "iframe", "pre", "blockquote"};
    private static final String[] ATTRIBUTES = {"href", "src", "id", "class", "title", "alt", "rel", "type", "checked",
        "disabled", "align", "start", "onclick", "style", "onerror", "width"};
    private static final String[] VALUES = {"https://grafana.example/d/1?a=1&amp;b=2", "../runbooks/x/index.html#m",
        "#timeline", "mailto:sre@example.com", "tel:+1555", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)", "java&#x09;script:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html,x", "data:image/png;base64,AA", "//evil.example/x", "http://x.example",
        "nofollow noopener noreferrer", "nofollow", "language-java", "language-java evil", "table", "hl-kw", "hl-ph",
        "hl-kw evil", "hl-", "HL-KW",
        "task-list-item", "task-list-item-checkbox", "checkbox", "text", "root-cause", "two words", "left", "7",
        "x\" onclick=\"alert(1)", "&quot;&gt;&lt;script&gt;", "checked", "https:alert(1)", "\\\\evil\\x", "javascript\uff1aalert", "https://x.example/a_(b)", "../x{y}", ""};

    @Test
    void whatTheFastPathAcceptsTheSanitizerKeepsAsItIs() {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Random random = new Random(20261122L);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            String html = fragment(random);
            if (HtmlSanitizer.withinPolicy(html)) {
                accepted++;
                assertThat(dom(html)).as(html).isEqualTo(dom(sanitizer.sanitize(html)));
            } else {
                rejected++;
            }
        }
        // Both outcomes are common, so the property is not checked on one side only.
        assertThat(accepted).isGreaterThan(2_000);
        assertThat(rejected).isGreaterThan(2_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:x\">x</a>",
        "<a href=\"data:text/html,x\">x</a>",
        "<img src=\"data:image/png;base64,AA\" />",
        "<img src=\"mailto:x@example.com\" />",
        "<a href=\"https://x.example\">no rels</a>",
        "<a href=\"../x\" rel=\"nofollow noopener noreferrer\">rels on a local link</a>",
        "<a href=\"x\" onclick=\"alert(1)\">x</a>",
        "<p style=\"x\">x</p>",
        "<p class=\"x\">x</p>",
        "<script>alert(1)</script>",
        "<!-- comment -->",
        "<p>unclosed <a href=\"x\"",
        "<a href='javascript:alert(1)'>single quotes</a>",
        "<a href=javascript:alert(1)>unquoted</a>",
        "<input type=\"text\" />",
        "<h2 id=\"two words\">x</h2>",
        "<code class=\"language-js evil\">x</code>",
        "<P>upper case</P>",
        "<span>no class: the policy drops the tag</span>",
        "<span class=\"hl-kw evil\">x</span>",
        "<span class=\"language-java\">x</span>",
        "<span id=\"x\" class=\"hl-kw\">x</span>",
        "<a href=\"javascript\uff1aalert(1)\">fullwidth colon</a>",
        "<a href=\"https://kibana.example/app#/?_g=(time:(from:now-1h))\">parentheses</a>",
    })
    void hostileMarkupTakesTheSlowPath(String html) {
        assertThat(HtmlSanitizer.withinPolicy(html)).isFalse();
    }

    @Test
    void markdownWithoutRawHtmlIsKeptAsFlexmarkWroteIt() {
        MarkdownParser parser = new MarkdownParser();
        String html = parser.parse("""
                ## Root cause

                See [the dashboard](https://grafana.example/d/1?a=1&b=2), [the runbook](../runbooks/db.md#mitigation),
                <https://status.example/> and ![graph](img/graph.png). `code` **strong** ~~gone~~

                - [x] done
                - [ ] open

                | a | b |
                |:--|--:|
                | 1 | 2 |

                ```bash
                kubectl rollout undo deploy/payments
                ```
                """, 1).html();
        assertThat(HtmlSanitizer.withinPolicy(html)).as(html).isTrue();
        assertThat(html).contains("<pre><code class=\"language-bash\"><span class=\"hl-kw\">kubectl</span> rollout undo "
                + "deploy/payments\n</code></pre>");
        assertThat(html).contains("<a href=\"https://grafana.example/d/1?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer\">")
                .contains("<a href=\"../../runbooks/db/index.html#mitigation\">the runbook</a>");
    }

    /** Every document of the example site renders on the fast path or, with raw HTML, the slow one. */
    @Test
    void theExampleSiteTakesTheFastPath() throws IOException {
        MarkdownParser parser = new MarkdownParser();
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("../example-site"))) {
            files = all.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("target")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            String text = Files.readString(f);
            String body = text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text;
            String html = parser.parse(body, 1).html();
            assertThat(HtmlSanitizer.withinPolicy(html)).as(f.toString()).isTrue();
        }
    }

    private static String fragment(Random random) {
        StringBuilder out = new StringBuilder();
        int elements = 1 + random.nextInt(3);
        for (int e = 0; e < elements; e++) {
            String name = ELEMENTS[random.nextInt(ELEMENTS.length)];
            out.append('<').append(name);
            int attributes = random.nextInt(3);
            for (int a = 0; a < attributes; a++) {
                String value = VALUES[random.nextInt(VALUES.length)];
                if (random.nextInt(4) > 0) {
                    value = value.replace("&", "&amp;").replace("\"", "&quot;").replace("&amp;amp;", "&amp;");
                }
                out.append(' ').append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]).append("=\"").append(value)
                        .append('"');
            }
            if (name.equals("img") || name.equals("input")) {
                out.append(" />");
            } else {
                out.append('>').append(random.nextBoolean() ? "text &amp; more" : "x").append("</").append(name)
                        .append('>');
            }
            out.append(' ');
        }
        return out + "\n";
    }

    /** Elements with their attributes (sorted) and texts, as a browser's parser sees the markup. */
    private static List<String> dom(String html) {
        List<String> out = new ArrayList<>();
        walk(Jsoup.parseBodyFragment(html).body(), out);
        return out;
    }

    private static void walk(Node node, List<String> out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                if (!t.isBlank()) {
                    out.add("text:" + t.text().strip());
                }
            } else if (child instanceof Element e) {
                Map<String, String> attributes = new TreeMap<>();
                for (Attribute a : e.attributes()) {
                    attributes.put(a.getKey(), a.getValue());
                }
                out.add("<" + e.tagName() + " " + attributes);
                walk(e, out);
                out.add("</" + e.tagName());
            }
        }
    }
}
