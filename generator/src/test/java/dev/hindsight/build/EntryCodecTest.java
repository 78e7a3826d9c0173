package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
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
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import dev.hindsight.source.YamlReader;
import dev.hindsight.text.Sealed;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The cache's binary entries: every part of every kind of document, and odd front matter, reads back equal (with
 * the same node types and positions); what would not read back the same is not stored; damaged bytes never read.
 * Real documents of every kind, built and checked, are round-tripped in {@link DiskCacheTest}.
 */
class EntryCodecTest {

    private final YamlReader yaml = new YamlReader();

    private DiskCache.Entry roundTrip(DiskCache.Entry entry) {
        DiskCache.Entry back = EntryCodec.read(EntryCodec.write(entry), yaml);
        assertThat(back).isEqualTo(entry);
        return back;
    }

    private static final String ODD_YAML = """
            title: "Ünïcødé — 事故 🚒"
            ratio: 5.0
            share: 0.250
            tiny: 1e-7
            big: 12345678901
            negative: -42
            huge: 123456789012345678901234567890
            empty: ""
            nothing: null
            tilde: ~
            "a/b~c": slash and tilde in a key
            list: [1, [2, 3, []], {k: null, "": empty key}, true, "4", {}]
            nested:
              deeper:
                deepest: [x, {y: [z, 1.5, -0.0]}]
            multi: |
              line one
              line two 🎉
            """;

    private DocumentMeta meta(String path, FrontMatter fm, String text) {
        return new DocumentMeta("game-day", "drill", "drill", path, DocumentMeta.urlFor(path), "Drill",
                "published", LocalDate.of(1969, 12, 31), List.of("a", "b", "a"),
                new SourceDocument(new SourceFile(path, text, 2, "# Body\n", 20, true), fm), "https://x.example/y",
                List.of(new DocumentMeta.Fact("owner", "ops"), new DocumentMeta.Fact("owner", "ops")));
    }

    private static ParsedMarkdown body() {
        Heading h1 = new Heading(1, "Drill", "drill", 20, 1);
        Heading h2 = new Heading(2, "Steps ✓", "steps", 24, 1);
        Heading stray = new Heading(3, "Not in the list", "stray", 30, 4);
        List<Block> blocks = List.of(
                new Block.Paragraph(21, "Some text with a \u0000 NUL and \uD83D\uDE92."),
                new Block.ListBlock(22, true, 7, List.of(new Block.Item(22, 1, "one", null),
                        new Block.Item(23, 3, "two", Boolean.TRUE), new Block.Item(24, 3, "", Boolean.FALSE))),
                new Block.ListBlock(25, false, 0, List.of()),
                new Block.Table(26, List.of(new Block.Cell("step", 1), new Block.Cell("result", 8)),
                        List.of(new Block.Row(28, List.of(new Block.Cell("cut", 1), new Block.Cell("", 8))))),
                new Block.Code(29, "", "pg_ctl promote\n"), new Block.Code(30, "sh", ""));
        return new ParsedMarkdown("<h1>Drill</h1>\n<p>x</p>", List.of(h1, h2),
                List.of(new Section(null, List.of(new Block.Paragraph(19, "before"))), new Section(h1, blocks),
                        new Section(new Heading(2, "Steps ✓", "steps", 24, 1), List.of()),
                        new Section(stray, List.of()), new Section(h1, List.of())),
                List.of(new Link("https://a.example/?q=1&r=ü", "a", false, 21, 5),
                        new Link("img.png", "", true, 22, 9)), "plain text ✓");
    }

    private static List<Diagnostic> diagnostics(String path) {
        return List.of(new Diagnostic(Severity.ERROR, "rule-a", Position.of(path, 3, 7), "bad «value»", "fix it"),
                new Diagnostic(Severity.WARNING, "rule-b", Position.ofFile(path), "whole file", ""),
                new Diagnostic(Severity.INFO, "rule-c", Position.of("other.md", 1, 1), "elsewhere", null));
    }

