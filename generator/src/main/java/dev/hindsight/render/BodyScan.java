package dev.hindsight.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * generated corpora, and on hostile Markdown. The tree is a few int arrays (the node table), not an object per
 * node: the scan allocates little beyond the page it writes.
 */
final class BodyScan {

    /** The elements flexmark writes; a node's name is its index here. */
    private static final List<String> NAMES = List.of("p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del",
            "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img",
            "input", "span");
    private static final int P = 0;
    private static final int BR = 1;
    private static final int HR = 2;
    private static final int BLOCKQUOTE = 3;
    private static final int PRE = 4;
    private static final int CODE = 5;
    private static final int UL = 9;
    private static final int OL = 10;
    private static final int LI = 11;
    private static final int TABLE = 12;
    private static final int THEAD = 13;
    private static final int TBODY = 14;
    private static final int TR = 15;
    private static final int TH = 16;
    private static final int TD = 17;
    private static final int H1 = 18;
    private static final int H6 = 23;
    private static final int A = 24;
    private static final int IMG = 25;
    private static final int INPUT = 26;
    /** The body itself, and text. */
    private static final int BODY = -1;
    private static final int TEXT = -2;

    /** The attributes a body may have, as the sanitizer keeps them; an attribute's key is its index here. */
    private static final List<String> ATTRIBUTES = List.of("id", "class", "align", "start", "title", "alt", "type",
            "href", "src", "rel", "width", "height", "colspan", "rowspan", "checked", "disabled", "readonly");
    private static final int ID = 0;
    private static final int CLASS = 1;
    /** From this index on, the attributes jsoup writes without a value when it is empty or their own name. */
    private static final int FIRST_BOOLEAN = 14;

    private static final int REMOVED = 1;
    private static final int SLOT_BEFORE = 2;
    private static final int SLOT_AFTER = 4;

    private final String html;
    /** The characters of {@link #html}: the scan reads them from an array rather than by {@code charAt}. */
    private final char[] chars;
    private int count;
    private int[] name;
    private int[] start;
    private int[] end;
    private int[] parent;
    private int[] firstChild;
    private int[] nextSibling;
    private int[] lastChild;
    private int[] attrFrom;
    private int[] flags;
    private int attrCount;
    /** Per attribute: key, value start, value end (as escaped in the HTML). */
    private int[] attrs;
    /** Headings with a permalink: fragment and text. */
    private final Map<Integer, String[]> permalinks = new HashMap<>();
    /** Inline code made an alert's anchor: its id. */
    private final Map<Integer, String> codeIds = new HashMap<>();

    private BodyScan(String html) {
        this.html = html;
        this.chars = html.toCharArray();
        int capacity = Math.max(16, html.length() / 16);
        name = new int[capacity];
        start = new int[capacity];
        end = new int[capacity];
        parent = new int[capacity];
        firstChild = new int[capacity];
        nextSibling = new int[capacity];
        lastChild = new int[capacity];
        attrFrom = new int[capacity];
        flags = new int[capacity];
        attrs = new int[48];
    }

    /** The page of {@code html}, or null when only a real HTML parser can tell how it reads. */
    static DocumentPage page(String html, List<String> alerts, boolean actionSlot) {
        return page(html, alerts, actionSlot, true);
    }

    /**
     * As {@link #page(String, List, boolean)}; without {@code withHtml}, the page's table of contents and alert
     * anchors only (its HTML is "").
     */
    static DocumentPage page(String html, List<String> alerts, boolean actionSlot, boolean withHtml) {
        BodyScan scan = new BodyScan(html);
        return scan.parse() ? scan.page(alerts, actionSlot, withHtml) : null;
    }

