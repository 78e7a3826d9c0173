package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedOptionsHolder;
import com.vladsch.flexmark.util.sequence.BasedOptionsSequence;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * flexmark configured once (tables, task lists, heading ids, autolinks, strikethrough). Thread-safe:
 * the parser and renderer hold no per-document state. Raw HTML in Markdown is rendered and then, with
 * the rest of the body, cut down to a safe subset by {@link HtmlSanitizer}; links to other {@code .md}
 * files are rewritten to the pages built from them.
 */
public final class MarkdownParser {

    public static final String RULE_TOO_DEEP = "markdown-too-deep";
    public static final String RULE_PARAGRAPH_TOO_LONG = "markdown-paragraph-too-long";
    public static final String RULE_RAW_HTML = "raw-html";
    public static final String RULE_QUOTE_TOO_LONG = "markdown-quote-too-long";
    public static final String RULE_TOO_MANY_BLOCKS = "markdown-too-many-blocks";

    /**
     * The most lines and blocks (paragraph lines, list items, table rows, headings, link definitions, HTML
     * blocks) outside fenced code a document may have, counted on the text before flexmark parses it
     * ({@link BlockCount}). flexmark
     * spends about 60 µs and 1 KiB of heap per block: 856 000 paragraphs took 48 s and most of a 1 GiB
     * heap. The example site's documents have fewer than 200 blocks each.
     */
    static final int MAX_BLOCKS = 20_000;

    /**
     * The deepest block-quote nesting a line may open, checked on the text before flexmark parses it.
     * Real documents quote two or three levels deep.
     */
    static final int MAX_QUOTE_DEPTH = 20;

    /**
     * The most quoted lines in a row (without a blank line). flexmark joins the lines of a paragraph in
     * a block quote into one sequence of segments, at a cost that grows with the square of their count:
     * 49 000 lines took 4 s, 205 000 lines 46 s and most of a 1 GiB heap, 700 000 lines over 100 s.
     */
    static final int MAX_QUOTED_LINES = 2_000;
    public static final String RULE_UNCLOSED_FENCE = "unclosed-code-fence";

    /**
     * The deepest AST accepted for rendering. Real documents stay under 20; flexmark's renderer needs
     * a few stack frames per level and overflowed a 1 MiB stack at about 1000.
     */
    static final int MAX_DEPTH = 100;

    /** Touches every node type once, so no class is first initialised during a stack overflow. */
    private static final String WARM_UP = """
            # Heading

            Text *em* **strong** ~~gone~~ `code` [link](a.md#x) ![img](i.png) <http://x.example> www.example.com
            <b>html</b>

            > quote
            > - [ ] task
            > - [x] done

            1. one
               - two

            | a | b |
            |---|--:|
            | 1 | 2 |

            ```bash
            echo
            ```

                indented
            <div>block</div>
            """;

    private final Parser parser;
    private final com.vladsch.flexmark.util.data.DataHolder options;
    /**
     * The HTML renderer and the sanitizer, made on the first parse that renders: a check renders nothing, so it
     * loads neither flexmark's renderer nor the OWASP sanitizer nor the highlighter (about 250 classes).
     */
    private volatile Html html;

    /**
     * flexmark's renderer with Hindsight's node renderers, and the sanitizer over what it renders; the text of a
     * document rendered goes in after flexmark's writer ({@link DeferredText}), which finds it under {@code deferred}.
     */
    private record Html(HtmlRenderer renderer, HtmlSanitizer sanitizer, NullableDataKey<DeferredText> deferred) {
        static Html of(com.vladsch.flexmark.util.data.DataHolder options) {
            NullableDataKey<DeferredText> deferred = new NullableDataKey<>("HINDSIGHT_DEFERRED_TEXT");
            return new Html(HtmlRenderer.builder(options)
                    .linkResolverFactory(new PageLinkResolver.Factory())
                    .attributeProviderFactory(new ExternalLinkRels.Factory())
                    .nodeRendererFactory(new UnparsedText.Renderer())
                    .nodeRendererFactory(new EscapedText.Renderer(deferred))
                    .nodeRendererFactory(new HighlightedCode.Renderer())
                    .nodeRendererFactory(new RawHtml.Renderer()).build(), new HtmlSanitizer(), deferred);
        }

