package dev.hindsight.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * The raw HTML of one flexmark node (an inline tag, or an HTML block, which ends at a blank line),
 * cut down so that nothing in it can reach past the node: tags of the elements {@link HtmlSanitizer}
 * allows are kept for it to clean; every other tag ({@code <script>}, {@code <style>}, {@code <title>},
 * {@code <textarea>}, {@code <iframe>}, {@code <svg>}, an unknown name…), a tag that is not closed
 * within the node, a declaration, a processing instruction and an unclosed comment are escaped, so they
 * show as text; a closed comment is dropped. Without this, a browser (and the sanitizer) reading
 * {@code <script>} or {@code <style>} in a sentence treats all that follows, to a closing tag that
 * never comes, as script or style: the rest of the page disappeared. Tokenized as HTML5 does (quoted
 * attribute values may hold {@code >}). Pure and thread-safe.
 */
final class RawHtml {

    private RawHtml() {
    }

    /** Why a piece of raw HTML was shown as text. */
    enum Reason {
        /** A start or end tag of an element the page does not allow. */
        NOT_ALLOWED,
        /** A tag without its {@code >} before the end of its node. */
        UNCLOSED_TAG,
        /** {@code <!--} without {@code -->} before the end of its node. */
        UNCLOSED_COMMENT,
        /** {@code <!…>}, {@code <?…>} or {@code </…} not followed by a name. */
        DECLARATION,
        /** A start tag never closed in the document, which would wrap (and may hide) all that follows. */
        NEVER_CLOSED,
        /** An end tag with no open element of its name, which could end one of the page's own elements. */
        CLOSES_NOTHING
    }

    /**
     * A tag kept for the sanitizer.
     *
     * @param index where its {@code <} is in the node's text
     * @param name  the element's name, lower case
     * @param closing whether it is an end tag
     * @param selfClosing whether it ends with {@code />}
     */
    record Kept(int index, String name, boolean closing, boolean selfClosing) {
    }

    /** Elements a browser closes by itself or that hold nothing: left open or stray, they wrap nothing that follows. */
    private static final Set<String> CLOSE_THEMSELVES = Set.of("br", "hr", "img", "input", "p", "li", "dt", "dd",
            "tr", "td", "th", "thead", "tbody", "tfoot", "caption");

    /**
     * One piece shown as text.
     *
     * @param index where its {@code <} is in the node's text
     * @param tag   how the piece is named in a diagnostic, such as {@code <script>} or {@code </style>}
     */
    record Removal(int index, String tag, Reason reason) {
    }

    /** The node's HTML to hand to the sanitizer, what was shown as text, and the tags kept. */
    record Result(String html, List<Removal> removals, List<Kept> kept) {
        Result {
            removals = List.copyOf(removals);
            kept = List.copyOf(kept);
        }
    }

    /** Elements kept for the sanitizer: those its policy allows. */
    static final Set<String> ALLOWED = Set.copyOf(HtmlSanitizer.ELEMENTS_ALLOWED);

    static Result clean(CharSequence raw) {
        return clean(raw, Map.of());
    }