    private DocumentPage page(List<String> alerts, boolean actionSlot, boolean withHtml) {
        Set<String> ids = new HashSet<>();
        for (int n = 1; n < count; n++) {
            int id = attribute(n, ID);
            if (id >= 0) {
                ids.add(value(id));
            }
        }
        List<DocumentPage.TocEntry> toc = new ArrayList<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (int h = 1; h < count; h++) {
            int id = isHeading(h) ? attribute(h, ID) : -1;
            if (id < 0) {
                continue;
            }
            String text = text(h).strip();
            String fragment = DocumentPage.fragment(value(id));
            int level = name[h] - H1 + 1;
            if (level <= 3) {
                toc.add(new DocumentPage.TocEntry(level, text, fragment));
            }
            for (String alert : alerts) {
                if (!anchors.containsKey(alert) && DocumentPage.containsWord(text, alert)) {
                    anchors.put(alert, fragment);
                }
            }
            permalinks.put(h, new String[] {fragment, text});
        }
        for (String alert : alerts) {
            if (anchors.containsKey(alert)) {
                continue;
            }
            for (int code = 1; code < count; code++) {
                if (name[code] == CODE && !inPre(code) && attribute(code, ID) < 0 && !codeIds.containsKey(code)
                        && text(code).strip().equals(alert)) {
                    if (attribute(code, CLASS) >= 0) {
                        return null; // jsoup would rewrite its class list
                    }
                    String id = DocumentPage.uniqueId("alert-" + idPart(alert), ids);
                    codeIds.put(code, id);
                    anchors.put(alert, DocumentPage.fragment(id));
                    break;
                }
            }
        }
        if (!withHtml) {
            return new DocumentPage("", toc, anchors);
        }
        if (actionSlot) {
            makeActionSlot();
        }
        StringBuilder out = new StringBuilder(html.length() + 96 * permalinks.size() + 64);
        for (int c = firstChild[0]; c != 0; c = nextSibling[c]) {
            write(c, out);
        }
        return new DocumentPage(out.toString(), toc, anchors);
    }

