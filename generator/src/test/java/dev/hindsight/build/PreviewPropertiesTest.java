package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.api.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Never stale, as a property: after each edit of a random sequence — documents of every kind added,
 * edited and deleted (titles, dates, status, services, tags, alerts, runbook links, action items,
 * bodies, an extra front-matter field), {@code services.yml}, {@code hindsight.yml}, and the site's own
 * template overrides that show that extra field on list, home and tag pages — the preview's output
 * directory is byte for byte a fresh full build of the same files. The overrides are what no list of
 * "what the built-in templates show" could know: only dependencies recorded while pages render can.
 */
class PreviewPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final List<String> KINDS = List.of("postmortems", "runbooks", "notes");

    sealed interface Edit permits Write, Delete, Services, Config, Template {
    }

    /** Writes document {@code slot} of a kind (0 postmortem, 1 runbook, 2 note) with these values. */
    record Write(int kind, int slot, String title, int day, String status, List<String> services, List<String> tags,
                 List<String> alerts, String team, int body) implements Edit {
    }

    record Delete(int kind, int slot) implements Edit {
    }

    record Services(int variant) implements Edit {
    }

    record Config(int variant) implements Edit {
    }

    /** 0 removes the overrides; 1, 2 and 3 override the runbook list, the home page and tag pages. */
    record Template(int variant) implements Edit {
    }

    @Property(tries = 15)
    void thePreviewIsAlwaysAFreshFullBuild(@ForAll("edits") List<Edit> edits) throws IOException {
        Path tmp = Files.createTempDirectory("hindsight-preview-property");
        try {
            Site site = new Site(tmp);
            site.start();
            for (Edit edit : edits) {
                List<Path> changed = site.apply(edit);
                PreviewSession.Update u = site.session.update(changed);
                assertThat(u.result().setupFailed()).as("%s", edit).isFalse();
                site.assertSameAsFullBuild(edit);
            }
        } finally {
            delete(tmp);
        }
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> title = Arbitraries.of("Alpha", "alpha", "Beta outage", "Gamma db", "Zeta");
        Arbitrary<List<String>> services = Arbitraries.of("orders", "payments", "Orders", "new-svc").set()
                .ofMaxSize(2).map(s -> s.stream().sorted().toList());
        Arbitrary<List<String>> tags = Arbitraries.of("db", "DB", "net", "cache").set().ofMaxSize(2)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<String>> alerts = Arbitraries.of("AlertA", "AlertB", "rb-0").set().ofMaxSize(2)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<Edit> write = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2), title, Arbitraries.integers().between(1, 28),
                        Arbitraries.of("published", "published", "draft", "in-review"), services, tags, alerts)
                .as((k, s, t, d, st, sv, tg, al) -> new Object[] {k, s, t, d, st, sv, tg, al})
                .flatMap(a -> Combinators.combine(Arbitraries.of("red", "blue", ""), Arbitraries.integers().between(0, 3))
                        .as((team, body) -> writeOf(a, team, body)));
        Arbitrary<Edit> delete = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2)).as(Delete::new);
        Arbitrary<Edit> edit = Arbitraries.frequencyOf(
                Tuple.of(8, write),
                Tuple.of(2, delete),
                Tuple.of(1, Arbitraries.integers().between(0, 2).map(Services::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 2).map(Config::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 3).map(Template::new)));
        return edit.list().ofSize(6);
    }

    @SuppressWarnings("unchecked")
    private static Edit writeOf(Object[] a, String team, int body) {
        return new Write((Integer) a[0], (Integer) a[1], (String) a[2], (Integer) a[3], (String) a[4],
                (List<String>) a[5], (List<String>) a[6], (List<String>) a[7], team, body);
    }

    /** One site on disk with its preview session. */
    private static final class Site {
        final Path tmp;
        final Path src;
        PreviewSession session;
        long clock = 1_700_000_000_000L;

        Site(Path tmp) {
            this.tmp = tmp;
            this.src = tmp.resolve("src");
        }

        BuildOptions options(Path out) {
            return BuildOptions.build(src, out).withReferenceDate(TODAY);
        }

        void start() throws IOException {
            write("hindsight.yml", config(0));
            write("services.yml", services(0));
            // One document that is never deleted: a site without documents is an error, not a site.
            write("postmortems/anchor.md", postmortem(new Write(0, 9, "Anchor", 1, "published", List.of("orders"),
                    List.of("db"), List.of(), "red", 0)));
            apply(new Write(1, 0, "Orders database", 3, "published", List.of("orders"), List.of("db"),
                    List.of("AlertA"), "blue", 0));
            session = new PreviewSession(options(tmp.resolve("preview")));
            assertThat(session.update(List.of()).result().setupFailed()).isFalse();
        }

        List<Path> apply(Edit edit) throws IOException {
            if (edit instanceof Write w) {
                String path = KINDS.get(w.kind()) + "/" + name(w.kind(), w.slot()) + ".md";
                return List.of(write(path, switch (w.kind()) {
                    case 0 -> postmortem(w);
                    case 1 -> runbook(w);
                    default -> note(w);
                }));
            }
            if (edit instanceof Delete d) {
                Path f = src.resolve(KINDS.get(d.kind()) + "/" + name(d.kind(), d.slot()) + ".md");
                Files.deleteIfExists(f);
                return List.of(f);
            }
            if (edit instanceof Services s) {
                return List.of(write("services.yml", services(s.variant())));
            }
            if (edit instanceof Config c) {
                return List.of(write("hindsight.yml", config(c.variant())));
            }
            Template t = (Template) edit;
            List<Path> changed = new ArrayList<>();
            switch (t.variant()) {
                case 1 -> changed.add(write("templates/runbooks.ftlh", """
                        <#list view.runbooks() as r>${r.title} team=${r.meta.frontMatterWords("team")?join(",")} \
                        ${view.freshness(r).state}
                        </#list>
                        """));
                case 2 -> changed.add(write("templates/index.ftlh", """
                        <#list view.recentPostmortems(3) as p>${p.meta.title} [${p.meta.frontMatterWords("team")?join(",")}] \
                        <#list view.relatedRunbooks(p) as ref>${ref.id}=${(ref.runbook.title)!"-"} </#list>
                        </#list>
                        <#list view.others() as o>${o.title} ${o.meta.frontMatterWords("team")?join(",")}</#list>
                        """));
                case 3 -> changed.add(write("templates/tag.ftlh", """
                        ${tag.name}: <#list tag.documents as d>${d.title} (${d.meta.frontMatterWords("team")?join(",")});
                        </#list>
                        """));
                default -> {
                    Path dir = src.resolve("templates");
                    if (Files.isDirectory(dir)) {
                        try (Stream<Path> files = Files.list(dir)) {
                            for (Path f : files.toList()) {
                                Files.delete(f);
                                changed.add(f);
                            }
                        }
                    }
                }
            }
            return changed;
        }

        private static String name(int kind, int slot) {
            return List.of("pm-", "rb-", "note-").get(kind) + slot;
        }

        private Path write(String path, String text) throws IOException {
            Path f = src.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
            clock += 2000; // each write visible, whatever the file system's time grain
            Files.setLastModifiedTime(f, FileTime.fromMillis(clock));
            return f;
        }

        void assertSameAsFullBuild(Edit edit) throws IOException {
            Path full = tmp.resolve("full-" + clock);
            assertThat(new SiteBuilder().run(options(full)).setupFailed()).isFalse();
            Map<String, byte[]> expected = tree(full);
            Map<String, byte[]> actual = tree(tmp.resolve("preview"));
            assertThat(actual.keySet()).as("after %s", edit).containsExactlyElementsOf(expected.keySet());
            List<String> differing = new ArrayList<>();
            for (String k : expected.keySet()) {
                if (!java.util.Arrays.equals(expected.get(k), actual.get(k))) {
                    differing.add(k);
                }
            }
            assertThat(differing).as("pages that differ from a full build after %s", edit).isEmpty();
            delete(full);
        }
    }

    private static String config(int variant) {
        return "title: " + List.of("Knowledge base", "Renamed base", "Knowledge base").get(variant) + "\n"
                + (variant == 2 ? "base_url: https://kb.example.com/\n" : "")
                + "tickets:\n  url: https://t.example.com/{key}\n"
                + "kinds:\n  note:\n    folder: notes\n    base: generic\n";
    }

    private static String services(int variant) {
        return "services:\n"
                + "  - id: orders\n    name: " + (variant == 1 ? "Order service (renamed)" : "Order service")
                + "\n    owner: commerce\n    tier: 1\n    description: Orders.\n"
                + "  - id: payments\n    name: Payments\n    owner: " + (variant == 1 ? "finance" : "payments-team")
                + "\n    tier: 1\n    description: Payments.\n"
                + (variant == 2 ? "  - id: new-svc\n    name: New service\n    owner: platform\n    tier: 2\n"
                        + "    description: New.\n" : "");
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    private static String body(int variant) {
        return switch (variant) {
            case 1 -> "\n## Summary\n\nA short summary of AlertA.\n\n## Mitigation\n\nRestart it.\n";
            case 2 -> "\n## AlertB\n\nWhat to do when AlertB fires.\n\n## Notes\n\nSee [the anchor](../postmortems/anchor.md).\n";
            case 3 -> "\n## Summary\n\nLonger text " + "word ".repeat(40) + "\n";
            default -> "\n## Summary\n\nText.\n";
        };
    }

    private static String postmortem(Write w) {
        String date = String.format(java.util.Locale.ROOT, "2026-%02d-%02d", 1 + w.day() % 12, w.day());
        return "---\ntitle: " + w.title() + "\nid: INC-" + w.slot() + "\ndate: " + date + "\nstatus: " + w.status()
                + "\nseverity: SEV-" + (1 + w.day() % 3) + "\nservices: " + list(w.services()) + "\ntags: "
                + list(w.tags()) + "\nteam: " + w.team() + "\nrunbooks: " + list(w.alerts().stream()
                        .map(a -> a.equals("rb-0") ? "rb-0" : "rb-" + (a.length() % 3)).distinct().toList())
                + "\nincident:\n  started: " + date + "T10:00:00Z\n  resolved: " + date + "T1" + (w.day() % 10)
                + ":30:00Z\n---\n" + body(w.body())
                + "\n## Action items\n\n| Action | Owner | Due | Status | Ticket |\n|---|---|---|---|---|\n"
                + "| Fix " + w.title() + " | " + (w.team().isEmpty() ? "sre" : w.team()) + " | 2026-11-"
                + String.format(java.util.Locale.ROOT, "%02d", w.day()) + " | "
                + List.of("open", "done", "in-progress").get(w.day() % 3) + " | T-" + w.day() + " |\n";
    }

    private static String runbook(Write w) {
        String reviewed = String.format(java.util.Locale.ROOT, "2026-%02d-%02d", 1 + w.day() % 11, w.day());
        return "---\ntitle: " + w.title() + "\nstatus: " + w.status() + "\nservice: "
                + (w.services().isEmpty() ? "orders" : w.services().get(0)) + "\nowner: " + (w.team().isEmpty()
                ? "ops" : w.team()) + "\nalerts: " + list(w.alerts()) + "\nlast_reviewed: " + reviewed
                + "\ntags: " + list(w.tags()) + "\nteam: " + w.team() + "\n---\n" + body(w.body());
    }

    private static String note(Write w) {
        return "---\ntitle: " + w.title() + "\nstatus: " + w.status() + "\ndate: 2026-03-"
                + String.format(java.util.Locale.ROOT, "%02d", w.day()) + "\ntags: " + list(w.tags()) + "\nteam: "
                + w.team() + "\n---\n" + body(w.body());
    }

    private static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
