package dev.hindsight.markdown;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The allow-list every rendered document body passes through. Markdown may hold raw HTML (writers
 * paste {@code <details>}, {@code <kbd>}, tables), and flexmark renders it as is; this policy keeps a
 * safe subset and drops the rest: scripts, event handlers, styles, frames, forms, and any URL whose
 * scheme is not http(s), mailto or tel (images: http(s) only). Relative URLs stay. Links that leave
 * the site get {@code rel="nofollow noopener noreferrer"}. Thread-safe.
 */
final class HtmlSanitizer {

    private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,200}");
    private static final Pattern CODE_CLASS = Pattern.compile("language-[\\p{L}\\p{N}_+#.-]{1,40}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center");
    private static final List<String> EXTERNAL_RELS = List.of("nofollow", "noopener", "noreferrer");

    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "b", "i", "u", "s", "del",
                    "ins", "mark", "small", "sub", "sup", "kbd", "samp", "var", "abbr", "cite", "q", "dfn", "span",
                    "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "caption", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "figure", "figcaption")
            .allowAttributes("id").matching(HEADING_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(CODE_CLASS).onElements("code")
            .allowAttributes("class").matching(Pattern.compile("table")).onElements("table")
            .allowAttributes("class").matching(Pattern.compile("task-list-item")).onElements("li")
            .allowAttributes("align").matching(ALIGN).onElements("th", "td")
            .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("th", "td")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("open").onElements("details")
            .allowAttributes("title").onElements("a", "img", "abbr", "dfn")
            // Task-list check boxes, as flexmark renders them: read-only, in no form.
            .allowElements("input")
            .allowAttributes("type").matching(Pattern.compile("(?i)checkbox")).onElements("input")
            .allowAttributes("class").matching(Pattern.compile("task-list-item-checkbox")).onElements("input")
            .allowAttributes("checked", "disabled", "readonly").onElements("input")
            .allowUrlProtocols("http", "https", "mailto", "tel")
            .allowElements((name, attrs) -> externalRels(attrs), "a")
            .allowAttributes("href").onElements("a")
            .allowElements("img")
            .allowAttributes("src").matching((element, attribute, value) -> isImageSource(value) ? value : null)
            .onElements("img")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(NUMBER).onElements("img")
            .toFactory();

    /** The safe subset of {@code html}. */
    String sanitize(String html) {
        return policy.sanitize(html);
    }

    /** Adds the rels of a link that leaves the site; always returns the element name. */
    private static String externalRels(List<String> attrs) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals("href") && isExternal(attrs.get(i + 1))) {
                attrs.add("rel");
                attrs.add(String.join(" ", EXTERNAL_RELS));
                break;
            }
        }
        return "a";
    }

    private static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("http:") || h.startsWith("https:") || h.startsWith("//");
    }

    /** Images load without a click, so only the web schemes and relative paths; never data:. */
    private static boolean isImageSource(String src) {
        String s = src.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        int delimiter = firstOf(s, "/?#");
        boolean hasScheme = colon >= 0 && (delimiter < 0 || colon < delimiter);
        return !hasScheme || s.startsWith("http:") || s.startsWith("https:");
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