    @Test
    void oddFrontMatterReadsBackEqualWithTheSameNodeTypesAndPositions() {
        FrontMatter read = yaml.read("game-days/drill.md", ODD_YAML, 2, new Diagnostics());
        assertThat(read.readable()).isTrue();
        DiskCache.Entry entry = new DiskCache.Entry("k", "game-days/drill.md",
                new GenericDocument(meta("game-days/drill.md", read, ODD_YAML), body()),
                diagnostics("game-days/drill.md"));
        DiskCache.Entry back = roundTrip(entry);
        FrontMatter fm = back.document().meta().source().frontMatter();
        assertThat(fm.root().toString()).isEqualTo(read.root().toString());
        assertSameTypes(fm.root(), read.root());
        assertThat(List.copyOf(iterable(fm.root().fieldNames()))).isEqualTo(List.copyOf(iterable(read.root().fieldNames())));
        assertThat(fm.root().get("big").isLong()).isTrue();
        assertThat(fm.root().get("huge").isBigInteger()).isTrue();
        assertThat(fm.root().get("ratio").isBigDecimal()).isTrue();
        assertThat(fm.root().get("ratio").decimalValue().scale()).isEqualTo(read.root().get("ratio").decimalValue().scale());
        assertThat(fm.keyPositions()).isEqualTo(read.keyPositions()).isNotEmpty();
        assertThat(fm.valuePositions()).isEqualTo(read.valuePositions());
        assertThat(fm.positionOf("/list/2/k")).isEqualTo(read.positionOf("/list/2/k"));
        assertThat(fm.positionOf("/a~1b~0c")).isEqualTo(read.positionOf("/a~1b~0c")).isNotEqualTo(read.start());
        // a section's heading equal to one of the body's comes back as that very heading
        assertThat(back.document().body().sections().get(2).heading())
                .isSameAs(back.document().body().headings().get(1));
        assertThat(back.diagnostics().get(2).hint()).isEmpty();
    }

