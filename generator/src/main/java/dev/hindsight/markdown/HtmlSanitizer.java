package dev.hindsight.markdown;

import dev.hindsight.highlight.Highlighter;
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
    /** The rels of a link that leaves the site, as one attribute value. */
    static final String EXTERNAL_REL = String.join(" ", EXTERNAL_RELS);

    /** The elements the policy keeps with their attributes cleaned, apart from links, images and check boxes. */
    private static final List<String> TEXT_ELEMENTS = List.of("p", "br", "hr", "blockquote", "pre", "code", "em",
            "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "kbd", "samp", "var", "abbr",
            "cite", "q", "dfn", "span", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
            "tr", "th", "td", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "figure",
            "figcaption");

    /** Every element the policy keeps; raw HTML tags of any other element are shown as text ({@link RawHtml}). */
    static final List<String> ELEMENTS_ALLOWED = java.util.stream.Stream.concat(TEXT_ELEMENTS.stream(),
            java.util.stream.Stream.of("a", "img", "input")).toList();

    private final PolicyFactory policy = new HtmlPolicyBuilder()
            .allowElements(TEXT_ELEMENTS.toArray(String[]::new))
            .allowAttributes("id").matching(HEADING_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6")
            .allowAttributes("class").matching(CODE_CLASS).onElements("code")
            .allowAttributes("class").matching(Highlighter.CLASS_NAMES).onElements("span")
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

    /**
     * The safe subset of {@code html}, which flexmark rendered from Markdown; {@code rawHtml} tells
     * whether the Markdown held raw HTML. Without raw HTML every tag is flexmark's own and every text
     * and attribute value is escaped, so when each element, attribute and value is one the policy
     * keeps ({@link #withinPolicy}), the sanitizer would change nothing but how the markup is spelled
     * and the HTML is returned as it is: most documents, at a tenth of the cost.
     */
    String sanitize(String html, boolean rawHtml) {
        return !rawHtml && withinPolicy(html) ? html : policy.sanitize(html);
    }

    private static final java.util.Set<String> ELEMENTS = java.util.Set.of("p", "br", "hr", "blockquote", "pre",
            "code", "em", "strong", "del", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
            "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "input", "span");

    /**
     * Whether {@code html} is made only of tags of the markup flexmark writes, each element and
     * attribute one the policy allows with a value it keeps as it is. Anything else (a comment, an
     * attribute without a quoted value, an entity the renderer does not write, a URL with another
     * scheme or with characters a browser would strip) answers false: the caller then sanitizes.
     */
    static boolean withinPolicy(String html) {
        int i = html.indexOf('<');
        while (i >= 0) {
            int end = html.indexOf('>', i);
            if (end < 0 || !tagWithinPolicy(html, i + 1, end)) {
                return false;
            }
            i = html.indexOf('<', end);
        }
        return true;
    }

    /** The tag between {@code from} (after its '<') and {@code end} (its '>'). */
    private static boolean tagWithinPolicy(String html, int from, int end) {
        int i = from;
        boolean closing = i < end && html.charAt(i) == '/';
        if (closing) {
            i++;
        }
        int nameStart = i;
        while (i < end && isNameChar(html.charAt(i))) {
            i++;
        }
        String element = html.substring(nameStart, i);
        if (!ELEMENTS.contains(element)) {
            return false;
        }
        if (closing) {
            return i == end;
        }
        String href = null;
        String rel = null;
        boolean seenSource = false;
        boolean seenType = false;
        boolean seenClass = false;
        while (true) {
            while (i < end && html.charAt(i) == ' ') {
                i++;
            }
            if (i == end || (html.charAt(i) == '/' && i + 1 == end)) {
                break;
            }
            int attrStart = i;
            while (i < end && isNameChar(html.charAt(i))) {
                i++;
            }
            if (i == attrStart || i + 1 >= end || html.charAt(i) != '=' || html.charAt(i + 1) != '"') {
                return false;
            }
            String attribute = html.substring(attrStart, i);
            int valueStart = i + 2;
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0 || valueEnd > end) {
                return false;
            }
            String value = unescape(html.substring(valueStart, valueEnd));
            if (value == null || !attributeWithinPolicy(element, attribute, value)) {
                return false;
            }
            switch (attribute) {
                case "href" -> href = value;
                case "rel" -> rel = value;
                case "src" -> seenSource = true;
                case "type" -> seenType = true;
                case "class" -> seenClass = true;
                default -> { }
            }
            i = valueEnd + 1;
        }
        // The policy drops a link without a target, an image without a source, an empty input and a
        // span without attributes (keeping its text).
        boolean required = switch (element) {
            case "a" -> href != null;
            case "span" -> seenClass;
            case "img" -> seenSource;
            case "input" -> seenType;
            default -> true;
        };
        if (!required) {
            return false;
        }
        // The policy adds these rels to every link that leaves the site, and allows no other.
        boolean external = href != null && isExternal(href);
        return external ? EXTERNAL_REL.equals(rel) : rel == null;
    }

    private static boolean attributeWithinPolicy(String element, String attribute, String value) {
        return switch (attribute) {
            case "id" -> element.length() == 2 && element.charAt(0) == 'h' && HEADING_ID.matcher(value).matches();
            case "class" -> switch (element) {
                case "code" -> CODE_CLASS.matcher(value).matches();
                case "table" -> value.equals("table");
                case "li" -> value.equals("task-list-item");
                case "input" -> value.equals("task-list-item-checkbox");
                case "span" -> Highlighter.CLASS_NAMES.matcher(value).matches();
                default -> false;
            };
            case "align" -> (element.equals("th") || element.equals("td")) && ALIGN.matcher(value).matches();
            case "start" -> element.equals("ol") && NUMBER.matcher(value).matches();
            case "title" -> element.equals("a") || element.equals("img");
            case "alt" -> element.equals("img");
            case "type" -> element.equals("input") && value.equals("checkbox");
            case "checked", "disabled", "readonly" -> element.equals("input");
            case "href" -> element.equals("a") && isPlainUrl(value, true);
            case "src" -> element.equals("img") && isPlainUrl(value, false);
            case "rel" -> element.equals("a");
            default -> false;
        };
    }

    /**
     * What the policy percent-encodes in a URL: parentheses, braces, and the characters that look like
     * a colon (which some browsers read as one).
     */
    private static final String URL_REWRITTEN = "(){}\u0589\u05c3\u2236\uff1a";

    /**
     * A URL the policy keeps unchanged: relative, or with the scheme http(s) (links also mailto and
     * tel), and free of the characters a browser drops from a URL before reading its scheme.
     */
    private static boolean isPlainUrl(String url, boolean link) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '\\' || (c >= 0x80 && Character.isWhitespace(c))
                    || URL_REWRITTEN.indexOf(c) >= 0) {
                return false;
            }
        }
        int colon = url.indexOf(':');
        int delimiter = firstOf(url, "/?#");
        if (colon < 0 || (delimiter >= 0 && delimiter < colon)) {
            return true;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https")
                || (link && (scheme.equals("mailto") || scheme.equals("tel")));
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** The entities flexmark writes in attribute values, and the characters they stand for. */
    private static final List<String> ENTITIES = List.of("&amp;", "&quot;", "&lt;", "&gt;");
    private static final String ENTITY_CHARS = "&\"<>";

    /** An attribute value as flexmark escapes it, unescaped; null when it holds any other entity. */
    private static String unescape(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int k = 0;
            while (k < ENTITIES.size() && !value.startsWith(ENTITIES.get(k), i)) {
                k++;
            }
            if (k == ENTITIES.size()) {
                return null;
            }
            out.append(ENTITY_CHARS.charAt(k));
            i += ENTITIES.get(k).length();
        }
        return out.toString();
    }

    /** Adds the rels of a link that leaves the site; always returns the element name. */
    private static String externalRels(List<String> attrs) {
        for (int i = 0; i + 1 < attrs.size(); i += 2) {
            if (attrs.get(i).equals("href") && isExternal(attrs.get(i + 1))) {
                attrs.add("rel");
                attrs.add(EXTERNAL_REL);
                break;
            }
        }
        return "a";
    }

    static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("http:") || h.startsWith("https:") || Link.isNetworkPath(href);
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