        String render(Document doc, String body, byte[] chars, boolean rawHtml) {
            DeferredText text = DeferredText.of(body, chars);
            String html = null;
            if (text != null) {
                doc.set(deferred, text);
                StringBuilder out = new StringBuilder(body.length() + body.length() / 2); // not grown from 16 chars
                renderer.render(doc, out); // as renderer.render(doc) does into a StringBuilder of its own
                html = text.fill(out.toString());
                doc.remove(deferred);
            }
            if (html == null) { // the body or the rendered HTML holds the mark: render as flexmark does
                html = renderer.render(doc);
            }
            return sanitizer.sanitize(html, rawHtml);
        }
    }

    public MarkdownParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(new SharedTables(), TaskListExtension.create(),
                StrikethroughExtension.create(), new GuardedAutolinks()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(Parser.HEADING_PARSER, false); // replaced by LinearHeadingParser
        options.set(Parser.HTML_BLOCK_PARSER, false); // replaced by BoundedHtmlBlocks
        options.set(Parser.FENCED_CODE_BLOCK_PARSER, false); // replaced by GuardedBlockStarts.Fences
        options.set(Parser.THEMATIC_BREAK_PARSER, false); // replaced by GuardedBlockStarts.ThematicBreaks
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        this.options = options.toImmutable();
        this.parser = Parser.builder(this.options)
                .customInlineParserFactory(new LinearInlineParser.Factory())
                .customBlockParserFactory(new LinearHeadingParser())
                .customBlockParserFactory(new GuardedBlockStarts.Fences())
                .customBlockParserFactory(new BoundedHtmlBlocks())
                .customBlockParserFactory(new GuardedBlockStarts.ThematicBreaks())
                .build();
        parse("", WARM_UP, 1, new Diagnostics(), false);
    }

    /**
     * What flexmark parses for {@code body}: the body with the option that makes a sequence of several pieces (a soft
     * line break in a list item, a paragraph in a quote) a {@code SegmentedSequenceFull}, an array of offsets, rather
     * than the default {@code SegmentedSequenceTree}, which makes a {@link ThreadLocal} of its own for its lookup cache:
     * the first lookup of each such sequence registered a new entry in the parsing thread's map, and clearing the stale
     * ones of the earlier sequences was about 5 % of a check's CPU (issue 18). Same characters, same offsets; the
     * body's string stays the base under every sequence ({@link BaseChars#base}).
     */
    static BasedSequence source(String body) {
        return BasedSequence.of(BasedOptionsSequence.of(body, BasedOptionsHolder.F_FULL_SEGMENTED_SEQUENCES));
    }

    /** The renderer and sanitizer, made (and warmed up on {@link #WARM_UP}) by the first call. */
    private Html html() {
        Html h = html;
        if (h == null) {
            synchronized (this) {
                h = html;
                if (h == null) {
                    h = Html.of(options);
                    Document warmUp = parser.parse(source(WARM_UP));
                    new HeaderIdGenerator.Factory().create().generateIds(warmUp);
                    h.render(warmUp, WARM_UP, Latin1.bytes(WARM_UP), true);
                    html = h;
                }
            }
        }
        return h;
    }

    /**
     * Parses a document body whose first line is line {@code firstLine} of the file, dropping any
     * problem report (see {@link #parse(String, String, int, Diagnostics)}).
     */
    public ParsedMarkdown parse(String body, int firstLine) {
        return parse("", body, firstLine, new Diagnostics());
    }

    /**
     * Parses the body of {@code path}, whose first line is line {@code firstLine} of the file. A body
     * nested too deeply to render (flexmark recurses per level) is reported under
     * {@link #RULE_TOO_DEEP} and kept as preformatted text, so the page still exists.
     */
    public ParsedMarkdown parse(String path, String text, int firstLine, Diagnostics diagnostics) {
        return parse(path, text, firstLine, diagnostics, true);
    }

