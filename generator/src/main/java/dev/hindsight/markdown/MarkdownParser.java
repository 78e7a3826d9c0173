package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;

/**
 * flexmark configured once (tables, task lists, heading ids, autolinks, strikethrough). Thread-safe:
 * the parser and renderer hold no per-document state. Raw HTML in Markdown is rendered and then, with
 * the rest of the body, cut down to a safe subset by {@link HtmlSanitizer}; links to other {@code .md}
 * files are rewritten to the pages built from them.
 */
public final class MarkdownParser {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    public MarkdownParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                StrikethroughExtension.create(), AutolinkExtension.create()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, false);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        options.toImmutable();
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).linkResolverFactory(new PageLinkResolver.Factory()).build();
    }

    /**
     * Parses a document body whose first line is line {@code firstLine} of the file.
     */
    public ParsedMarkdown parse(String body, int firstLine) {
        Document doc = parser.parse(body);
        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(doc);
        Walker w = new Walker(body, firstLine);
        w.walk(doc);
        String html = sanitizer.sanitize(renderer.render(doc));
        return new ParsedMarkdown(html, w.headings, w.finishSections(), w.links, w.plain.toString().strip());
    }

    /** Collects headings, sections, blocks and links in one pass over the AST. */
    private static final class Walker {
        private final String body;
        private final int firstLine;
        final List<Heading> headings = new ArrayList<>();
        final List<Link> links = new ArrayList<>();
        final StringBuilder plain = new StringBuilder();
        private final List<Section> sections = new ArrayList<>();
        private Heading current;
        private List<Block> currentBlocks = new ArrayList<>();

        Walker(String body, int firstLine) {
            this.body = body;
            this.firstLine = firstLine;
        }

        int line(Node n) {
            return firstLine + n.getStartLineNumber();
        }

        int column(Node n) {
            int offset = n.getStartOffset();
            int lineStart = body.lastIndexOf('\n', offset - 1) + 1;
            return offset - lineStart + 1;
        }

        void walk(Document doc) {
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
                topLevel(n);
            }
            collectLinks(doc);
        }

        private void topLevel(Node n) {
            if (n instanceof com.vladsch.flexmark.ast.Heading h) {
                closeSection();
                String text = text(h);
                current = new Heading(h.getLevel(), text, h.getAnchorRefId(), line(h), column(h));
                headings.add(current);
                plain.append(text).append('\n');
                return;
            }
            Block b = block(n);
            if (b != null) {
                currentBlocks.add(b);
            }
        }

        private Block block(Node n) {
            if (n instanceof Paragraph p) {
                String t = text(p);
                plain.append(t).append('\n');
                return new Block.Paragraph(line(p), t);
            }
            if (n instanceof ListBlock list) {
                List<Block.Item> items = new ArrayList<>();
                for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof ListItem li) {
                        String t = text(li);
                        plain.append(t).append('\n');
                        Boolean task = li instanceof TaskListItem tli ? tli.isItemDoneMarker() : null;
                        items.add(new Block.Item(line(li), column(li), t, task));
                    }
                }
                boolean ordered = list instanceof OrderedList;
                int start = list instanceof OrderedList ol ? ol.getStartNumber() : 1;
                return new Block.ListBlock(line(list), ordered && !(list instanceof BulletList), start, items);
            }
            if (n instanceof TableBlock table) {
                return table(table);
            }
            if (n instanceof FencedCodeBlock f) {
                return new Block.Code(line(f), f.getInfo().toString().trim(), f.getContentChars().toString());
            }
            if (n instanceof IndentedCodeBlock c) {
                return new Block.Code(line(c), "", c.getContentChars().toString());
            }
            if (n.hasChildren() && !(n instanceof Code)) {
                // Block quotes and the like: keep their text searchable.
                plain.append(text(n)).append('\n');
            }
            return null;
        }

        private Block.Table table(TableBlock table) {
            List<Block.Cell> header = new ArrayList<>();
            List<Block.Row> rows = new ArrayList<>();
            for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
                if (part instanceof TableHead head) {
                    Node firstRow = head.getFirstChild();
                    if (firstRow instanceof TableRow r) {
                        header.addAll(cells(r));
                    }
                } else if (part instanceof TableBody tbody) {
                    for (Node r = tbody.getFirstChild(); r != null; r = r.getNext()) {
                        if (r instanceof TableRow row) {
                            List<Block.Cell> cells = cells(row);
                            cells.forEach(c -> plain.append(c.text()).append(' '));
                            plain.append('\n');
                            rows.add(new Block.Row(line(row), cells));
                        }
                    }
                }
            }
            return new Block.Table(line(table), header, rows);
        }

        private List<Block.Cell> cells(TableRow row) {
            List<Block.Cell> cells = new ArrayList<>();
            for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    cells.add(new Block.Cell(text(cell).strip(), column(cell)));
                }
            }
            return cells;
        }

        private void collectLinks(Node root) {
            for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof com.vladsch.flexmark.ast.Link l) {
                    links.add(new Link(l.getUrl().toString(), text(l), false, line(l), column(l)));
                } else if (n instanceof Image img) {
                    links.add(new Link(img.getUrl().toString(), text(img), true, line(img), column(img)));
                }
                if (n.hasChildren()) {
                    collectLinks(n);
                }
            }
        }

        private void closeSection() {
            if (current != null || !currentBlocks.isEmpty()) {
                sections.add(new Section(current, currentBlocks));
            }
            currentBlocks = new ArrayList<>();
        }

        List<Section> finishSections() {
            closeSection();
            return sections;
        }

        private static String text(Node n) {
            return new TextCollectingVisitor().collectAndGetText(n).strip();
        }
    }
}
