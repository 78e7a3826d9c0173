package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Collects headings, sections, blocks and links in one pass over the AST. */
final class AstWalker {
    private final String body;
    /** The body's {@link Latin1} bytes, for scans of its text. */
    private final byte[] latin1;
    private final int firstLine;
    final List<Heading> headings = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final StringBuilder plain;
    private final List<Section> sections = new ArrayList<>();
    private Heading current;
    private List<Block> currentBlocks = new ArrayList<>();

    /** Offsets where each line of the body starts: positions by binary search, not by rescanning. */
    private final int[] lineStarts;

    AstWalker(String body, byte[] latin1, int firstLine) {
        this.body = body;
        this.latin1 = latin1;
        this.firstLine = firstLine;
        this.plain = new StringBuilder(body.length()); // the plain text is about as long: not grown step by step
        int[] starts = new int[16];
        int count = 1;
        for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        this.lineStarts = java.util.Arrays.copyOf(starts, count);
    }

    /** 0-based index of the line holding {@code offset}. */
    private int lineIndex(int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    // flexmark's own Node.getStartLineNumber() scans the text from the start on every call.
    int line(Node n) {
        return lineAt(n.getStartOffset());
    }

    int column(Node n) {
        return columnAt(n.getStartOffset());
    }

    int lineAt(int offset) {
        return firstLine + lineIndex(offset);
    }

    int columnAt(int offset) {
        return offset - lineStarts[lineIndex(offset)] + 1;
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
            } else if (n instanceof HtmlBlock || n instanceof HtmlInline) {
                int base = n.getStartOffset();
                CharSequence chars = n.getChars();
                RawImageSources.each(chars, (src, at) ->
                        links.add(new Link(src, "", true, lineAt(base + at), columnAt(base + at))));
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

    private String text(Node n) {
        return PlainText.stripped(n, body, latin1);
    }
}