    /** {@code alert.replaceAll("[^A-Za-z0-9_.-]", "-")}: each code point outside those characters becomes one "-". */
    static String idPart(String alert) {
        StringBuilder out = new StringBuilder(alert.length());
        for (int i = 0; i < alert.length(); ) {
            int cp = alert.codePointAt(i);
            if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '_'
                    || cp == '.' || cp == '-') {
                out.append((char) cp);
            } else {
                out.append('-');
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private boolean isHeading(int n) {
        return name[n] >= H1 && name[n] <= H6;
    }

    /** The index of attribute {@code key} of node {@code n} in the attribute table, or -1. */
    private int attribute(int n, int key) {
        if (name[n] < 0) {
            return -1;
        }
        int to = n + 1 < count ? attrFrom[n + 1] : attrCount;
        for (int a = attrFrom[n]; a < to; a++) {
            if (attrs[3 * a] == key) {
                return a;
            }
        }
        return -1;
    }

    private String value(int a) {
        return unescape(html.substring(attrs[3 * a + 1], attrs[3 * a + 2]));
    }

    private boolean inPre(int n) {
        for (int p = parent[n]; p > 0; p = parent[p]) {
            if (name[p] == PRE) {
                return true;
            }
        }
        return false;
    }

    /** As jsoup's {@code DocumentPage.makeActionSlot}: the first h2/h3 whose own text starts "action items". */
    private void makeActionSlot() {
        for (int h = 1; h < count; h++) {
            if (name[h] != H1 + 1 && name[h] != H1 + 2) {
                continue;
            }
            if (!ownText(h).strip().toLowerCase(Locale.ROOT).startsWith("action items")) {
                continue;
            }
            int first = -1;
            for (int next = nextSibling[h]; next != 0; next = nextSibling[next]) {
                if (name[next] == TEXT) {
                    continue;
                }
                if (isHeading(next)) {
                    break;
                }
                if (name[next] == TABLE || ((name[next] == UL || name[next] == OL) && hasTaskItem(next))) {
                    flags[next] |= REMOVED;
                    if (first < 0) {
                        first = next;
                    }
                }
            }
            if (first < 0) {
                flags[h] |= SLOT_AFTER;
            } else {
                flags[first] |= SLOT_BEFORE;
            }
            return;
        }
    }

    private boolean hasTaskItem(int n) {
        for (int c = firstChild[n]; c != 0; c = nextSibling[c]) {
            if (name[c] == TEXT) {
                continue;
            }
            if (name[c] == LI) {
                int cls = attribute(c, CLASS);
                if (cls >= 0 && List.of(value(cls).split("[ \t\n\f\r]+")).contains("task-list-item")) {
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

    private String text(int n) {
        StringBuilder accum = new StringBuilder();
        accumulate(n, accum);
        return accum.toString().trim();
    }

    private void accumulate(int n, StringBuilder accum) {
        for (int c = firstChild[n]; c != 0; c = nextSibling[c]) {
            if (name[c] == TEXT) {
                appendNormalised(c, accum);
            } else {
                if (name[c] == BR && accum.length() > 0 && !endsWithSpace(accum)) {
                    accum.append(' ');
                }
                accumulate(c, accum);
            }
        }
    }

    private String ownText(int n) {
        StringBuilder accum = new StringBuilder();
        for (int c = firstChild[n]; c != 0; c = nextSibling[c]) {
            if (name[c] == TEXT) {
                appendNormalised(c, accum);
            } else if (name[c] == BR && !endsWithSpace(accum)) {
                accum.append(' ');
            }
        }
        return accum.toString().trim();
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        return sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ';
    }

    /** The text of text node {@code t}, unescaped, with its runs of white space made one space (jsoup's rule). */
    private void appendNormalised(int t, StringBuilder accum) {
        String text = unescape(html.substring(start[t], end[t]));
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

    private void write(int n, StringBuilder out) {
        if ((flags[n] & SLOT_BEFORE) != 0) {
            out.append(DocumentPage.ACTION_ITEMS);
        }
        if ((flags[n] & REMOVED) != 0) {
            return;
        }
        if (name[n] == TEXT) {
            writeText(start[n], end[n], out);
            return;
        }
        String element = NAMES.get(name[n]);
        out.append('<').append(element);
        int to = n + 1 < count ? attrFrom[n + 1] : attrCount;
        for (int a = attrFrom[n]; a < to; a++) {
            String key = ATTRIBUTES.get(attrs[3 * a]);
            int from = attrs[3 * a + 1];
            int until = attrs[3 * a + 2];
            if (attrs[3 * a] >= FIRST_BOOLEAN
                    && (from == until || (until - from == key.length() && html.regionMatches(true, from, key, 0,
                    key.length())))) {
                out.append(' ').append(key);
            } else {
                out.append(' ').append(key).append("=\"").append(chars, from, until - from).append('"');
            }
        }
        String codeId = codeIds.get(n);
        if (codeId != null) {
            out.append(" id=\"").append(codeId).append("\" class=\"alert-name\"");
        }
        out.append('>');
        if (isVoid(name[n])) {
            return;
        }
        for (int c = firstChild[n]; c != 0; c = nextSibling[c]) {
            write(c, out);
        }
        String[] permalink = permalinks.get(n);
        if (permalink != null) {
            out.append(" <a class=\"permalink\" href=\"#");
            escapeAttribute(permalink[0], out);
            out.append("\" aria-label=\"Link to this section: ");
            escapeAttribute(permalink[1], out);
            out.append("\">#</a>");
        }
        out.append("</").append(element).append('>');
        if ((flags[n] & SLOT_AFTER) != 0) {
            out.append(DocumentPage.ACTION_ITEMS);
        }
    }

    /** Text as flexmark escaped it, as jsoup writes it: {@code &quot;} is a plain quote. */
    private void writeText(int from, int to, StringBuilder out) {
        // Bounded to [from, to): an unbounded indexOf would scan the rest of the body for every text node.
        char[] c = chars;
        int written = from;
        for (int i = from; i < to; i++) {
            if (c[i] == '&' && i + 6 <= to && c[i + 1] == 'q' && c[i + 2] == 'u' && c[i + 3] == 'o' && c[i + 4] == 't'
                    && c[i + 5] == ';') {
                out.append(c, written, i - written).append('"');
                written = i + 6;
                i += 5;
            }
        }
        out.append(c, written, to - written);
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
    private static final List<String> ENTITIES = List.of("&amp;", "&lt;", "&gt;", "&quot;");
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
                i += ENTITIES.get(k).length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int entityAt(String s, int i) {
        for (int k = 0; k < ENTITIES.size(); k++) {
            if (s.startsWith(ENTITIES.get(k), i)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isVoid(int element) {
        return element == BR || element == HR || element == IMG || element == INPUT;
    }

    /** A new node (node 0 is the body), appended to {@code parentNode}'s children. */
    private int add(int element, int from, int to, int parentNode) {
        if (count == name.length) {
            int size = count * 2;
            name = Arrays.copyOf(name, size);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            parent = Arrays.copyOf(parent, size);
            firstChild = Arrays.copyOf(firstChild, size);
            nextSibling = Arrays.copyOf(nextSibling, size);
            lastChild = Arrays.copyOf(lastChild, size);
            attrFrom = Arrays.copyOf(attrFrom, size);
            flags = Arrays.copyOf(flags, size);
        }
        int n = count++;
        name[n] = element;
        start[n] = from;
        end[n] = to;
        parent[n] = parentNode;
        attrFrom[n] = attrCount;
        if (n > 0) {
            if (firstChild[parentNode] == 0) {
                firstChild[parentNode] = n;
            } else {
                nextSibling[lastChild[parentNode]] = n;
            }
            lastChild[parentNode] = n;
        }
        return n;
    }

    /**
     * Reads the HTML into the node table; false when it holds anything an HTML parser might read otherwise than
     * as written: only flexmark's elements, each where flexmark puts it and closed in order; only the attributes
     * the sanitizer keeps, each once, double-quoted; only the entities flexmark writes; no character an HTML
     * parser replaces or jsoup writes as an entity (CR, NUL, no-break space).
     */
    private boolean parse() {
        int open = add(BODY, 0, 0, 0);
        char[] c = chars;
        int i = 0;
        int n = c.length;
        while (i < n) {
            int lt = indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i) {
                if (!plainText(i, textEnd) || !textAllowedIn(open, i, textEnd)) {
                    return false;
                }
                add(TEXT, i, textEnd, open);
            }
            if (lt < 0) {
                break;
            }
            int gt = indexOf('>', lt);
            if (gt < 0) {
                return false;
            }
            if (lt + 1 < n && c[lt + 1] == '/') {
                if (open == 0 || !isName(lt + 2, gt, NAMES.get(name[open]))) {
                    return false;
                }
                open = parent[open];
            } else {
                int j = lt + 1;
                while (j < gt && isNameChar(c[j])) {
                    j++;
                }
                int element = lookUp(NAMES, lt + 1, j);
                if (element < 0 || !allowedIn(open, element)) {
                    return false;
                }
                boolean selfClosed = c[gt - 1] == '/';
                if (selfClosed && !isVoid(element)) {
                    return false;
                }
                int node = add(element, lt, gt, open);
                if (!attributes(j, selfClosed ? gt - 1 : gt, element)) {
                    return false;
                }
                if (!isVoid(element)) {
                    open = node;
                }
            }
            i = gt + 1;
        }
        return open == 0;
    }

    /** The index of {@code ch} in {@link #chars} from {@code from}, or -1. */
    private int indexOf(char ch, int from) {
        char[] c = chars;
        for (int i = from; i < c.length; i++) {
            if (c[i] == ch) {
                return i;
            }
        }
        return -1;
    }

    private boolean isName(int from, int to, String candidate) {
        if (to - from != candidate.length()) {
            return false;
        }
        char[] c = chars;
        for (int i = 0; i < candidate.length(); i++) {
            if (c[from + i] != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The index in {@code names} of the name between {@code from} and {@code to}; names of one first letter only are compared. */
    private int lookUp(List<String> names, int from, int to) {
        if (from >= to) {
            return -1;
        }
        char first = chars[from];
        for (int k = 0; k < names.size(); k++) {
            String candidate = names.get(k);
            if (candidate.charAt(0) == first && isName(from, to, candidate)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Reads the attributes between {@code from} and {@code end}; false when any may not be passed on as is. */
    private boolean attributes(int from, int end, int element) {
        int first = attrCount;
        int i = from;
        while (true) {
            int spaces = i;
            while (i < end && chars[i] == ' ') {
                i++;
            }
            if (i == end) {
                return true;
            }
            if (i == spaces) {
                return false; // a name ran into something else
            }
            int nameStart = i;
            while (i < end && (isNameChar(chars[i]) || chars[i] == '-')) {
                i++;
            }
            int key = lookUp(ATTRIBUTES, nameStart, i);
            if (key < 0 || (key == ID && !(element >= H1 && element <= H6))
                    || i + 1 >= end || chars[i] != '=' || chars[i + 1] != '"') {
                return false;
            }
            int valueStart = i + 2;
            int valueEnd = indexOf('"', valueStart);
            if (valueEnd < 0 || valueEnd > end || !plainText(valueStart, valueEnd)) {
                return false;
            }
            for (int a = first; a < attrCount; a++) {
                if (attrs[3 * a] == key) {
                    return false;
                }
            }
            if (3 * attrCount + 3 > attrs.length) {
                attrs = Arrays.copyOf(attrs, attrs.length * 2);
            }
            attrs[3 * attrCount] = key;
            attrs[3 * attrCount + 1] = valueStart;
            attrs[3 * attrCount + 2] = valueEnd;
            attrCount++;
            i = valueEnd + 1;
        }
    }

    /**
     * Whether {@code html} between {@code from} and {@code to} holds only the entities flexmark writes, and no
     * character an HTML parser replaces (CR, NUL, form feed) or jsoup writes otherwise (no-break space, {@code <},
     * {@code >}).
     */
    private boolean plainText(int from, int to) {
        char[] chs = chars;
        for (int i = from; i < to; i++) {
            char c = chs[i];
            if (c > '>') {
                if (c == 160 || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                    return false;
                }
            } else if (c == '&') {
                if (entityAt(html, i) < 0) {
                    return false;
                }
            } else if (c == '\r' || c == '\0' || c == '\f' || c == '>' || c == '<') {
                return false;
            }
        }
        return true;
    }

    /** Whether an HTML parser keeps text where it stands in {@code p}: else it moves it (a table's). */
    private boolean textAllowedIn(int p, int from, int to) {
        int e = name[p];
        if (e == TABLE || e == THEAD || e == TBODY || e == TR || e == UL || e == OL) {
            for (int i = from; i < to; i++) {
                char c = chars[i];
                if (c != ' ' && c != '\n' && c != '\t') {
                    return false;
                }
            }
            return true;
        }
        if (e == PRE) {
            return chars[from] != '\n' || firstChild[p] != 0; // a parser drops a first newline
        }
        return true;
    }

    /** Whether an HTML parser leaves {@code element} where flexmark put it, in {@code p}. */
    private boolean allowedIn(int p, int element) {
        int e = name[p];
        boolean phrasingParent = e == P || (e >= CODE && e <= 8) || (e >= H1 && e <= H6) || e == A || e == TH
                || e == TD || e == 27;
        boolean flowParent = e == BODY || e == BLOCKQUOTE || e == LI;
        if ((element >= CODE && element <= 8) || element == BR || element >= A) { // inline
            if (element == A && insideA(p)) {
                return false;
            }
            return phrasingParent || flowParent || (e == PRE && element == CODE);
        }
        if (e == UL || e == OL) {
            return element == LI;
        }
        if (e == TABLE) {
            return element == THEAD || element == TBODY;
        }
        if (e == THEAD || e == TBODY) {
            return element == TR;
        }
        if (e == TR) {
            return element == TH || element == TD;
        }
        if (!flowParent) {
            return false; // a block in phrasing content, or anywhere else: a parser may close or move it
        }
        return element == P || element == HR || element == BLOCKQUOTE || element == PRE || element == UL
                || element == OL || element == TABLE || (element >= H1 && element <= H6);
    }

    private boolean insideA(int n) {
        for (int p = n; p > 0; p = parent[p]) {
            if (name[p] == A) {
                return true;
            }
        }
        return false;
    }
}
