package dev.hindsight.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.Link;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.model.TimelineEntry;
import dev.hindsight.model.Why;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import dev.hindsight.source.StoredFrontMatter;
import dev.hindsight.source.YamlReader;
import dev.hindsight.text.Sealed;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link DiskCache.Entry} as bytes: a compact binary form, written field by field and read back without
 * reflection or text parsing, so that a warm run spends little on each of its thousands of entries.
 *
 * <p>The bytes are a magic number and a version, then the entry's parts in the order of their record components,
 * sealed with a CRC-32C ({@link Sealed}): an entry cut short, damaged or of another version does not read
 * ({@link #read} throws), and the cache takes that for a miss. Numbers are variable-length (zig-zag for those that
 * may be negative); every string is written once per entry and referred to by its number after that (a document's
 * path, say, comes back a dozen times: in its meta, its source, its front matter and every position); a section's
 * heading is the number of the equal heading in the body's list. Dates and times are their numbers (epoch day;
 * epoch second, nanosecond and offset), the front matter its YAML tree node by node, each node of the same type
 * ({@link IntNode}, {@link LongNode}, {@link DecimalNode}…) as the one stored, with the text its positions are
 * worked out from ({@link StoredFrontMatter}).
 *
 * <p>What would not read back equal is not stored ({@link #write} throws {@link IllegalArgumentException}, and
 * the cache keeps nothing for that file): a string with a lone surrogate (UTF-8 cannot hold it), a front-matter
 * node of a type other than the above, a body whose HTML is held in a slot.
 *
 * <p>Every component of the stored records is written here by name: a component added to one of them must be
 * added here too ({@code EntryCodecTest} lists them and fails until it is).
 */
final class EntryCodec {

    private static final int MAGIC = 0x48534345; // "HSCE"
    private static final int VERSION = 1;
    /** Front matter nested deeper than this is not stored (YAML's own reader stops far earlier). */
    private static final int MAX_DEPTH = 256;

    private static final int DOC_NONE = 0;
    private static final int DOC_POSTMORTEM = 1;
    private static final int DOC_RUNBOOK = 2;
    private static final int DOC_GENERIC = 3;

    private static final int BLOCK_PARAGRAPH = 0;
    private static final int BLOCK_LIST = 1;
    private static final int BLOCK_TABLE = 2;
    private static final int BLOCK_CODE = 3;

    private static final int NODE_OBJECT = 0;
    private static final int NODE_ARRAY = 1;
    private static final int NODE_TEXT = 2;
    private static final int NODE_TRUE = 3;
    private static final int NODE_FALSE = 4;
    private static final int NODE_NULL = 5;
    private static final int NODE_INT = 6;
    private static final int NODE_LONG = 7;
    private static final int NODE_BIG_INTEGER = 8;
    private static final int NODE_DECIMAL = 9;
    private static final int NODE_DOUBLE = 10;
    private static final int NODE_FLOAT = 11;
    private static final int NODE_SHORT = 12;

    private EntryCodec() {
    }

    /**
     * The bytes of {@code entry}.
     *
     * @throws IllegalArgumentException when something in it would not read back equal
     */
    static byte[] write(DiskCache.Entry entry) {
        Out out = new Out();
        out.fixed(MAGIC);
        out.unsigned(VERSION);
        out.string(entry.key());
        out.string(entry.path());
        document(out, entry.document());
        out.unsigned(entry.diagnostics().size());
        for (Diagnostic d : entry.diagnostics()) {
            out.constant(d.severity());
            out.string(d.ruleId());
            position(out, d.position());
            out.string(d.message());
            out.string(d.hint());
        }
        return Sealed.seal(out.bytes());
    }

    /**
     * The entry of {@code bytes}; a front matter read back works out its positions with {@code yaml} when asked.
     *
     * @throws RuntimeException when the bytes are not a whole entry of this version (cut short, damaged, other)
     */
    static DiskCache.Entry read(byte[] bytes, YamlReader yaml) {
        ByteBuffer sealed = Sealed.open(bytes, 8);
        if (sealed == null) {
            throw new IllegalArgumentException("not a sealed entry");
        }
        In in = new In(sealed.array(), sealed.limit(), yaml);
        if (in.fixed() != MAGIC || in.unsigned() != VERSION) {
            throw new IllegalArgumentException("not an entry of this version");
        }
        String key = in.string();
        String path = in.string();
        Document document = document(in);
        int n = in.count();
        List<Diagnostic> diagnostics = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            diagnostics.add(new Diagnostic(in.constant(Severity.values()), in.string(), position(in), in.string(),
                    in.string()));
        }
        if (in.remaining() != 0) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new DiskCache.Entry(key, path, document, diagnostics);
    }

    // --- documents ---

    private static void document(Out out, Document d) {
        if (d == null) {
            out.unsigned(DOC_NONE);
        } else if (d instanceof Postmortem p) {
            out.unsigned(DOC_POSTMORTEM);
            meta(out, p.meta());
            body(out, p.body());
            out.string(p.severity());
            out.strings(p.services());
            out.strings(p.authors());
            IncidentTimes t = p.incident();
            out.time(t.started());
            out.time(t.detected());
            out.time(t.acknowledged());
            out.time(t.mitigated());
            out.time(t.resolved());
            out.string(p.impact());
            out.strings(p.runbooks());
            out.unsigned(p.timeline().size());
            for (TimelineEntry e : p.timeline()) {
                out.time(e.time());
                out.string(e.event());
                out.signed(e.line());
            }
            out.unsigned(p.whys().size());
            for (Why w : p.whys()) {
                out.signed(w.number());
                out.string(w.text());
                out.signed(w.line());
            }
            actionItems(out, p.actionItems());
            out.strings(p.contributingFactors());
            out.string(p.trigger());
            out.strings(p.alerts());
            out.optionalLong(p.impactFigures().customers());
            out.optionalLong(p.impactFigures().durationMinutes());
            actionItems(out, p.ideas());
        } else if (d instanceof Runbook r) {
            out.unsigned(DOC_RUNBOOK);
            meta(out, r.meta());
            body(out, r.body());
            out.string(r.service());
            out.string(r.owner());
            out.strings(r.dependencies());
            out.strings(r.alerts());
            out.date(r.lastReviewed());
            Period every = r.reviewEvery();
            out.signed(every.getYears());
            out.signed(every.getMonths());
            out.signed(every.getDays());
            out.date(r.lastTested());
            out.unsigned(r.dashboards().size());
            for (Runbook.Dashboard b : r.dashboards()) {
                out.string(b.name());
                out.string(b.url());
            }
            out.unsigned(r.escalation().size());
            for (Runbook.Escalation e : r.escalation()) {
                out.string(e.who());
                out.string(e.contact());
                out.string(e.when());
            }
        } else if (d instanceof GenericDocument g) {
            out.unsigned(DOC_GENERIC);
            meta(out, g.meta());
            body(out, g.body());
        } else {
            throw new IllegalArgumentException("a document of type " + d.getClass().getName() + " cannot be stored");
        }
    }

    private static Document document(In in) {
        int type = in.tag();
        if (type == DOC_NONE) {
            return null;
        }
        DocumentMeta meta = meta(in);
        ParsedMarkdown body = body(in);
        return switch (type) {
            case DOC_POSTMORTEM -> new Postmortem(meta, body, in.string(), in.strings(), in.strings(),
                    new IncidentTimes(in.time(), in.time(), in.time(), in.time(), in.time()), in.string(),
                    in.strings(), in.list(i -> new TimelineEntry(i.time(), i.string(), i.signed())),
                    in.list(i -> new Why(i.signed(), i.string(), i.signed())), actionItems(in), in.strings(),
                    in.string(), in.strings(), new Postmortem.Impact(in.optionalLong(), in.optionalLong()),
                    actionItems(in));
            case DOC_RUNBOOK -> new Runbook(meta, body, in.string(), in.string(), in.strings(), in.strings(),
                    in.date(), Period.of(in.signed(), in.signed(), in.signed()), in.date(),
                    in.list(i -> new Runbook.Dashboard(i.string(), i.string())),
                    in.list(i -> new Runbook.Escalation(i.string(), i.string(), i.string())));
            case DOC_GENERIC -> new GenericDocument(meta, body);
            default -> throw new IllegalArgumentException("unknown document type " + type);
        };
    }

    private static void actionItems(Out out, List<ActionItem> items) {
        out.unsigned(items.size());
        for (ActionItem a : items) {
            out.string(a.action());
            out.string(a.owner());
            out.date(a.due());
            out.string(a.dueText());
            out.constant(a.status());
            out.string(a.ticket());
            out.signed(a.line());
            out.string(a.priority());
            out.date(a.done());
        }
    }

    private static List<ActionItem> actionItems(In in) {
        return in.list(i -> new ActionItem(i.string(), i.string(), i.date(), i.string(),
                i.constant(ActionItem.Status.values()), i.string(), i.signed(), i.string(), i.date()));
    }

    private static void meta(Out out, DocumentMeta m) {
        out.string(m.kind());
        out.string(m.id());
        out.string(m.slug());
        out.string(m.sourcePath());
        out.string(m.url());
        out.string(m.title());
        out.string(m.status());
        out.date(m.date());
        out.strings(m.tags());
        SourceFile f = m.source().file();
        out.string(f.path());
        out.string(f.frontMatter());
        out.signed(f.frontMatterLine());
        out.string(f.body());
        out.signed(f.bodyLine());
        out.bool(f.hasFrontMatter());
        frontMatter(out, StoredFrontMatter.of(m.source().frontMatter()));
        out.string(m.sourceUrl());
        out.unsigned(m.facts().size());
        for (DocumentMeta.Fact fact : m.facts()) {
            out.string(fact.key());
            out.string(fact.value());
        }
    }

    private static DocumentMeta meta(In in) {
        return new DocumentMeta(in.string(), in.string(), in.string(), in.string(), in.string(), in.string(),
                in.string(), in.date(), in.strings(),
                new SourceDocument(new SourceFile(in.string(), in.string(), in.signed(), in.string(), in.signed(),
                        in.bool()), frontMatter(in).restore(in.yaml)),
                in.string(), in.list(i -> new DocumentMeta.Fact(i.string(), i.string())));
    }

    // --- bodies ---

    private static void body(Out out, ParsedMarkdown b) {
        if (b.slot() != null) {
            throw new IllegalArgumentException("a body whose HTML is held in a slot cannot be stored");
        }
        out.string(b.html());
        List<Heading> headings = b.headings();
        out.unsigned(headings.size());
        for (Heading h : headings) {
            heading(out, h);
        }
        out.unsigned(b.sections().size());
        int next = 0;
        for (Section s : b.sections()) {
            Heading h = s.heading();
            // the section's heading is (almost always) the next of the body's headings: written as its number
            int at = h == null ? -1 : next < headings.size() && headings.get(next).equals(h) ? next : headings.indexOf(h);
            if (h == null) {
                out.unsigned(0);
            } else if (at >= 0) {
                out.unsigned(at + 2L);
                next = at + 1;
            } else {
                out.unsigned(1);
                heading(out, h);
            }
            out.unsigned(s.blocks().size());
            for (Block block : s.blocks()) {
                block(out, block);
            }
        }
        out.unsigned(b.links().size());
        for (Link l : b.links()) {
            out.string(l.url());
            out.string(l.text());
            out.bool(l.image());
            out.signed(l.line());
            out.signed(l.column());
        }
        out.string(b.plainText());
    }

    private static ParsedMarkdown body(In in) {
        String html = in.string();
        List<Heading> headings = in.list(EntryCodec::heading);
        int n = in.count();
        List<Section> sections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long h = in.unsigned();
            Heading heading;
            if (h == 0) {
                heading = null;
            } else if (h == 1) {
                heading = heading(in);
            } else if (h - 2 < headings.size()) {
                heading = headings.get((int) (h - 2));
            } else {
                throw new IllegalArgumentException("no heading " + (h - 2));
            }
            sections.add(new Section(heading, in.list(EntryCodec::block)));
        }
        List<Link> links = in.list(i -> new Link(i.string(), i.string(), i.bool(), i.signed(), i.signed()));
        return new ParsedMarkdown(html, headings, sections, links, in.string());
    }

    private static void heading(Out out, Heading h) {
        out.signed(h.level());
        out.string(h.text());
        out.string(h.anchor());
        out.signed(h.line());
        out.signed(h.column());
    }

    private static Heading heading(In in) {
        return new Heading(in.signed(), in.string(), in.string(), in.signed(), in.signed());
    }

    private static void block(Out out, Block b) {
        if (b instanceof Block.Paragraph p) {
            out.unsigned(BLOCK_PARAGRAPH);
            out.signed(p.line());
            out.string(p.text());
        } else if (b instanceof Block.ListBlock l) {
            out.unsigned(BLOCK_LIST);
            out.signed(l.line());
            out.bool(l.ordered());
            out.signed(l.start());
            out.unsigned(l.items().size());
            for (Block.Item item : l.items()) {
                out.signed(item.line());
                out.signed(item.column());
                out.string(item.text());
                out.unsigned(item.task() == null ? 0 : item.task() ? 2 : 1);
            }
        } else if (b instanceof Block.Table t) {
            out.unsigned(BLOCK_TABLE);
            out.signed(t.line());
            cells(out, t.header());
            out.unsigned(t.rows().size());
            for (Block.Row r : t.rows()) {
                out.signed(r.line());
                cells(out, r.cells());
            }
        } else if (b instanceof Block.Code c) {
            out.unsigned(BLOCK_CODE);
            out.signed(c.line());
            out.string(c.info());
            out.string(c.code());
        } else {
            throw new IllegalArgumentException("a block of type " + b.getClass().getName() + " cannot be stored");
        }
    }

    private static Block block(In in) {
        int type = in.tag();
        return switch (type) {
            case BLOCK_PARAGRAPH -> new Block.Paragraph(in.signed(), in.string());
            case BLOCK_LIST -> new Block.ListBlock(in.signed(), in.bool(), in.signed(),
                    in.list(i -> new Block.Item(i.signed(), i.signed(), i.string(), task(i.tag()))));
            case BLOCK_TABLE -> new Block.Table(in.signed(), cells(in),
                    in.list(i -> new Block.Row(i.signed(), cells(i))));
            case BLOCK_CODE -> new Block.Code(in.signed(), in.string(), in.string());
            default -> throw new IllegalArgumentException("unknown block type " + type);
        };
    }

    private static Boolean task(int tag) {
        return switch (tag) {
            case 0 -> null;
            case 1 -> Boolean.FALSE;
            case 2 -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("unknown task state " + tag);
        };
    }

    private static void cells(Out out, List<Block.Cell> cells) {
        out.unsigned(cells.size());
        for (Block.Cell c : cells) {
            out.string(c.text());
            out.signed(c.column());
        }
    }

    private static List<Block.Cell> cells(In in) {
        return in.list(i -> new Block.Cell(i.string(), i.signed()));
    }

    // --- front matter ---

    private static void frontMatter(Out out, StoredFrontMatter fm) {
        out.string(fm.path());
        node(out, fm.root(), 0);
        position(out, fm.start());
        out.bool(fm.readable());
        out.bool(fm.released());
        out.string(fm.yaml());
        out.signed(fm.firstLine());
        positions(out, fm.keys());
        positions(out, fm.values());
    }

    private static StoredFrontMatter frontMatter(In in) {
        String path = in.string();
        if (!(node(in, 0) instanceof ObjectNode root)) {
            throw new IllegalArgumentException("front matter that is not a mapping");
        }
        return new StoredFrontMatter(path, root, position(in), in.bool(), in.bool(), in.string(), in.signed(),
                positions(in), positions(in));
    }

    /** Positions by JSON pointer, or null: a count plus one (0 for null), then pointer and position pairs. */
    private static void positions(Out out, Map<String, Position> positions) {
        if (positions == null) {
            out.unsigned(0);
            return;
        }
        out.unsigned(positions.size() + 1L);
        for (Map.Entry<String, Position> e : positions.entrySet()) {
            out.string(e.getKey());
            position(out, e.getValue());
        }
    }

    private static Map<String, Position> positions(In in) {
        long n = in.unsigned();
        if (n == 0) {
            return null;
        }
        int size = in.count(n - 1);
        Map<String, Position> positions = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            positions.put(in.string(), position(in));
        }
        return positions;
    }

    private static void node(Out out, JsonNode node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("front matter nested too deep to store");
        }
        if (node instanceof ObjectNode o) {
            out.unsigned(NODE_OBJECT);
            out.unsigned(o.size());
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                out.string(f.getKey());
                node(out, f.getValue(), depth + 1);
            }
        } else if (node instanceof ArrayNode a) {
            out.unsigned(NODE_ARRAY);
            out.unsigned(a.size());
            for (JsonNode item : a) {
                node(out, item, depth + 1);
            }
        } else if (node instanceof TextNode t) {
            out.unsigned(NODE_TEXT);
            out.string(t.textValue());
        } else if (node instanceof BooleanNode b) {
            out.unsigned(b.booleanValue() ? NODE_TRUE : NODE_FALSE);
        } else if (node instanceof NullNode) {
            out.unsigned(NODE_NULL);
        } else if (node instanceof IntNode i) {
            out.unsigned(NODE_INT);
            out.signed(i.intValue());
        } else if (node instanceof LongNode l) {
            out.unsigned(NODE_LONG);
            out.signed(l.longValue());
        } else if (node instanceof BigIntegerNode b) {
            out.unsigned(NODE_BIG_INTEGER);
            out.string(b.bigIntegerValue().toString());
        } else if (node instanceof DecimalNode d) {
            out.unsigned(NODE_DECIMAL);
            out.string(d.decimalValue().toString());
        } else if (node instanceof DoubleNode d) {
            out.unsigned(NODE_DOUBLE);
            out.fixed(Double.doubleToRawLongBits(d.doubleValue()));
        } else if (node instanceof FloatNode f) {
            out.unsigned(NODE_FLOAT);
            out.fixed(Float.floatToRawIntBits(f.floatValue()));
        } else if (node instanceof ShortNode s) {
            out.unsigned(NODE_SHORT);
            out.signed(s.shortValue());
        } else {
            throw new IllegalArgumentException("front matter node of type "
                    + (node == null ? "null" : node.getClass().getSimpleName())
                    + " cannot be stored so that it reads back the same");
        }
    }

    private static JsonNode node(In in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("front matter nested too deep");
        }
        int type = in.tag();
        switch (type) {
            case NODE_OBJECT -> {
                int n = in.count();
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (int i = 0; i < n; i++) {
                    String key = in.string();
                    if (key == null) {
                        throw new IllegalArgumentException("a null key");
                    }
                    o.set(key, node(in, depth + 1));
                }
                return o;
            }
            case NODE_ARRAY -> {
                int n = in.count();
                ArrayNode a = JsonNodeFactory.instance.arrayNode(n);
                for (int i = 0; i < n; i++) {
                    a.add(node(in, depth + 1));
                }
                return a;
            }
            case NODE_TEXT -> {
                String s = in.string();
                if (s == null) {
                    throw new IllegalArgumentException("a null text");
                }
                return TextNode.valueOf(s);
            }
            case NODE_TRUE -> {
                return BooleanNode.TRUE;
            }
            case NODE_FALSE -> {
                return BooleanNode.FALSE;
            }
            case NODE_NULL -> {
                return NullNode.getInstance();
            }
            case NODE_INT -> {
                return IntNode.valueOf(in.signed());
            }
            case NODE_LONG -> {
                return LongNode.valueOf(in.signedLong());
            }
            case NODE_BIG_INTEGER -> {
                return BigIntegerNode.valueOf(new BigInteger(in.string()));
            }
            case NODE_DECIMAL -> {
                return DecimalNode.valueOf(new BigDecimal(in.string()));
            }
            case NODE_DOUBLE -> {
                return DoubleNode.valueOf(Double.longBitsToDouble(in.fixedLong()));
            }
            case NODE_FLOAT -> {
                return FloatNode.valueOf(Float.intBitsToFloat(in.fixed()));
            }
            case NODE_SHORT -> {
                int s = in.signed();
                if (s != (short) s) {
                    throw new IllegalArgumentException("not a short " + s);
                }
                return ShortNode.valueOf((short) s);
            }
            default -> throw new IllegalArgumentException("unknown node type " + type);
        }
    }

    private static void position(Out out, Position p) {
        out.string(p.file());
        out.unsigned(p.line());
        out.unsigned(p.column());
    }

    private static Position position(In in) {
        return new Position(in.string(), in.count32(), in.count32());
    }

    // --- the bytes ---

    /** Bytes being written, with the strings written so far by their numbers. */
    private static final class Out {
        private byte[] buf = new byte[8192];
        private int size;
        private final Map<String, Integer> strings = new HashMap<>();

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        private void room(int n) {
            if (buf.length - size < n) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }

        void fixed(int v) {
            room(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void fixed(long v) {
            fixed((int) (v >>> 32));
            fixed((int) v);
        }

        /** An unsigned variable-length number: seven bits a byte, the high bit set on all but the last. */
        void unsigned(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        /** A signed number, zig-zagged (0, -1, 1, -2… as 0, 1, 2, 3…) so that a small negative one is short. */
        void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        void bool(boolean b) {
            unsigned(b ? 1 : 0);
        }

        /** An enum constant as its ordinal plus one, 0 for null. */
        void constant(Enum<?> e) {
            unsigned(e == null ? 0 : e.ordinal() + 1L);
        }

        /** 0 for null; else 1, the UTF-8 length and bytes the first time, the string's number plus 2 after that. */
        void string(String s) {
            if (s == null) {
                unsigned(0);
                return;
            }
            Integer seen = strings.get(s);
            if (seen != null) {
                unsigned(seen + 2L);
                return;
            }
            strings.put(s, strings.size());
            byte[] utf8 = utf8(s);
            unsigned(1);
            unsigned(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
        }

        void strings(List<String> list) {
            unsigned(list.size());
            for (String s : list) {
                string(s);
            }
        }

        void date(LocalDate d) {
            if (d == null) {
                unsigned(0);
            } else {
                unsigned(1);
                signed(d.toEpochDay());
            }
        }

        void time(OffsetDateTime t) {
            if (t == null) {
                unsigned(0);
            } else {
                unsigned(1);
                signed(t.toLocalDateTime().toEpochSecond(ZoneOffset.UTC));
                unsigned(t.getNano());
                signed(t.getOffset().getTotalSeconds());
            }
        }

        void optionalLong(Long v) {
            if (v == null) {
                unsigned(0);
            } else {
                unsigned(1);
                signed(v);
            }
        }

        /** The UTF-8 bytes of {@code s}, which must hold no lone surrogate (UTF-8 would turn it into {@code ?}). */
        private static byte[] utf8(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        i++;
                    } else {
                        throw new IllegalArgumentException("a string with a lone surrogate cannot be stored");
                    }
                }
            }
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Bytes being read, with the strings read so far by their numbers; anything amiss throws. */
    private static final class In {
        private final byte[] buf;
        private final int end;
        private int pos;
        private final List<String> strings = new ArrayList<>();
        final YamlReader yaml;

        In(byte[] buf, int end, YamlReader yaml) {
            this.buf = buf;
            this.end = end;
            this.yaml = yaml;
        }

        int remaining() {
            return end - pos;
        }

        private int next() {
            if (pos >= end) {
                throw new IllegalArgumentException("cut short");
            }
            return buf[pos++] & 0xFF;
        }

        int fixed() {
            return next() << 24 | next() << 16 | next() << 8 | next();
        }

        long fixedLong() {
            return (long) fixed() << 32 | (fixed() & 0xFFFFFFFFL);
        }

        long unsigned() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = next();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("number too long");
        }

        long signedLong() {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        int signed() {
            long v = signedLong();
            if (v != (int) v) {
                throw new IllegalArgumentException("not an int " + v);
            }
            return (int) v;
        }

        /** A small unsigned number that tells what follows. */
        int tag() {
            long v = unsigned();
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad tag " + v);
            }
            return (int) v;
        }

        /** A non-negative int. */
        int count32() {
            long v = unsigned();
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("bad number " + v);
            }
            return (int) v;
        }

        /** A count of things that follow, each of at least one byte: no more than the bytes left. */
        int count() {
            return count(unsigned());
        }

        int count(long n) {
            if (n < 0 || n > remaining()) {
                throw new IllegalArgumentException("bad count " + n);
            }
            return (int) n;
        }

        boolean bool() {
            int b = next();
            if (b > 1) {
                throw new IllegalArgumentException("bad boolean " + b);
            }
            return b == 1;
        }

        <E extends Enum<E>> E constant(E[] values) {
            int v = tag();
            if (v > values.length) {
                throw new IllegalArgumentException("bad constant " + v);
            }
            return v == 0 ? null : values[v - 1];
        }

        String string() {
            long tag = unsigned();
            if (tag == 0) {
                return null;
            }
            if (tag == 1) {
                int n = count();
                String s = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
                strings.add(s);
                return s;
            }
            if (tag - 2 >= strings.size()) {
                throw new IllegalArgumentException("no string " + (tag - 2));
            }
            return strings.get((int) (tag - 2));
        }

        List<String> strings() {
            return list(In::string);
        }

        <T> List<T> list(Function<In, T> item) {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            List<T> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(item.apply(this));
            }
            return list;
        }

        LocalDate date() {
            return bool() ? LocalDate.ofEpochDay(signedLong()) : null;
        }

        OffsetDateTime time() {
            if (!bool()) {
                return null;
            }
            long second = signedLong();
            int nano = count32();
            int offset = signed();
            return OffsetDateTime.of(LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC),
                    ZoneOffset.ofTotalSeconds(offset));
        }

        Long optionalLong() {
            return bool() ? signedLong() : null;
        }
    }
}