    /**
     * As {@link #clean(CharSequence)}, and the tags at the indexes of {@code unbalanced} (from
     * {@link #unbalanced}) are shown as text too, with their reason.
     */
    static Result clean(CharSequence raw, Map<Integer, Reason> unbalanced) {
        String s = raw.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        List<Removal> removals = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0) {
                out.append(s, i, n);
                break;
            }
            out.append(s, i, lt);
            int next = lt + 1 < n ? s.charAt(lt + 1) : -1;
            if (s.startsWith("<!--", lt)) {
                int end = commentEnd(s, lt + 4);
                if (end < 0) {
                    removals.add(new Removal(lt, "<!--", Reason.UNCLOSED_COMMENT));
                    out.append("&lt;");
                    i = lt + 1;
                } else {
                    i = end; // a closed comment shows nothing in a browser either
                }
            } else if (isLetter(next) || (next == '/' && lt + 2 < n && isLetter(s.charAt(lt + 2)))) {
                boolean closing = next == '/';
                int nameStart = lt + (closing ? 2 : 1);
                int nameEnd = nameStart;
                while (nameEnd < n && !isSpace(s.charAt(nameEnd)) && s.charAt(nameEnd) != '/'
                        && s.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
                int end = tagEnd(s, nameEnd);
                String shown = (closing ? "</" : "<") + shorten(name) + (end < 0 ? "" : ">");
                if (end < 0) {
                    removals.add(new Removal(lt, shown, Reason.UNCLOSED_TAG));
                    out.append("&lt;");
                    i = lt + 1;
                } else if (!ALLOWED.contains(name)) {
                    removals.add(new Removal(lt, shown, Reason.NOT_ALLOWED));
                    out.append("&lt;");
                    i = lt + 1;
                } else if (unbalanced.containsKey(lt)) {
                    removals.add(new Removal(lt, shown, unbalanced.get(lt)));
                    out.append("&lt;");
                    i = lt + 1;
                } else {
                    kept.add(new Kept(lt, name, closing, s.charAt(end - 2) == '/'));
                    out.append(s, lt, end);
                    i = end;
                }
            } else if (next == '!' || next == '?' || next == '/') {
                int stop = Math.min(n, lt + 24);
                int gt = s.indexOf('>', lt);
                if (gt >= 0 && gt < stop) {
                    stop = gt + 1;
                }
                String shown = s.substring(lt, stop).replaceAll("\\s+", " ").strip();
                removals.add(new Removal(lt, shown, Reason.DECLARATION));
                out.append("&lt;");
                i = lt + 1;
            } else {
                out.append("&lt;"); // a '<' that starts no tag is text to a browser too
                i = lt + 1;
            }
        }
        return new Result(out.toString(), removals, kept);
    }

    /**
     * The tags of a document's raw HTML that do not pair up, by node (in document order) and index in the
     * node's text: a start tag of a container that no end tag closes (an unclosed {@code <details>} hides all
     * that follows it, an unclosed {@code <div>} or {@code <table>} swallows it), and an end tag that closes
     * nothing. They are shown as text. Pairs may span nodes and Markdown between them
     * ({@code <details>} … Markdown … {@code </details>}).
     */
    static Map<com.vladsch.flexmark.util.ast.Node, Map<Integer, Reason>> unbalanced(
            List<com.vladsch.flexmark.util.ast.Node> nodes) {
        record Open(com.vladsch.flexmark.util.ast.Node node, Kept tag) {
        }
        Map<com.vladsch.flexmark.util.ast.Node, Map<Integer, Reason>> out = new java.util.IdentityHashMap<>();
        java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
        for (com.vladsch.flexmark.util.ast.Node node : nodes) {
            for (Kept tag : clean(chars(node)).kept()) {
                if (tag.selfClosing() || CLOSE_THEMSELVES.contains(tag.name())) {
                    continue;
                }
                if (!tag.closing()) {
                    open.push(new Open(node, tag));
                    continue;
                }
                boolean matched = open.stream().anyMatch(o -> o.tag().name().equals(tag.name()));
                if (!matched) {
                    out.computeIfAbsent(node, k -> new java.util.TreeMap<>()).put(tag.index(), Reason.CLOSES_NOTHING);
                    continue;
                }
                while (!open.pop().tag().name().equals(tag.name())) {
                    // elements opened inside it and left open end with it, as in a browser
                }
            }
        }
        for (Open o : open) {
            out.computeIfAbsent(o.node(), k -> new java.util.TreeMap<>()).put(o.tag().index(), Reason.NEVER_CLOSED);
        }
        return out;
    }

    /** The raw HTML nodes of {@code doc}, in document order. */
    static List<com.vladsch.flexmark.util.ast.Node> nodesOf(com.vladsch.flexmark.util.ast.Node doc) {
        List<com.vladsch.flexmark.util.ast.Node> out = new ArrayList<>();
        for (com.vladsch.flexmark.util.ast.Node n : doc.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.HtmlBlockBase || n instanceof com.vladsch.flexmark.ast.HtmlInlineBase) {
                out.add(n);
            }
        }
        return out;
    }

    /** The index after the {@code -->} (or {@code --!>}, or {@code >} of {@code <!-->}) of a comment; -1 if none. */
    private static int commentEnd(String s, int from) {
        if (s.startsWith(">", from)) {
            return from + 1;
        }
        if (s.startsWith("->", from)) {
            return from + 2;
        }
        int i = from;
        while (true) {
            int dashes = s.indexOf("--", i);
            if (dashes < 0) {
                return -1;
            }
            if (s.startsWith("-->", dashes)) {
                return dashes + 3;
            }
            if (s.startsWith("--!>", dashes)) {
                return dashes + 4;
            }
            i = dashes + 1;
        }
    }

    /**
     * The index after the {@code >} of a tag whose name ends at {@code from}, reading attributes as
     * HTML5 does; -1 when the text ends first.
     */
    private static int tagEnd(String s, int from) {
        int n = s.length();
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            // An attribute name (its first character may be '='), up to a space, '/', '>' or '='.
            i++;
            while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>' && s.charAt(i) != '=') {
                i++;
            }
            int j = i;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            if (j >= n || s.charAt(j) != '=') {
                continue;
            }
            j++;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            if (j >= n) {
                return -1;
            }
            char q = s.charAt(j);
            if (q == '"' || q == '\'') {
                int close = s.indexOf(q, j + 1);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else {
                while (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
                    j++;
                }
                i = j;
            }
        }
        return -1;
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** HTML's whitespace: tab, line feed, form feed, carriage return, space. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** The raw HTML a node holds: an HTML block's lines without the quote markers around them, or an inline tag. */
    static com.vladsch.flexmark.util.sequence.BasedSequence chars(com.vladsch.flexmark.util.ast.Node node) {
        return node instanceof com.vladsch.flexmark.ast.HtmlBlockBase block ? block.getContentChars() : node.getChars();
    }

    /** Renders raw HTML nodes as {@link #clean} leaves them; the sanitizer then runs over the page. */
    static final class Renderer implements com.vladsch.flexmark.html.renderer.NodeRendererFactory {
        @Override
        public com.vladsch.flexmark.html.renderer.NodeRenderer apply(com.vladsch.flexmark.util.data.DataHolder options) {
            // One renderer per render of a document: the unbalanced tags are worked out once, on first use.
            Map<com.vladsch.flexmark.util.ast.Node, Map<Integer, Reason>> unbalanced = new java.util.IdentityHashMap<>();
            boolean[] known = {false};
            java.util.function.Function<com.vladsch.flexmark.util.ast.Node, Map<Integer, Reason>> of = node -> {
                if (!known[0]) {
                    unbalanced.putAll(unbalanced(nodesOf(node.getDocument())));
                    known[0] = true;
                }
                return unbalanced.getOrDefault(node, Map.of());
            };
            return () -> Set.of(
                    new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                            com.vladsch.flexmark.ast.HtmlBlock.class, (node, context, html) -> block(node, html, of)),
                    new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                            com.vladsch.flexmark.ast.HtmlCommentBlock.class, (node, context, html) -> block(node, html, of)),
                    new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                            com.vladsch.flexmark.ast.HtmlInline.class,
                            (node, context, html) -> html.raw(RawImageSources.rewrite(
                                    clean(chars(node), of.apply(node)).html()))),
                    new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(
                            com.vladsch.flexmark.ast.HtmlInlineComment.class,
                            (node, context, html) -> html.raw(clean(chars(node), of.apply(node)).html())));
        }

        private static void block(com.vladsch.flexmark.util.ast.Node node, com.vladsch.flexmark.html.HtmlWriter html,
                                  java.util.function.Function<com.vladsch.flexmark.util.ast.Node, Map<Integer, Reason>> of) {
            html.line();
            // Relative <img src> of raw HTML is rewritten for the page, like a Markdown image (RawImageSources).
            html.raw(RawImageSources.rewrite(clean(chars(node), of.apply(node)).html()));
            html.line();
        }
    }
}