    @Test
    void givenEmptyUnreadableAndReleasedFrontMatterReadBackEqual() {
        FrontMatter read = yaml.read("d.md", ODD_YAML, 2, new Diagnostics());
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("id", "b");
        root.put("f", 1.5f);
        root.put("d", -2.25d);
        root.put("s", (short) 7);
        root.put("n", 5L); // a long holding an int stays a long
        FrontMatter given = new FrontMatter("d.md", root,
                Map.of("/id", Position.of("d.md", 2, 1)), Map.of("/id", Position.of("d.md", 2, 5)),
                Position.of("d.md", 2, 1), true);
        for (FrontMatter fm : List.of(given, FrontMatter.empty("d.md"), FrontMatter.unreadable("d.md"),
                read.withoutPositions(), read)) {
            DiskCache.Entry back = roundTrip(new DiskCache.Entry("k", "d.md",
                    new GenericDocument(meta("d.md", fm, ""), body()), List.of()));
            FrontMatter b = back.document().meta().source().frontMatter();
            assertThat(b).isEqualTo(fm);
            assertThat(b.readable()).isEqualTo(fm.readable());
            assertSameTypes(b.root(), fm.root());
        }
        FrontMatter back = roundTrip(new DiskCache.Entry("k", "d.md",
                new GenericDocument(meta("d.md", given, ""), body()), List.of())).document().meta().source()
                .frontMatter();
        assertThat(back.valuePositionOf("/id")).isEqualTo(Position.of("d.md", 2, 5));
        assertThat(back.root().get("n").isLong()).isTrue();
        FrontMatter released = roundTrip(new DiskCache.Entry("k", "d.md",
                new GenericDocument(meta("d.md", read.withoutPositions(), ""), body()), List.of())).document()
                .meta().source().frontMatter();
        assertThat(released).isNotEqualTo(read);
        assertThatThrownBy(released::keyPositions).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyPartOfAPostmortemAndARunbookReadsBackEqual() {
        FrontMatter fm = yaml.read("p.md", "title: P\n", 2, new Diagnostics());
        OffsetDateTime started = OffsetDateTime.of(2026, 3, 4, 23, 59, 58, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30));
        Postmortem pm = new Postmortem(meta("p.md", fm, "title: P\n"), body(), "SEV-1", List.of("api", "db"),
                List.of("Ann"), new IncidentTimes(started, started.plusMinutes(3), null,
                        OffsetDateTime.of(1901, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-12)),
                        started.withOffsetSameInstant(ZoneOffset.UTC)),
                "customers saw errors", List.of("runbooks/api.md"),
                List.of(new TimelineEntry(started, "paged", 30), new TimelineEntry(null, "later", 31)),
                List.of(new Why(1, "why?", 40), new Why(2, "", 41)),
                List.of(new ActionItem("fix", "Bob", LocalDate.of(2026, 4, 1), "2026-04-01", ActionItem.Status.OPEN,
                        "OPS-1", 50, "P1", null), new ActionItem("", "", null, "soon", null, "", -1, "", LocalDate.MIN)),
                List.of("cf-1"), "deploy", List.of("HighLatency"), new Postmortem.Impact(1200L, null),
                List.of(new ActionItem("idea", "", null, "", ActionItem.Status.DONE, "", 60, "",
                        LocalDate.of(2026, 5, 2))));
        roundTrip(new DiskCache.Entry("k", "p.md", pm, diagnostics("p.md")));
        Runbook rb = new Runbook(meta("r.md", fm, "title: P\n"), body(), "api", "team", List.of("db"),
                List.of("HighLatency", "Down"), LocalDate.of(2026, 1, 2), Period.of(1, -2, 3), null,
                List.of(new Runbook.Dashboard("Overview", "https://g.example/d")),
                List.of(new Runbook.Escalation("on-call", "pagerduty:x", "at once"),
                        new Runbook.Escalation("lead", "", "")));
        roundTrip(new DiskCache.Entry("k", "r.md", rb, List.of()));
        roundTrip(new DiskCache.Entry("k", "n.md", null, diagnostics("n.md"))); // not a document
        roundTrip(new DiskCache.Entry("k", "e.md", new GenericDocument(meta("e.md", fm, ""),
                new ParsedMarkdown("", List.of(), List.of(), List.of(), "")), List.of()));
    }

    @Test
    void whatWouldNotReadBackTheSameIsNotStored() {
        FrontMatter fm = yaml.read("a.md", "title: A\n", 2, new Diagnostics());
        GenericDocument lone = new GenericDocument(meta("a.md", fm, ""),
                new ParsedMarkdown("<p>\uD800</p>", List.of(), List.of(), List.of(), ""));
        assertThatThrownBy(() -> EntryCodec.write(new DiskCache.Entry("k", "a.md", lone, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        GenericDocument streamed = new GenericDocument(meta("a.md", fm, ""), body().streamed());
        assertThatThrownBy(() -> EntryCodec.write(new DiskCache.Entry("k", "a.md", streamed, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot");
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.putPOJO("p", new Object());
        FrontMatter odd = new FrontMatter("a.md", root, Map.of(), Map.of(), Position.of("a.md", 1, 1), true);
        assertThatThrownBy(() -> EntryCodec.write(new DiskCache.Entry("k", "a.md",
                new GenericDocument(meta("a.md", odd, ""), body()), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POJONode");
    }

    @Test
    void damagedBytesNeverReadBackAndNeverFailHarder() {
        FrontMatter fm = yaml.read("game-days/drill.md", ODD_YAML, 2, new Diagnostics());
        DiskCache.Entry entry = new DiskCache.Entry("k", "game-days/drill.md",
                new GenericDocument(meta("game-days/drill.md", fm, ODD_YAML), body()), diagnostics("game-days/drill.md"));
        byte[] bytes = EntryCodec.write(entry);
        for (int n = 0; n < bytes.length; n++) { // cut short anywhere
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> EntryCodec.read(cut, yaml)).isInstanceOf(RuntimeException.class);
        }
        for (int bit = 0; bit < bytes.length * 8; bit += 7) { // any bit flipped: the CRC does not match
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> EntryCodec.read(flipped, yaml)).isInstanceOf(RuntimeException.class);
        }
        // damage the CRC cannot see (the body changed and sealed again): an entry or an exception, nothing worse
        ByteBuffer open = Sealed.open(bytes, 8);
        byte[] body = Arrays.copyOf(open.array(), open.limit());
        Random random = new Random(18);
        int read = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = body.clone();
            for (int k = 0, changes = 1 + random.nextInt(4); k < changes; k++) {
                damaged[8 + random.nextInt(damaged.length - 8)] = (byte) random.nextInt(256);
            }
            byte[] resealed = Sealed.seal(i % 10 == 0 ? Arrays.copyOf(damaged, random.nextInt(damaged.length)) : damaged);
            try {
                EntryCodec.read(resealed, yaml);
                read++;
            } catch (RuntimeException expected) {
                // a miss
            }
        }
        assertThat(read).isLessThan(3000);
        // another version's entry
        byte[] other = body.clone();
        other[4] = 99;
        assertThatThrownBy(() -> EntryCodec.read(Sealed.seal(other), yaml)).hasMessageContaining("version");
    }

    /**
     * The codec writes each stored record's components by name: this list is what it knows. A component added to
     * any of these records (or a new record or permitted subtype reachable from an entry) must be written and read
     * in {@link EntryCodec} too, and then added here.
     */
    private static final Set<String> KNOWN = new TreeSet<>(List.of(
            "DiskCache$Entry(key String, path String, document Document, diagnostics List<Diagnostic>)",
            "Diagnostic(severity Severity, ruleId String, position Position, message String, hint String)",
            "Position(file String, line int, column int)",
            "Postmortem(meta DocumentMeta, body ParsedMarkdown, severity String, services List<String>, "
                    + "authors List<String>, incident IncidentTimes, impact String, runbooks List<String>, "
                    + "timeline List<TimelineEntry>, whys List<Why>, actionItems List<ActionItem>, "
                    + "contributingFactors List<String>, trigger String, alerts List<String>, impactFigures Impact, "
                    + "ideas List<ActionItem>)",
            "Runbook(meta DocumentMeta, body ParsedMarkdown, service String, owner String, dependencies List<String>, "
                    + "alerts List<String>, lastReviewed LocalDate, reviewEvery Period, lastTested LocalDate, "
                    + "dashboards List<Dashboard>, escalation List<Escalation>)",
            "GenericDocument(meta DocumentMeta, body ParsedMarkdown)",
            "DocumentMeta(kind String, id String, slug String, sourcePath String, url String, title String, "
                    + "status String, date LocalDate, tags List<String>, source SourceDocument, sourceUrl String, "
                    + "facts List<Fact>)",
            "Fact(key String, value String)",
            "SourceDocument(file SourceFile, frontMatter FrontMatter)",
            "StoredFrontMatter(path String, root ObjectNode, start Position, readable boolean, released boolean, "
                    + "yaml String, firstLine int, keys Map<String, Position>, values Map<String, Position>)",
            "SourceFile(path String, frontMatter String, frontMatterLine int, body String, bodyLine int, "
                    + "hasFrontMatter boolean)",
            "IncidentTimes(started OffsetDateTime, detected OffsetDateTime, acknowledged OffsetDateTime, "
                    + "mitigated OffsetDateTime, resolved OffsetDateTime)",
            "TimelineEntry(time OffsetDateTime, event String, line int)",
            "Why(number int, text String, line int)",
            "ActionItem(action String, owner String, due LocalDate, dueText String, status Status, ticket String, "
                    + "line int, priority String, done LocalDate)",
            "Impact(customers Long, durationMinutes Long)",
            "Dashboard(name String, url String)",
            "Escalation(who String, contact String, when String)",
            "ParsedMarkdown(html String, headings List<Heading>, sections List<Section>, links List<Link>, "
                    + "plainText String, slot HtmlSlot)",
            "Heading(level int, text String, anchor String, line int, column int)",
            "Section(heading Heading, blocks List<Block>)",
            "Link(url String, text String, image boolean, line int, column int)",
            "Paragraph(line int, text String)",
            "ListBlock(line int, ordered boolean, start int, items List<Item>)",
            "Item(line int, column int, text String, task Boolean)",
            "Table(line int, header List<Cell>, rows List<Row>)",
            "Row(line int, cells List<Cell>)",
            "Cell(text String, column int)",
            "Code(line int, info String, code String)",
            "sealed Document: GenericDocument, Postmortem, Runbook",
            "sealed Block: Code, ListBlock, Paragraph, Table",
            "enum Severity: ERROR, WARNING, INFO",
            "enum Status: OPEN, IN_PROGRESS, DONE"));

    @Test
    void theCodecKnowsEveryComponentOfWhatItStores() {
        Set<String> found = new TreeSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(DiskCache.Entry.class));
        Set<Class<?>> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c) || !c.getName().startsWith("dev.hindsight.")) {
                continue;
            }
            if (c == FrontMatter.class) {
                todo.add(dev.hindsight.source.StoredFrontMatter.class); // its parts, as the codec takes them
            }
            if (c.isRecord()) {
                List<String> parts = new ArrayList<>();
                for (RecordComponent rc : c.getRecordComponents()) {
                    parts.add(rc.getName() + " " + name(rc.getGenericType()));
                    todo.add(rc.getType());
                    if (rc.getGenericType() instanceof ParameterizedType p) {
                        for (Type t : p.getActualTypeArguments()) {
                            todo.add((Class<?>) t);
                        }
                    }
                }
                String owner = c.getEnclosingClass() == DiskCache.class ? "DiskCache$" : "";
                found.add(owner + c.getSimpleName() + "(" + String.join(", ", parts) + ")");
            } else if (c.isSealed()) {
                found.add("sealed " + c.getSimpleName() + ": " + String.join(", ", Arrays.stream(c.getPermittedSubclasses())
                        .map(Class::getSimpleName).sorted().toList()));
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else if (c.isEnum()) {
                found.add("enum " + c.getSimpleName() + ": " + String.join(", ", Arrays.stream(c.getEnumConstants())
                        .map(e -> ((Enum<?>) e).name()).toList()));
            }
        }
        assertThat(found).as("what EntryCodec must write and read; update it and KNOWN together")
                .containsExactlyElementsOf(KNOWN);
    }

    private static String name(Type t) {
        if (t instanceof ParameterizedType p) {
            return ((Class<?>) p.getRawType()).getSimpleName() + "<" + String.join(", ",
                    Arrays.stream(p.getActualTypeArguments()).map(EntryCodecTest::name).toList()) + ">";
        }
        return ((Class<?>) t).getSimpleName();
    }

    private static void assertSameTypes(JsonNode a, JsonNode b) {
        assertThat(a.getClass()).as(a.toString()).isEqualTo(b.getClass());
        assertThat(a.size()).isEqualTo(b.size());
        if (a.isObject()) {
            for (String f : iterable(b.fieldNames())) {
                assertSameTypes(a.get(f), b.get(f));
            }
        } else if (a.isArray()) {
            for (int i = 0; i < b.size(); i++) {
                assertSameTypes(a.get(i), b.get(i));
            }
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