    /**
     * As {@link #parse(String, String, int, Diagnostics)}; without {@code html} the body is not rendered
     * ({@link ParsedMarkdown#html()} is empty), for a check that writes no pages: rendering and
     * sanitising is a third of the work of a parse.
     */
    public ParsedMarkdown parse(String path, String text, int firstLine, Diagnostics diagnostics, boolean html) {
        // CommonMark replaces NUL with U+FFFD; flexmark's own replacement shifts its offsets.
        String body = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
        byte[] chars = Latin1.bytes(body); // scanned for ASCII marks without charAt, slow under C1
        QuoteScan quotes = QuoteScan.of(chars);
        if (quotes.tooDeepAt() >= 0) {
            return unrendered(path, body, firstLine + quotes.tooDeepAt(), diagnostics, RULE_TOO_DEEP,
                    "block quotes nested more than " + MAX_QUOTE_DEPTH + " levels deep", 
                    "flatten the nesting: fewer levels of lists, quotes or emphasis");
        }
        if (quotes.tooLongAt() >= 0) {
            return unrendered(path, body, firstLine + quotes.tooLongAt(), diagnostics, RULE_QUOTE_TOO_LONG,
                    "more than " + MAX_QUOTED_LINES + " quoted lines in a row (`>` without a blank line)",
                    "put logs and long excerpts in a fenced code block, or split the quote with blank lines");
        }
        int tooManyAt = BlockCount.lineOverLimit(chars, MAX_BLOCKS);
        if (tooManyAt >= 0) {
            return unrendered(path, body, firstLine + tooManyAt, diagnostics, RULE_TOO_MANY_BLOCKS,
                    "more than " + MAX_BLOCKS + " Markdown lines and blocks outside fenced code (two inline marks"
                            + " such as `*` or `[` count as one)",
                    "split the document, or put logs and data in a fenced code block");
        }
        try {
            Document doc = parser.parse(source(body));
            Shape shape = Shape.of(doc);
            if (shape.depth() > MAX_DEPTH) {
                return unrendered(path, body, firstLine, diagnostics, RULE_TOO_DEEP, "Markdown nested "
                        + shape.depth() + " levels deep (lists, quotes, emphasis); the limit is " + MAX_DEPTH,
                        "flatten the nesting: fewer levels of lists, quotes or emphasis");
            }
            HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
            ids.generateIds(doc);
            AstWalker w = new AstWalker(body, chars, firstLine);
            for (Node n : shape.unparsed()) {
                diagnostics.warning(RULE_PARAGRAPH_TOO_LONG, Position.of(path, w.line(n), w.column(n)),
                        "paragraph of " + n.getTextLength() + " characters, more than "
                                + LinearInlineParser.MAX_INLINE_CHARS + "; shown as plain text without Markdown formatting",
                        "split it into paragraphs, or put logs and data in a fenced code block");
            }
            var unbalanced = RawHtml.unbalanced(shape.rawHtml());
            for (Node n : shape.rawHtml()) {
                reportRawHtml(path, n, unbalanced.getOrDefault(n, java.util.Map.of()), w, diagnostics);
            }
            for (FencedCodeBlock f : shape.unclosedFences()) {
                if (body.substring(f.getEndOffset()).isBlank()) { // a fence ended by its list or quote is fine
                    String marker = f.getOpeningMarker().toString();
                    int at = f.getOpeningMarker().getStartOffset();
                    diagnostics.error(RULE_UNCLOSED_FENCE, Position.of(path, w.lineAt(at), w.columnAt(at)),
                            "code fence (" + marker + ") opened here is never closed; "
                                    + "everything after it to the end of the file is code",
                            "close it with a line of " + marker + " after the code");
                }
            }
            w.walk(doc);
            String rendered = html ? html().render(doc, body, chars, !shape.rawHtml().isEmpty()) : "";
            return new ParsedMarkdown(rendered, w.headings, w.finishSections(), w.links, PlainText.strip(w.plain));
        } catch (StackOverflowError e) {
            // The parser recurses (AST post-processing, regular expressions) before depth can be
            // measured. The stack is unwound here and the parse held no shared state, so going on is safe.
            return unrendered(path, body, firstLine, diagnostics, RULE_TOO_DEEP, "Markdown too deeply nested to parse",
                    "flatten the nesting: fewer levels of lists, quotes or emphasis");
        }
    }

