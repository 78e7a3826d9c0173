package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.render.ActionRow;
import dev.hindsight.render.AlertView;
import dev.hindsight.render.ServiceView;
import dev.hindsight.render.SiteView;
import dev.hindsight.render.TagView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never stale: after each kind of edit, the incrementally updated site is byte for byte the site a
 * full build of the same sources gives.
 */
class PreviewSessionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path tmp;

    private Path src;
    private PreviewSession session;

    @BeforeEach
    void copyExampleSite() throws IOException {
        src = tmp.resolve("src");
        Path example = Path.of("../example-site").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = example.relativize(f).toString();
                if (rel.startsWith("target") || rel.endsWith("pom.xml")) {
                    continue;
                }
                Path to = src.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        session = new PreviewSession(options(tmp.resolve("preview")));
        PreviewSession.Update first = session.update(List.of());
        assertThat(first.full()).isTrue();
        assertThat(first.result().setupFailed()).isFalse();
    }

    private BuildOptions options(Path out) {
        return BuildOptions.build(src, out).withDrafts(true).withReferenceDate(TODAY);
    }

    private PreviewSession.Update edit(String path, String from, String to) throws IOException {
        Path f = src.resolve(path);
        String text = Files.readString(f);
        assertThat(text).contains(from);
        Files.writeString(f, text.replace(from, to));
        touch(f);
        return session.update(List.of(f));
    }

    /** Modification times have a coarse grain on some file systems: make each edit visible. */
    private static void touch(Path f) throws IOException {
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(f).toMillis() + 2000));
    }

    private void assertSameAsFullBuild() throws IOException {
        Path full = tmp.resolve("full-" + System.nanoTime());
        BuildResult result = new SiteBuilder().run(options(full));
        assertThat(result.setupFailed()).isFalse();
        assertSameViewAsFullBuild();
        Map<String, byte[]> expected = tree(full);
        Map<String, byte[]> actual = tree(tmp.resolve("preview"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : expected.keySet()) {
            if (!java.util.Arrays.equals(expected.get(k), actual.get(k))) {
                differing.add(k);
            }
        }
        assertThat(differing).as("pages that differ from a full build").isEmpty();
    }

    /** The session's patched view lists what a view of a fresh read of the site lists, in the same order. */
    private void assertSameViewAsFullBuild() throws IOException {
        SiteBuilder builder = new SiteBuilder();
        dev.hindsight.diag.Diagnostics d = new dev.hindsight.diag.Diagnostics();
        SiteBuilder.Setup setup = builder.setup(options(null), d);
        dev.hindsight.model.KnowledgeBase kb = builder.load(setup.root(), null, setup.config(), TODAY, d);
        SiteView fresh = new SiteView(kb, setup.services(), setup.config());
        assertThat(describe(session.view(), session.view().postmortems(), session.view().runbooks()))
                .isEqualTo(describe(fresh, fresh.postmortems(), fresh.runbooks()));
    }

    private static String describe(SiteView v, List<Postmortem> pms, List<Runbook> rbs) {
        StringBuilder b = new StringBuilder();
        java.util.function.Function<List<? extends Document>, String> paths = l -> l.stream()
                .map(x -> x.meta().sourcePath() + "=" + x.title()).toList().toString();
        b.append("postmortems ").append(paths.apply(v.postmortems())).append('\n');
        b.append("runbooks ").append(paths.apply(v.runbooks())).append('\n');
        b.append("others ").append(paths.apply(v.others())).append('\n');
        b.append("stale ").append(paths.apply(v.staleRunbooks())).append(paths.apply(v.dueSoonRunbooks())).append('\n');
        for (ServiceView s : v.services()) {
            b.append("service ").append(List.of(s.id(), s.slug(), s.name(), s.owner(), s.tier(), s.description(),
                    s.catalogued(), s.medianTtr(), s.ttrCount())).append(paths.apply(s.runbooks()))
                    .append(paths.apply(s.dependents())).append(paths.apply(s.postmortems())).append('\n');
        }
        for (TagView t : v.tags()) {
            b.append("tag ").append(t.slug()).append(' ').append(t.name()).append(paths.apply(t.documents())).append('\n');
        }
        for (AlertView a : v.alerts()) {
            b.append("alert ").append(a.name()).append(' ').append(a.segment()).append(' ')
                    .append(paths.apply(List.of(a.runbook()))).append(paths.apply(a.others())).append('\n');
        }
        for (ActionRow r : v.actions()) {
            b.append("action ").append(r.postmortem().meta().sourcePath()).append(' ').append(r.item())
                    .append(' ').append(r.state()).append(' ').append(r.team()).append(' ').append(r.ticketHref())
                    .append('\n');
        }
        for (Postmortem p : pms) {
            b.append("pm ").append(p.meta().sourcePath()).append(' ').append(v.relatedRunbooks(p).stream()
                    .map(ref -> ref.id() + ":" + (ref.runbook() == null ? "-" : ref.runbook().meta().sourcePath()))
                    .toList()).append(v.actions(p).stream().map(ActionRow::item).toList()).append('\n');
        }
        for (Runbook r : rbs) {
            b.append("rb ").append(r.meta().sourcePath()).append(' ').append(v.freshness(r)).append(' ')
                    .append(v.serviceName(r.service())).append(paths.apply(v.backlinks(r))).append('\n');
        }
        b.append("metrics ").append(v.metrics()).append('\n');
        b.append(v.severitiesInUse()).append(v.years()).append('\n');
        return b.toString();
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

    @Test
    void renamingARunbookUpdatesEveryPageThatShowsIt() throws IOException {
        PreviewSession.Update u = edit("runbooks/orders-db.md", "title: ", "title: Renamed ");
        assertThat(u.full()).isFalse();
        assertThat(u.rendered()).isLessThan(60);
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/postmortems/2025-05-19-orders-db-pool-exhaustion/index.html")))
                .contains("Renamed ");
    }

    @Test
    void aRunbookTitleEditUpdatesTheListServiceAndTagPagesThatShowIt() throws IOException {
        PreviewSession.Update u = edit("runbooks/orders-db.md", "title: Orders database (PostgreSQL)",
                "title: Orders primary store");
        assertThat(u.full()).isFalse();
        assertThat(session.stalenessWork().stale()).contains("runbooks/index.html", "services/orders-db/index.html",
                "tags/database/index.html", "runbooks/orders-db/index.html");
        for (String page : List.of("runbooks/index.html", "services/orders-db/index.html", "tags/database/index.html")) {
            assertThat(Files.readString(tmp.resolve("preview").resolve(page))).as(page)
                    .contains("Orders primary store").doesNotContain("Orders database (PostgreSQL)");
        }
        assertSameAsFullBuild();
    }

    @Test
    void aRunbookTitleEditDoesNotRenderAnUnrelatedPage() throws IOException {
        String unrelated = "postmortems/2025-10-14-sms-provider-degradation/index.html";
        assertThat(Files.readString(tmp.resolve("preview").resolve(unrelated))).doesNotContain("orders-db");
        PreviewSession.Update u = edit("runbooks/orders-db.md", "title: Orders database (PostgreSQL)",
                "title: Orders primary store");
        assertThat(u.full()).isFalse();
        assertThat(session.stalenessWork().stale()).doesNotContain(unrelated, "runbooks/session-redis/index.html");
        assertThat(u.rendered()).isEqualTo(session.stalenessWork().stale().size())
                .isLessThan(session.writerPlan().pages().size() / 4);
        // A runbook edit joins the alert catalog again: the alert pages get new models, compared by fingerprint
        // (both sides on this first update, only the new one on later updates), as do the pages of its service and
        // tags, which are rendered anyway; no other page's model is.
        long alertPages = session.writerPlan().pages().stream().filter(p -> p.path().startsWith("alerts/")).count();
        assertThat(session.stalenessWork().modelFingerprints()).as("page models made of other objects only")
                .isLessThanOrEqualTo((int) (2 * (alertPages + u.rendered())));
        assertSameAsFullBuild();
    }

    @Test
    void aContributingFactorEditUpdatesThePatternFactorAndPredecessorPages() throws IOException {
        Path patterns = tmp.resolve("preview/patterns/index.html");
        assertThat(Files.readString(patterns)).contains("INC-2026-035");
        PreviewSession.Update u = edit("postmortems/2026-07-22-saved-cards-rate-limit.md",
                "contributing_factors: [dependency, capacity, change]", "contributing_factors: [dependency, capacity]");
        assertThat(u.full()).isFalse();
        assertSameAsFullBuild();
        assertThat(Files.readString(patterns)).as("no longer recurs from INC-2026-022").doesNotContain("INC-2026-035");
        assertThat(Files.readString(tmp.resolve("preview/factors/change/index.html"))).doesNotContain("INC-2026-035");
        assertThat(Files.readString(tmp.resolve("preview/postmortems/2026-07-22-saved-cards-rate-limit/index.html")))
                .doesNotContain("Seen before");
    }

    @Test
    void changingTagsServicesAndAlertsMovesPagesAround() throws IOException {
        edit("postmortems/2025-05-19-orders-db-pool-exhaustion.md", "tags: [", "tags: [brand-new-tag, ");
        assertSameAsFullBuild();
        edit("runbooks/orders-db.md", "alerts: [", "alerts: [BrandNewAlert, ");
        assertSameAsFullBuild();
        edit("postmortems/2025-05-19-orders-db-pool-exhaustion.md", "tags: [brand-new-tag, ", "tags: [");
        assertSameAsFullBuild();
        assertThat(tmp.resolve("preview/tags/brand-new-tag/index.html")).doesNotExist();
    }

    @Test
    void deletingAndAddingDocuments() throws IOException {
        Path pm = src.resolve("postmortems/2025-05-19-orders-db-pool-exhaustion.md");
        String text = Files.readString(pm);
        Files.delete(pm);
        // The links to it from other documents break: that is a diagnostic, and the pages still update.
        PreviewSession.Update gone = session.update(List.of(pm));
        assertThat(gone.full()).isFalse();
        assertSameAsFullBuild();
        Path copy = src.resolve("postmortems/2025-05-20-orders-db-again.md");
        Files.writeString(copy, text.replace("INC-2025-019", "INC-2025-020"));
        Files.writeString(pm, text);
        session.update(List.of(copy, pm));
        assertSameAsFullBuild();
    }

    @Test
    void aConfigChangeIsAFullBuild() throws IOException {
        Path config = src.resolve("hindsight.yml");
        Files.writeString(config, Files.readString(config).replace("title: ", "title: New "));
        PreviewSession.Update u = session.update(List.of(config));
        assertThat(u.full()).isTrue();
        assertSameAsFullBuild();
    }

    @Test
    void aBodyEditRendersOnlyItsOwnPage() throws IOException {
        PreviewSession.Update u = edit("runbooks/orders-db.md", "## Overview\n", "## Overview\n\nA new first line.\n");
        assertThat(u.full()).isFalse();
        assertSameAsFullBuild();
        // Its own page shows a runbook's body, and so do the pages of the alerts it handles: their link goes
        // to the part of the body that handles the alert (the search index and data files are not pages).
        assertThat(u.rendered()).isEqualTo(1 + session.view().alerts().stream()
                .filter(a -> a.runbook().meta().sourcePath().equals("runbooks/orders-db.md")).count());
    }

    @Test
    void aRuleFileEditInTheSiteRebuildsWithTheRulesReadAgain() throws IOException {
        // The rule files are read once per build, by its setup: a rule file is not Markdown, so its change makes
        // the next build a full one, which reads them again.
        PreviewSession.Update u = edit("deploy/prometheus/shopfront.rules.yaml",
                "container_spec_memory_limit_bytes{container=\"payments\"} > 0.9\n",
                "container_spec_memory_limit_bytes{container=\"payments\"} > 0.95\n");
        assertThat(u.full()).isTrue();
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/alerts/PaymentsHighMemory/index.html")))
                .contains("container_spec_memory_limit_bytes{container=&quot;payments&quot;} &gt; 0.95</code>");
        assertThat(Files.readString(tmp.resolve("preview/api/alerts.json"))).contains("> 0.95");
    }

    @Test
    void aVerdictEditUpdatesTheAlertPageAndTheIndex() throws IOException {
        PreviewSession.Update u = edit("postmortems/2025-02-18-payments-memory-leak.md",
                "alerts: [PaymentsHighMemory]", "alerts: [{name: PaymentsHighMemory, verdict: false-positive}]");
        assertThat(u.full()).isFalse();
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/alerts/PaymentsHighMemory/index.html")))
                .contains("<p>1 false-positive · <strong>1 of 1 not needed</strong>");
    }

    @Test
    void aRunbookEditOfAnAlertsLineUpdatesTheHandlingShownOnTheAlertPage() throws IOException {
        PreviewSession.Update u = edit("runbooks/payments-service.md",
                "Usually comes before OOMKills", "Usually comes shortly before OOMKills");
        assertThat(u.full()).isFalse();
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/alerts/PaymentsHighMemory/index.html")))
                .contains("Usually comes shortly before OOMKills");
    }

    @Test
    void anEditOfADocumentTheAlertsDoNotInvolveKeepsTheAlertCatalog() throws IOException {
        String pm = "postmortems/2026-01-27-api-latency-creep.md";
        SiteWriter.Plan before = session.writerPlan();
        edit(pm, "alerts: [ApiGatewayLatencyP99High]\n", ""); // the alert's incidents change: joined again
        assertSameAsFullBuild();
        SiteWriter.Plan after = session.writerPlan();
        assertThat(after.alerts()).isNotSameAs(before.alerts());
        edit(pm, "## Summary\n", "## Summary\n\nOne more line.\n"); // now no alert involves it
        assertSameAsFullBuild();
        assertThat(session.writerPlan().alerts()).isSameAs(after.alerts());
    }

    @Test
    void aBodyEditThatMovesAnAlertsHandlingUpdatesTheAlertPage() throws IOException {
        // The alert page sends readers to the heading naming the alert: a new one earlier in the body wins.
        edit("runbooks/orders-db.md", "## Overview\n", "## Overview\n\n## OrdersDbReplicationLag first\n\nHere.\n");
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/alerts/OrdersDbReplicationLag/index.html")))
                .contains("#ordersdbreplicationlag-first");
    }

    @Test
    void frontMatterEditsThatListsShow() throws IOException {
        String pm = "postmortems/2025-05-19-orders-db-pool-exhaustion.md";
        edit(pm, "date: 2025-05-19", "date: 2024-01-02");
        assertSameAsFullBuild();
        edit(pm, "severity: SEV-1", "severity: SEV-3");
        assertSameAsFullBuild();
        edit(pm, "status: published", "status: draft");
        assertSameAsFullBuild();
        edit(pm, "resolved: 2025-05-19T14:20:00Z", "resolved: 2025-05-19T19:20:00Z");
        assertSameAsFullBuild();
        // The same service and tag spelt differently: their pages show the first spelling.
        edit(pm, "services: [orders, ", "services: [Orders-DB, orders, ");
        assertSameAsFullBuild();
        edit(pm, "tags: [database, ", "tags: [Database, ");
        assertSameAsFullBuild();
        edit(pm, "runbooks: [orders-db]", "runbooks: [orders-db, session-redis, no-such-runbook]");
        assertSameAsFullBuild();
        edit(pm, "| 2027-01-29 | in-progress |", "| 2027-01-29 | done |");
        assertSameAsFullBuild();
        edit(pm, "| 2025-07-31 | done |", "| 2025-07-31 | open |");
        assertSameAsFullBuild();
        String rb = "runbooks/orders-db.md";
        edit(rb, "last_reviewed: 2026-10-06", "last_reviewed: 2025-01-06");
        assertSameAsFullBuild();
        edit(rb, "owner: platform-team", "owner: dba-team");
        assertSameAsFullBuild();
        edit(rb, "service: orders-db", "service: orders");
        assertSameAsFullBuild();
        edit(rb, "dependencies: []", "dependencies: [payments, Orders]");
        assertSameAsFullBuild();
        // A runbook that becomes a postmortem.
        edit(rb, "---\ntitle:", "---\ntype: postmortem\nid: INC-2099-001\ntitle:");
        assertSameAsFullBuild();
    }

    @Test
    void aChangeTheWatcherMissedIsFoundByTheRescan() throws IOException {
        Path missed = src.resolve("runbooks/session-redis.md");
        Files.writeString(missed, Files.readString(missed).replace("title: ", "title: Unreported "));
        touch(missed);
        Path added = src.resolve("runbooks/brand-new.md");
        Files.writeString(added, Files.readString(src.resolve("runbooks/orders-db.md"))
                .replace("alerts: [", "alerts: [BrandNewOnly, "));
        // The watcher reports another file only.
        PreviewSession.Update u = edit("runbooks/orders-db.md", "title: ", "title: Reported ");
        assertThat(u.full()).isFalse();
        assertSameAsFullBuild();
        assertThat(tmp.resolve("preview/alerts/BrandNewOnly/index.html")).exists();
    }

    @Test
    void anUpdateCutShortByANewerChangeLeavesTheRestToTheNextOne() throws IOException {
        Path rb = src.resolve("runbooks/orders-db.md");
        Files.writeString(rb, Files.readString(rb).replace("title: ", "title: Renamed "));
        touch(rb);
        PreviewSession.Update cut = session.update(List.of(rb), () -> { }, () -> true);
        assertThat(cut.checked()).isFalse();
        assertThat(Files.readString(tmp.resolve("preview/runbooks/orders-db/index.html"))).contains("Renamed ");
        PreviewSession.Update next = edit("postmortems/2025-05-19-orders-db-pool-exhaustion.md", "title: ",
                "title: Also ");
        assertThat(next.checked()).isTrue();
        assertSameAsFullBuild();
    }

    @Test
    void templatesTheSiteOverridesAreRenderedOnEveryUpdate() throws IOException {
        Path templates = src.resolve("templates");
        Files.createDirectories(templates);
        // A runbook page that lists every runbook: no rule of the built-in theme knows that.
        Files.writeString(templates.resolve("runbook.ftlh"), """
                <#list view.runbooks() as r>${r.meta.title}
                </#list>
                """);
        assertThat(session.update(List.of(templates.resolve("runbook.ftlh"))).full()).isTrue();
        edit("runbooks/orders-db.md", "title: ", "title: Renamed ");
        assertSameAsFullBuild();
    }

    /**
     * Seeded random edits of front matter and bodies, one after the other, each followed by the
     * comparison with a full build: the rules that pick the pages to render again miss nothing.
     */
    @Test
    void randomEditsNeverLeaveAStalePage() throws IOException {
        // -Dhindsight.preview.steps=500 -Dhindsight.preview.seed=… for a longer search.
        Random random = new Random(Long.getLong("hindsight.preview.seed", 20261121));
        List<UnaryOperator<String>> edits = List.of(
                t -> t.replaceFirst("title: ", "title: X" + random.nextInt(100) + " "),
                t -> t.replaceFirst("date: \\d{4}", "date: 20" + (10 + random.nextInt(20))),
                t -> t.replaceFirst("severity: SEV-\\d", "severity: SEV-" + (1 + random.nextInt(4))),
                t -> t.replaceFirst("status: \\S+", "status: " + List.of("draft", "in-review", "published")
                        .get(random.nextInt(3))),
                t -> t.replaceFirst("tags: \\[", "tags: [" + List.of("db", "DB", "new-tag", "redis")
                        .get(random.nextInt(4)) + ", "),
                t -> t.replaceFirst("tags: \\[[^,\\]]*,? ?", "tags: ["),
                t -> t.replaceFirst("services: \\[", "services: [" + List.of("payments", "Payments", "brand-new")
                        .get(random.nextInt(3)) + ", "),
                t -> t.replaceFirst("services: \\[[^,\\]]*,? ?", "services: ["),
                t -> t.replaceFirst("runbooks: \\[", "runbooks: [" + List.of("orders-db", "auth-service", "gone")
                        .get(random.nextInt(3)) + ", "),
                t -> t.replaceFirst("\\| (done|open|in-progress) \\|", "| " + List.of("done", "open", "in-progress")
                        .get(random.nextInt(3)) + " |"),
                t -> t.replaceFirst("resolved: (\\S+)T\\d\\d", "resolved: $1T" + (10 + random.nextInt(13))),
                t -> t.replaceFirst("alerts: \\[", "alerts: [" + List.of("NewAlert", "OrdersDbReplicationLag", "Other")
                        .get(random.nextInt(3)) + ", "),
                t -> t.replaceFirst("alerts: \\[[^,\\]]*,? ?", "alerts: ["),
                t -> t.replaceFirst("service: \\S+", "service: " + List.of("orders", "payments", "Orders-DB")
                        .get(random.nextInt(3))),
                t -> t.replaceFirst("last_reviewed: \\S+", "last_reviewed: 2026-" + (10 + random.nextInt(3))
                        + "-0" + (1 + random.nextInt(9))),
                t -> t.replaceFirst("owner: \\S+", "owner: team-" + random.nextInt(3)),
                t -> t + "\nAnother paragraph " + random.nextInt(1000) + ".\n");
        List<Path> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Map<Path, String> deleted = new TreeMap<>();
        for (int step = 0; step < Integer.getInteger("hindsight.preview.steps", 40); step++) {
            Path f = docs.get(random.nextInt(docs.size()));
            List<Path> changed = new ArrayList<>(List.of(f));
            if (deleted.containsKey(f)) {
                Files.writeString(f, deleted.remove(f));
            } else if (random.nextInt(12) == 0) {
                deleted.put(f, Files.readString(f));
                Files.delete(f);
            } else {
                String before = Files.readString(f);
                String after = edits.get(random.nextInt(edits.size())).apply(before);
                if (random.nextInt(6) == 0) {
                    // A second document changes in the same burst of saves.
                    Path g = docs.get(random.nextInt(docs.size()));
                    if (!deleted.containsKey(g) && !g.equals(f)) {
                        Files.writeString(g, Files.readString(g).replaceFirst("title: ", "title: Also "));
                        touch(g);
                        changed.add(g);
                    }
                }
                Files.writeString(f, after);
                touch(f);
            }
            PreviewSession.Update u = session.update(changed);
            assertThat(u.full()).as("step %d", step).isFalse();
            assertSameAsFullBuild();
        }
    }
}
