package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The preview's patched view ({@link SiteView#next}, {@link ViewPatch}) equals a view worked out afresh from
 * the same documents, after every step of random sequences of documents added, edited and removed — edits
 * that move postmortems between services, tags, runbooks and dates, runbooks between ids, services, alerts
 * and review dates, with ties in every order and spellings that share a slug.
 */
class ViewPatchTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private static final List<String> PATHS = List.of("postmortems/a.md", "postmortems/b.md", "postmortems/c.md",
            "postmortems/d.md", "postmortems/e.md", "runbooks/r1.md", "runbooks/r2.md", "runbooks/r3.md",
            "runbooks/r4.md", "notes/n1.md", "notes/n2.md");

    private final Docs docs = new Docs();

    @Test
    void aPatchedViewEqualsAFreshOneAfterEveryStep() {
        int[] seen = new int[6]; // the random documents exercise every index
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            TreeMap<String, Document> current = new TreeMap<>();
            SiteView patched = docs.view(List.of(), TODAY);
            for (int step = 0; step < 30; step++) {
                String path = pick(random, PATHS);
                Document old = current.get(path);
                List<Document> gone = old == null ? List.of() : List.of(old);
                List<Document> added;
                if (old != null && random.nextInt(4) == 0) {
                    current.remove(path);
                    added = List.of();
                } else {
                    Document doc = random(random, path);
                    current.put(path, doc);
                    added = List.of(doc);
                }
                patched = patched.next(gone, added);
                assertSameView("seed " + seed + " step " + step + " (" + path + ")", patched,
                        docs.view(List.copyOf(current.values()), TODAY), current.values());
                SiteView v = patched;
                seen[0] += v.actions().size();
                seen[1] += v.tags().size();
                seen[2] += v.alerts().size();
                seen[3] += v.staleRunbooks().size() + v.dueSoonRunbooks().size();
                seen[4] += v.runbooks().stream().mapToInt(r -> v.backlinks(r).size()).sum();
                seen[5] += (int) v.services().stream().filter(s -> !s.catalogued()).count();
            }
        }
        assertThat(java.util.Arrays.stream(seen).boxed().toList()).allMatch(n -> n > 20);
    }

    @Test
    void aPatchWithoutChangesKeepsEveryIndex() {
        SiteView view = docs.view(List.of(random(new Random(3), "postmortems/a.md"),
                random(new Random(4), "runbooks/r1.md")), TODAY);
        SiteView same = view.next(List.of(), List.of());
        assertThat(same.parts().documents()).isEqualTo(view.parts().documents());
        assertThat(same.parts().actions()).isSameAs(view.parts().actions());
        assertThat(same.parts().freshness()).isSameAs(view.parts().freshness());
        assertThat(same.parts().metrics()).isSameAs(view.parts().metrics());
    }

    private static void assertSameView(String at, SiteView patched, SiteView fresh,
                                       java.util.Collection<Document> documents) {
        sameInstances(at + ": postmortems", patched.postmortems(), fresh.postmortems());
        sameInstances(at + ": runbooks", patched.runbooks(), fresh.runbooks());
        sameInstances(at + ": others", patched.others(), fresh.others());
        sameInstances(at + ": stale", patched.staleRunbooks(), fresh.staleRunbooks());
        sameInstances(at + ": due soon", patched.dueSoonRunbooks(), fresh.dueSoonRunbooks());
        check(at + ": actions", patched::actions, fresh::actions);
        check(at + ": open actions", patched::openActions, fresh::openActions);
        for (ActionState s : ActionState.values()) {
            check(at + ": " + s, () -> patched.actions(s.toString()), () -> fresh.actions(s.toString()));
            check(at + ": groups " + s, () -> patched.actionGroups(s.toString()),
                    () -> fresh.actionGroups(s.toString()));
        }
        check(at + ": services", patched::services, fresh::services);
        check(at + ": tags", patched::tags, fresh::tags);
        check(at + ": alerts", patched::alerts, fresh::alerts);
        check(at + ": metrics", patched::metrics, fresh::metrics);
        check(at + ": severities", patched::severitiesInUse, fresh::severitiesInUse);
        check(at + ": years", patched::years, fresh::years);
        for (Document d : documents) {
            if (d instanceof Runbook r) {
                check(at + ": freshness of " + r.meta().sourcePath(), () -> patched.freshness(r),
                        () -> fresh.freshness(r));
                sameInstances(at + ": backlinks of " + r.id(), patched.backlinks(r), fresh.backlinks(r));
            } else if (d instanceof Postmortem p) {
                check(at + ": actions of " + p.meta().sourcePath(), () -> patched.actions(p), () -> fresh.actions(p));
                check(at + ": runbooks of " + p.meta().sourcePath(), () -> patched.relatedRunbooks(p),
                        () -> fresh.relatedRunbooks(p));
                for (String s : p.services()) {
                    check(at + ": service " + s, () -> patched.service(s), () -> fresh.service(s));
                }
            }
        }
    }

    private static void check(String what, Supplier<Object> patched, Supplier<Object> fresh) {
        assertThat(patched.get()).as(what).isEqualTo(fresh.get());
    }

    private static void sameInstances(String what, List<? extends Document> patched, List<? extends Document> fresh) {
        assertThat(patched.stream().map(d -> d.meta().sourcePath()).toList()).as(what)
                .isEqualTo(fresh.stream().map(d -> d.meta().sourcePath()).toList());
        for (int i = 0; i < patched.size(); i++) {
            assertThat(patched.get(i)).as(what + " #" + i).isSameAs(fresh.get(i));
        }
    }

    /** A document at {@code path}, its fields drawn from small pools so that slugs, ids and order keys collide. */
    private Document random(Random random, String path) {
        if (path.startsWith("postmortems/")) {
            List<Docs.Item> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(new Docs.Item("Fix " + i, pick(random, List.of("", "sre", "SRE", "payments-team")),
                        pick(random, List.of("2024-05-01", "2024-07-01", "", "2024-06-01")),
                        pick(random, List.of("open", "in-progress", "done")), pick(random, List.of("", "OPS-1"))));
            }
            return docs.postmortem(path, pick(random, List.of("Outage", "Checkout down", "outage")),
                    pick(random, java.util.Arrays.asList(null, "2024-01-01", "2024-02-01", "2023-12-31")),
                    pick(random, List.of("SEV-1", "SEV-2", "SEV-4")),
                    some(random, List.of("payments", "Payments", "checkout", "search-api", "Search API"), 1),
                    some(random, List.of("db", "DB", "deploy", "network"), 0),
                    some(random, List.of("r1", "r2", "shared", "missing"), 0), items);
        }
        if (path.startsWith("runbooks/")) {
            return docs.runbook(path, pick(random, java.util.Arrays.asList(null, "shared", "r-x")),
                    pick(random, List.of("Restart", "restart", "Failover")),
                    pick(random, List.of("", "payments", "checkout", "Search API")),
                    some(random, List.of("payments", "search-api", "queue"), 0),
                    some(random, List.of("HighLatency", "HighErrors", " HighLatency", "DiskFull"), 0),
                    some(random, List.of("db", "DB", "deploy"), 0),
                    pick(random, java.util.Arrays.asList(null, "2024-01-01", "2024-03-10", "2024-05-20")));
        }
        return docs.note(path, pick(random, List.of("Glossary", "glossary", "On-call")),
                some(random, List.of("db", "deploy", "Deploy"), 0));
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> some(Random random, List<String> from, int atLeast) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (random.nextBoolean()) {
                out.add(s);
            }
        }
        while (out.size() < atLeast) {
            out.add(pick(random, from));
        }
        return out;
    }
}