    /** A {@link #RULE_RAW_HTML} warning for each piece of the node's raw HTML that {@link RawHtml} shows as text. */
    private static void reportRawHtml(String path, Node node, java.util.Map<Integer, RawHtml.Reason> unbalanced,
                                      AstWalker w, Diagnostics diagnostics) {
        com.vladsch.flexmark.util.sequence.BasedSequence chars = RawHtml.chars(node);
        for (RawHtml.Removal r : RawHtml.clean(chars, unbalanced).removals()) {
            int offset = chars.getIndexOffset(r.index());
            Position at = Position.of(path, w.lineAt(offset), w.columnAt(offset));
            switch (r.reason()) {
                case NOT_ALLOWED -> diagnostics.warning(RULE_RAW_HTML, at,
                        "raw HTML tag `" + r.tag() + "` is not allowed on the page; shown as text",
                        "put it in backticks to show it as code, or remove it; allowed tags are listed in the README");
                case UNCLOSED_TAG -> diagnostics.warning(RULE_RAW_HTML, at,
                        "raw HTML tag `" + r.tag() + "` has no closing `>` before the end of its block; shown as text",
                        "close the tag, or put it in backticks to show it as code");
                case UNCLOSED_COMMENT -> diagnostics.warning(RULE_RAW_HTML, at,
                        "HTML comment `<!--` has no closing `-->` before the end of its block; shown as text",
                        "close the comment with `-->` on the same block, or remove it");
                case DECLARATION -> diagnostics.warning(RULE_RAW_HTML, at,
                        "raw HTML `" + r.tag() + "` (a declaration, processing instruction or bogus tag) is not"
                                + " allowed on the page; shown as text",
                        "put it in backticks to show it as code, or remove it");
                case NEVER_CLOSED -> diagnostics.warning(RULE_RAW_HTML, at,
                        "raw HTML tag `" + r.tag() + "` is never closed; shown as text, so it cannot wrap or hide"
                                + " the rest of the page",
                        "close it with `</" + r.tag().substring(1) + "` where it should end, or remove it");
                case CLOSES_NOTHING -> diagnostics.warning(RULE_RAW_HTML, at,
                        "raw HTML end tag `" + r.tag() + "` closes nothing; shown as text",
                        "remove it, or add the start tag it belongs to");
            }
        }
    }

    private static ParsedMarkdown unrendered(String path, String body, int line, Diagnostics diagnostics,
                                             String rule, String message, String hint) {
        diagnostics.error(rule, Position.of(path, line, 1), message + "; shown as plain text", hint);
        String html = "<pre class=\"unrendered\">" + escape(body) + "</pre>\n";
        return new ParsedMarkdown(html, List.of(), List.of(), List.of(), body.strip());
    }

    /**
     * One pass over the lines of the body, before flexmark sees it: the 0-based index of the first line
     * whose block quotes nest deeper than {@link #MAX_QUOTE_DEPTH}, and of the first line past
     * {@link #MAX_QUOTED_LINES} quoted lines in a row; -1 when there is none. A quote marker is a
     * {@code >} after at most three spaces (and after the markers before it). Lines inside fenced code
     * are quoted text too, which only makes the check stricter for writers who fence inside quotes.
     */
    private record QuoteScan(int tooDeepAt, int tooLongAt) {
        static QuoteScan of(byte[] body) {
            int n = body.length;
            int line = 0;
            int run = 0;
            int tooLong = -1;
            for (int start = 0; start <= n; line++) {
                int end = BlockCount.indexOfLineFeed(body, start, n);
                int depth = 0;
                int i = start;
                while (true) {
                    int spaces = 0;
                    while (i < end && body[i] == ' ' && spaces < 4) {
                        i++;
                        spaces++;
                    }
                    if (spaces < 4 && i < end && body[i] == '>') {
                        depth++;
                        i++;
                    } else {
                        break;
                    }
                }
                if (depth > MAX_QUOTE_DEPTH) {
                    return new QuoteScan(line, -1);
                }
                run = depth > 0 ? run + 1 : (BlockCount.isBlank(body, start, end) ? 0 : run == 0 ? 0 : run + 1);
                if (run > MAX_QUOTED_LINES && tooLong < 0) {
                    tooLong = line;
                }
                start = end + 1;
            }
            return new QuoteScan(-1, tooLong);
        }
    }

    /**
     * One pass over the AST without recursion: the depth of the deepest node, where the paragraphs start
     * that {@link LinearInlineParser} left unparsed for their length, its raw HTML nodes and its code
     * fences that are never closed.
     */
    private record Shape(int depth, List<Node> unparsed, List<Node> rawHtml, List<FencedCodeBlock> unclosedFences) {
        static Shape of(Document doc) {
            int max = 0;
            List<Node> rawHtml = new ArrayList<>();
            List<Node> unparsed = new ArrayList<>();
            List<FencedCodeBlock> unclosed = new ArrayList<>();
            ArrayDeque<Node> nodes = new ArrayDeque<>();
            ArrayDeque<Integer> depths = new ArrayDeque<>();
            nodes.push(doc);
            depths.push(0);
            while (!nodes.isEmpty()) {
                Node n = nodes.pop();
                int d = depths.pop();
                max = Math.max(max, d);
                if (n instanceof UnparsedText) {
                    unparsed.add(n);
                }
                if (n instanceof FencedCodeBlock f && f.getClosingMarker().isEmpty()) {
                    unclosed.add(f);
                }
                if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
                    rawHtml.add(n);
                }
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                    nodes.push(c);
                    depths.push(d + 1);
                }
            }
            return new Shape(max, unparsed, rawHtml, unclosed);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
