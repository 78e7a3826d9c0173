package dev.hindsight.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link DocumentPage#of} without jsoup for the bodies flexmark writes (most of them): one scan of the HTML into a
 * small tree, then the same permalinks, alert anchors, action-item slot and table of contents, written out
 * exactly as jsoup would write its parse of the body. Whenever the HTML holds anything outside that markup (a
 * comment, an entity or attribute flexmark does not write, an element in a place where an HTML parser would
 * move or close it), {@link #page} answers null and the caller parses the body with jsoup: never a different
 * page, only a slower one. {@code BodyScanTest} compares both on every document of the example site and of
 * generated corpora, and on hostile Markdown.
 */
final class BodyScan {

    /** Elements without content, written {@code <br>} (jsoup) where flexmark writes {@code <br />}. */
    private static final Set<String> VOID = Set.of("br", "hr", "img", "input");
    /** Elements that hold only phrasing content (text and inline elements). */
    private static final Set<String> PHRASING = Set.of("em", "strong", "del", "code", "a", "span", "p", "h1", "h2",
            "h3", "h4", "h5", "h6", "th", "td");
    /** Inline elements: allowed in phrasing content. */
    private static final Set<String> INLINE = Set.of("em", "strong", "del", "code", "a", "span", "img", "br",
            "input");
    /** Elements that hold blocks and inline content alike (and the body). */
    private static final Set<String> FLOW = Set.of("blockquote", "li");
    /** The attributes a body may have, as the sanitizer keeps them. */
    private static final Set<String> ATTRIBUTES = Set.of("id", "class", "align", "start", "title", "alt", "type",
            "href", "src", "rel", "width", "height", "colspan", "rowspan", "checked", "disabled", "readonly");
    /** The attributes jsoup writes without a value when it is empty or their own name. */
    private static final Set<String> BOOLEAN = Set.of("checked", "disabled", "readonly");

    private BodyScan() {
    }

    /** A node of the scanned body: an element (with {@code name}) or text (a range of the HTML, as escaped). */
    private static final class Node {
        final String name;
        final int start;
        final int end;
        final List<String[]> attributes;
        final List<Node> children;
        final Node parent;
        /** Written before the node: the action-item slot. */
        boolean slotBefore;
        boolean slotAfter;
        boolean removed;
        /** For a heading with a permalink: its fragment and text. */
        String permalinkFragment;
        String permalinkText;

        Node(String name, List<String[]> attributes, Node parent) {
            this.name = name;
            this.start = -1;
            this.end = -1;
            this.attributes = attributes;
            this.children = new ArrayList<>();
            this.parent = parent;
        }

        Node(int start, int end, Node parent) {
            this.name = null;
            this.start = start;
            this.end = end;
            this.attributes = List.of();
            this.children = List.of();
            this.parent = parent;
        }

        String attribute(String key) {
            for (String[] a : attributes) {
                if (a[0].equals(key)) {
                    return a[1];
                }
            }
            return null;
        }

        boolean isHeading() {
            return name != null && name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1'
                    && name.charAt(1) <= '6';
        }
    }

    /** The page of {@code html}, or null when only a real HTML parser can tell how it reads. */
    static DocumentPage page(String html, List<String> alerts, boolean actionSlot) {
        Node body = parse(html);
        if (body == null) {
            return null;
        }
        List<Node> all = new ArrayList<>();
        collect(body, all);
        Set<String> ids = new HashSet<>();
        for (Node n : all) {
            String id = n.name == null ? null : n.attribute("id");
            if (id != null) {
                ids.add(unescape(id));
            }
        }
        List<DocumentPage.TocEntry> toc = new ArrayList<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Node h : all) {
            String id = h.isHeading() ? h.attribute("id") : null;
            if (id == null) {
                continue;
            }
            String text = text(html, h).strip();
            String fragment = DocumentPage.fragment(unescape(id));
            int level = h.name.charAt(1) - '0';
            if (level <= 3) {
                toc.add(new DocumentPage.TocEntry(level, text, fragment));
            }
            for (String alert : alerts) {
                if (!anchors.containsKey(alert) && DocumentPage.containsWord(text, alert)) {
                    anchors.put(alert, fragment);
                }
            }
            h.permalinkFragment = fragment;
            h.permalinkText = text;
        }
        Map<Node, String> codeIds = new java.util.IdentityHashMap<>();
        for (String alert : alerts) {
            if (anchors.containsKey(alert)) {
                continue;
            }
            for (Node code : all) {
                if ("code".equals(code.name) && !inPre(code) && code.attribute("id") == null
                        && !codeIds.containsKey(code) && text(html, code).strip().equals(alert)) {
                    if (code.attribute("class") != null) {
                        return null; // jsoup would rewrite its class list
                    }
                    String id = DocumentPage.uniqueId("alert-" + alert.replaceAll("[^A-Za-z0-9_.-]", "-"), ids);
                    codeIds.put(code, id);
                    anchors.put(alert, DocumentPage.fragment(id));
                    break;
                }
            }
        }
        if (actionSlot) {
            makeActionSlot(html, all);
        }
        StringBuilder out = new StringBuilder(html.length() + 64 * toc.size() + 64);
        for (Node c : body.children) {
            write(html, c, codeIds, out);
        }
        return new DocumentPage(out.toString(), toc, anchors);
    }

    private static void collect(Node n, List<Node> out) {
        for (Node c : n.children) {
            if (c.name != null) {
                out.add(c);
                collect(c, out);
            }
        }
    }

    private static boolean inPre(Node n) {
        for (Node p = n.parent; p != null; p = p.parent) {
            if ("pre".equals(p.name)) {
                return true;
            }
        }
        return false;
    }

    /** As jsoup's {@code DocumentPage.makeActionSlot}: the first h2/h3 whose own text starts "action items". */
    private static void makeActionSlot(String html, List<Node> all) {
        for (Node h : all) {
            if (!h.name.equals("h2") && !h.name.equals("h3")) {
                continue;
            }
            if (!ownText(html, h).strip().toLowerCase(Locale.ROOT).startsWith("action items")) {
                continue;
            }
            List<Node> siblings = h.parent.children;
            Node first = null;
            for (int i = siblings.indexOf(h) + 1; i < siblings.size(); i++) {
                Node next = siblings.get(i);
                if (next.name == null) {
                    continue;
                }
                if (next.isHeading()) {
                    break;
                }
                if (next.name.equals("table") || ((next.name.equals("ul") || next.name.equals("ol"))
                        && hasTaskItem(next))) {
                    next.removed = true;
                    if (first == null) {
                        first = next;
                    }
                }
            }
            if (first == null) {
                h.slotAfter = true;
            } else {
                first.slotBefore = true;
            }
            return;
        }
    }

    private static boolean hasTaskItem(Node n) {
        for (Node c : n.children) {
            if (c.name == null) {
                continue;
            }
            if (c.name.equals("li")) {
                String cls = c.attribute("class");
                if (cls != null && List.of(unescape(cls).split("[ \t\n\f\r]+")).contains("task-list-item")) {
                    return true;
                }
            }
            if (hasTaskItem(c)) {
                return true;
            }
        }
        return false;
    }

    // ---- the text of an element, as jsoup's Element.text() and ownText() ---------------------------------

    private static String text(String html, Node n) {
        StringBuilder accum = new StringBuilder();
        accumulate(html, n, accum);
        return accum.toString().trim();
    }

    private static void accumulate(String html, Node n, StringBuilder accum) {
        for (Node c : n.children) {
            if (c.name == null) {
                appendNormalised(html, c, accum);
            } else {
                if (c.name.equals("br") && accum.length() > 0 && !endsWithSpace(accum)) {
                    accum.append(' ');
                }
                accumulate(html, c, accum);
            }
        }
    }

    private static String ownText(String html, Node n) {
        StringBuilder accum = new StringBuilder();
        for (Node c : n.children) {
            if (c.name == null) {
                appendNormalised(html, c, accum);
            } else if (c.name.equals("br") && !endsWithSpace(accum)) {
                accum.append(' ');
            }
        }
        return accum.toString().trim();
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        return sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
    }

    /** The text of {@code t}, unescaped, with its runs of white space made one space (jsoup's rule). */
    private static void appendNormalised(String html, Node t, StringBuilder accum) {
        String text = unescape(html.substring(t.start, t.end));
        boolean stripLeading = endsWithSpace(accum);
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 160) {
                if ((stripLeading && !reachedNonWhite) || lastWasWhite) {
                    continue;
                }
                accum.append(' ');
                lastWasWhite = true;
            } else if (c != 8203 && c != 173) {
                accum.append(c);
                lastWasWhite = false;
                reachedNonWhite = true;
            }
        }
    }

    // ---- writing, as jsoup writes (html syntax, no pretty printing) ------------------------------------

    private static void write(String html, Node n, Map<Node, String> codeIds, StringBuilder out) {
        if (n.slotBefore) {
            out.append(DocumentPage.ACTION_ITEMS);
        }
        if (n.removed) {
            return;
        }
        if (n.name == null) {
            writeText(html, n.start, n.end, out);
            return;
        }
        out.append('<').append(n.name);
        String codeId = codeIds.get(n);
        for (String[] a : n.attributes) {
            String value = a[1];
            if (BOOLEAN.contains(a[0]) && (value.isEmpty() || value.equalsIgnoreCase(a[0]))) {
                out.append(' ').append(a[0]);
            } else {
                out.append(' ').append(a[0]).append("=\"").append(value).append('"');
            }
        }
        if (codeId != null) {
            out.append(" id=\"").append(codeId).append("\" class=\"alert-name\"");
        }
        out.append('>');
        if (VOID.contains(n.name)) {
            return;
        }
        for (Node c : n.children) {
            write(html, c, codeIds, out);
        }
        if (n.permalinkFragment != null) {
            out.append(" <a class=\"permalink\" href=\"#");
            escapeAttribute(n.permalinkFragment, out);
            out.append("\" aria-label=\"Link to this section: ");
            escapeAttribute(n.permalinkText, out);
            out.append("\">#</a>");
        }
        out.append("</").append(n.name).append('>');
        if (n.slotAfter) {
            out.append(DocumentPage.ACTION_ITEMS);
        }
    }

    /** Text as flexmark escaped it, as jsoup writes it: {@code &quot;} is a plain quote. */
    private static void writeText(String html, int start, int end, StringBuilder out) {
        int i = start;
        while (i < end) {
            int amp = html.indexOf("&quot;", i);
            if (amp < 0 || amp >= end) {
                out.append(html, i, end);
                return;
            }
            out.append(html, i, amp).append('"');
            i = amp + 6;
        }
    }

    private static void escapeAttribute(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case 160 -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------

    /** The entities flexmark writes, and the characters they stand for. */
    private static final String[] ENTITIES = {"&amp;", "&lt;", "&gt;", "&quot;"};
    private static final String ENTITY_CHARS = "&<>\"";

    /** {@code s} with the entities flexmark writes replaced by their characters (the scan admits no others). */
    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int k = c == '&' ? entityAt(s, i) : -1;
            if (k >= 0) {
                out.append(ENTITY_CHARS.charAt(k));
                i += ENTITIES[k].length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int entityAt(String s, int i) {
        for (int k = 0; k < ENTITIES.length; k++) {
            if (s.startsWith(ENTITIES[k], i)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The tree of {@code html}, or null when it holds anything an HTML parser might read otherwise than as
     * written: only flexmark's elements, each where flexmark puts it and closed in order; only the attributes
     * the sanitizer keeps, each once, double-quoted; only the entities flexmark writes; no character an HTML
     * parser replaces or jsoup writes as an entity (CR, NUL, no-break space).
     */
    private static Node parse(String html) {
        Node body = new Node("", List.of(), null);
        Node open = body;
        int i = 0;
        int n = html.length();
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                if (!plainText(html, i, textEnd) || !textAllowedIn(open, html, i, textEnd)) {
                    return null;
                }
                open.children.add(new Node(i, textEnd, open));
            }
            if (lt < 0) {
                break;
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                return null;
            }
            if (lt + 1 < n && html.charAt(lt + 1) == '/') {
                String name = html.substring(lt + 2, gt);
                if (!name.equals(open.name) || open == body) {
                    return null;
                }
                open = open.parent;
            } else {
                int j = lt + 1;
                while (j < gt && isNameChar(html.charAt(j))) {
                    j++;
                }
                String name = html.substring(lt + 1, j);
                if (!allowedIn(open, name)) {
                    return null;
                }
                boolean selfClosed = html.charAt(gt - 1) == '/';
                List<String[]> attributes = attributes(html, j, selfClosed ? gt - 1 : gt, name);
                if (attributes == null || (selfClosed && !VOID.contains(name))) {
                    return null;
                }
                Node element = new Node(name, attributes, open);
                open.children.add(element);
                if (!VOID.contains(name)) {
                    open = element;
                }
            }
            i = gt + 1;
        }
        return open == body ? body : null;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The attributes between {@code from} and {@code end}; null when any is not one a scan may pass on as is. */
    private static List<String[]> attributes(String html, int from, int end, String element) {
        List<String[]> out = new ArrayList<>(2);
        int i = from;
        while (true) {
            int spaces = i;
            while (i < end && html.charAt(i) == ' ') {
                i++;
            }
            if (i == end) {
                return out;
            }
            if (i == spaces) {
                return null; // a name ran into something else
            }
            int nameStart = i;
            while (i < end && (isNameChar(html.charAt(i)) || html.charAt(i) == '-')) {
                i++;
            }
            String key = html.substring(nameStart, i);
            if (!ATTRIBUTES.contains(key) || (key.equals("id") && !(element.length() == 2 && element.charAt(0) == 'h'))
                    || i + 1 >= end || html.charAt(i) != '=' || html.charAt(i + 1) != '"') {
                return null;
            }
            int valueStart = i + 2;
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0 || valueEnd >= end + 1 || valueEnd > end) {
                return null;
            }
            String value = html.substring(valueStart, valueEnd);
            if (!plainText(html, valueStart, valueEnd) || value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
                return null;
            }
            for (String[] a : out) {
                if (a[0].equals(key)) {
                    return null;
                }
            }
            out.add(new String[] {key, value});
            i = valueEnd + 1;
        }
    }

    /**
     * Whether {@code html} between {@code from} and {@code to} holds only the entities flexmark writes, and no
     * character an HTML parser replaces (CR, NUL, form feed) or jsoup writes otherwise (no-break space, {@code >}).
     */
    private static boolean plainText(String html, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (c == '&') {
                if (entityAt(html, i) < 0) {
                    return false;
                }
            } else if (c == '\r' || c == '\0' || c == '\f' || c == 160 || c == '>' || c == '<'
                    || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an HTML parser keeps text where it stands in {@code parent}: else it moves it (a table's). */
    private static boolean textAllowedIn(Node parent, String html, int from, int to) {
        String p = parent.name;
        if (p.equals("table") || p.equals("thead") || p.equals("tbody") || p.equals("tr") || p.equals("ul")
                || p.equals("ol")) {
            for (int i = from; i < to; i++) {
                char c = html.charAt(i);
                if (c != ' ' && c != '\n' && c != '\t') {
                    return false;
                }
            }
            return true;
        }
        if (p.equals("pre")) {
            return html.charAt(from) != '\n' || !parent.children.isEmpty(); // a parser drops a first newline
        }
        return true;
    }

    /** Whether an HTML parser leaves element {@code name} where flexmark put it, in {@code parent}. */
    private static boolean allowedIn(Node parent, String name) {
        String p = parent.name;
        boolean inline = INLINE.contains(name);
        if (inline) {
            if (name.equals("a") && insideA(parent)) {
                return false;
            }
            return p.isEmpty() || PHRASING.contains(p) || FLOW.contains(p) || (p.equals("pre") && name.equals("code"));
        }
        if (p.equals("ul") || p.equals("ol")) {
            return name.equals("li");
        }
        if (p.equals("table")) {
            return name.equals("thead") || name.equals("tbody");
        }
        if (p.equals("thead") || p.equals("tbody")) {
            return name.equals("tr");
        }
        if (p.equals("tr")) {
            return name.equals("th") || name.equals("td");
        }
        if (!p.isEmpty() && !FLOW.contains(p)) {
            return false; // a block in phrasing content, or anywhere else: a parser may close or move
        }
        return switch (name) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "hr" -> true;
            default -> false; // li, thead, tbody, tr, th, td outside their parent; any other element
        };
    }

    private static boolean insideA(Node n) {
        for (Node p = n; p != null; p = p.parent) {
            if ("a".equals(p.name)) {
                return true;
            }
        }
        return false;
    }
}
