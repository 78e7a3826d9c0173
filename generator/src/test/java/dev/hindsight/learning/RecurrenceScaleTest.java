package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recurrence links over many incidents: the indexed, windowed computation gives exactly what comparing every
 * pair of postmortems gives (the reference below is the former all-pairs code), with many services, shared
 * factors and alerts, same-day ties, undated incidents and duplicate ids; and the window's edge is inclusive.
 */
class RecurrenceScaleTest {

    private static final String[] SERVICES = {"checkout", "payments", "search", "auth", "cart", "ledger"};
    private static final String[] FACTORS = {"configuration", "capacity", "change", "dependency", "data"};
    private static final String[] ALERTS = {"A0", "A1", "A2", "A3"};

    @TempDir
    Path tmp;

    private static String config(int window) {
        return """
                -- hindsight.yml --
                title: Recurrence
                recurrence:
                  window_days: %d
                -- services.yml --
                services:
                  - id: checkout
                    owner: commerce-team
                  - id: payments
                    owner: payments-team
                """.formatted(window);
    }

    private static String postmortem(int n, String id, String date, List<String> services, List<String> factors,
                                      List<String> alerts, String doneOn) {
        return "-- postmortems/pm-" + n + ".md --\n" + """
                ---
                title: Incident %d
                id: %s
                %s
                status: published
                severity: SEV-2
                services: [%s]
                contributing_factors: [%s]
                alerts: [%s]
                ---
                ## Summary
                Something failed.
                ## Action items
                | Action | Owner | Priority | Due | Status | Done on | Ticket |
                |---|---|---|---|---|---|---|
                | Fix it %d | commerce-team | P1 | 2024-01-31 | %s | %s |  |
                """.formatted(n, id, date == null ? "" : "date: " + date, String.join(", ", services),
                String.join(", ", factors), String.join(", ", alerts), n, doneOn == null ? "open" : "done",
                doneOn == null ? "" : doneOn);
    }

    private static List<String> pick(Random random, String[] from, int max) {
        TreeSet<String> out = new TreeSet<>();
        for (int k = random.nextInt(max + 1); k > 0; k--) {
            out.add(from[random.nextInt(from.length)]);
        }
        List<String> list = new ArrayList<>(out);
        java.util.Collections.shuffle(list, random);
        return list;
    }

    @Test
    void manyIncidentsAcrossServicesLinkExactlyAsComparingEveryPair() throws IOException {
        for (int seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            int window = seed == 3 ? 0 : 15 * seed;
            StringBuilder site = new StringBuilder(config(window));
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int n = 0; n < 400; n++) {
                String date = random.nextInt(25) == 0 ? null : start.plusDays(random.nextInt(500)).toString();
                String id = "INC-" + (random.nextInt(30) == 0 ? 7 : n);
                String done = random.nextBoolean() ? null : start.plusDays(random.nextInt(500)).toString();
                List<String> services = pick(random, SERVICES, 2);
                site.append(postmortem(n, id, date, services.isEmpty() ? List.of("checkout") : services,
                        pick(random, FACTORS, 2), pick(random, ALERTS, 1), done));
            }
            Sites.Loaded s = Sites.load(SiteFixture.write(tmp.resolve("site" + seed), site.toString()),
                    LocalDate.of(2025, 6, 1));
            Learning l = Learning.of(s.kb(), s.config(), s.catalog(), LocalDate.of(2025, 6, 1), Tickets.none());
            List<Postmortem> pms = new ArrayList<>(s.kb().postmortems());
            pms.sort(Comparator.comparing(IncidentRef::of, IncidentRef.NEWEST_FIRST));
            List<Reference.Edge> edges = Reference.links(pms, window);

            assertThat(edges).as("seed %d links something", seed).hasSizeGreaterThan(window == 0 ? 0 : 50);
            assertThat(l.patterns()).as("seed %d patterns", seed).isEqualTo(Reference.patterns(pms, edges));
            assertThat(l.patterns()).as("seed %d has patterns", seed).hasSizeGreaterThan(1);
            assertThat(List.copyOf(l.predecessors().entrySet())).as("seed %d predecessors", seed)
                    .isEqualTo(List.copyOf(Reference.predecessors(pms, edges).entrySet()));
            Recurrence r = Learning.recurrence(s.kb(), s.config());
            assertThat(r.patterns()).isEqualTo(l.patterns());
            assertThat(List.copyOf(r.predecessors().entrySet())).isEqualTo(List.copyOf(l.predecessors().entrySet()));
        }
    }

    @Test
    void theWindowsLastDayLinksTheDayAfterDoesNotAndSameDayIncidentsLinkByIdOrder() throws IOException {
        List<String> one = List.of("checkout");
        List<String> f = List.of("configuration");
        String site = config(30)
                + postmortem(1, "INC-1", "2024-01-01", one, f, List.of(), null)
                + postmortem(2, "INC-2", "2024-01-31", one, f, List.of(), null)   // 30 days after INC-1: linked
                + postmortem(3, "INC-3", "2024-03-02", one, f, List.of(), null)   // 31 days after INC-2: not
                + postmortem(4, "INC-5", "2024-06-01", List.of("payments"), List.of(), List.of("A1"), null)
                + postmortem(5, "INC-4", "2024-06-01", List.of("payments"), List.of(), List.of("A1"), null)
                + postmortem(6, "INC-6", "2024-06-01", one, f, List.of("A1"), null); // another service: not
        Sites.Loaded s = Sites.load(SiteFixture.write(tmp.resolve("edge"), site), LocalDate.of(2024, 7, 1));
        Recurrence r = Learning.recurrence(s.kb(), s.config());
        assertThat(r.patterns()).extracting(p -> p.incidents().stream().map(IncidentRef::id).toList())
                .containsExactly(List.of("INC-4", "INC-5"), List.of("INC-2", "INC-1"));
        assertThat(r.predecessorsOf("INC-5")).extracting(p -> p.incident().id() + " " + p.daysBefore() + " "
                + p.alerts()).containsExactly("INC-4 0 [A1]");
        assertThat(r.predecessorsOf("INC-2")).extracting(p -> p.incident().id() + " " + p.daysBefore())
                .containsExactly("INC-1 30");
        assertThat(r.predecessorsOf("INC-3")).isEmpty();
        assertThat(r.predecessorsOf("INC-4")).isEmpty();
        assertThat(r.predecessorsOf("INC-6")).isEmpty();
    }

    /** The former all-pairs computation, kept as the reference the indexed one must equal. */
    private static final class Reference {

        record Edge(Postmortem earlier, Postmortem later, List<String> services, List<String> factors,
                    List<String> alerts) {
        }

        static List<Edge> links(List<Postmortem> pms, int window) {
            List<Edge> edges = new ArrayList<>();
            for (int i = 0; i < pms.size(); i++) {
                for (int j = 0; j < pms.size(); j++) {
                    Postmortem later = pms.get(i);
                    Postmortem earlier = pms.get(j);
                    if (i == j || !before(earlier, later)) {
                        continue;
                    }
                    long days = ChronoUnit.DAYS.between(IncidentRef.dateOf(earlier), IncidentRef.dateOf(later));
                    if (days > window) {
                        continue;
                    }
                    List<String> services = shared(earlier.services(), later.services());
                    List<String> factors = shared(earlier.contributingFactors(), later.contributingFactors());
                    List<String> alerts = shared(earlier.alerts(), later.alerts());
                    if (!services.isEmpty() && (!factors.isEmpty() || !alerts.isEmpty())) {
                        edges.add(new Edge(earlier, later, services, factors, alerts));
                    }
                }
            }
            return edges;
        }

        private static boolean before(Postmortem a, Postmortem b) {
            LocalDate da = IncidentRef.dateOf(a);
            LocalDate db = IncidentRef.dateOf(b);
            if (da == null || db == null) {
                return false;
            }
            return da.isBefore(db) || da.equals(db) && a.id().compareTo(b.id()) < 0;
        }

        private static List<String> shared(List<String> a, List<String> b) {
            TreeSet<String> out = new TreeSet<>(a);
            out.retainAll(new java.util.HashSet<>(b));
            return List.copyOf(out);
        }

        static Map<String, List<Predecessor>> predecessors(List<Postmortem> newestFirst, List<Edge> edges) {
            Map<String, List<Predecessor>> out = new LinkedHashMap<>();
            for (Postmortem p : newestFirst) {
                List<Predecessor> list = new ArrayList<>();
                for (Edge e : edges) {
                    if (e.later() == p) {
                        list.add(new Predecessor(IncidentRef.of(e.earlier()),
                                ChronoUnit.DAYS.between(IncidentRef.dateOf(e.earlier()), IncidentRef.dateOf(p)),
                                e.services(), e.factors(), e.alerts(), e.earlier().actionItems()));
                    }
                }
                list.sort(Comparator.comparing(Predecessor::incident, IncidentRef.NEWEST_FIRST));
                if (!list.isEmpty()) {
                    out.put(p.id(), list);
                }
            }
            return out;
        }

        static List<Pattern> patterns(List<Postmortem> newestFirst, List<Edge> edges) {
            Map<Postmortem, Integer> group = new IdentityHashMap<>();
            for (int i = 0; i < newestFirst.size(); i++) {
                group.put(newestFirst.get(i), i);
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Edge e : edges) {
                    int a = group.get(e.earlier());
                    int b = group.get(e.later());
                    if (a != b) {
                        int min = Math.min(a, b);
                        group.put(e.earlier(), min);
                        group.put(e.later(), min);
                        changed = true;
                    }
                }
            }
            TreeMap<Integer, List<Postmortem>> byGroup = new TreeMap<>();
            for (Postmortem p : newestFirst) {
                byGroup.computeIfAbsent(group.get(p), k -> new ArrayList<>()).add(p);
            }
            List<Pattern> out = new ArrayList<>();
            for (List<Postmortem> members : byGroup.values()) {
                if (members.size() < 2) {
                    continue;
                }
                TreeSet<String> services = new TreeSet<>();
                TreeSet<String> factors = new TreeSet<>();
                TreeSet<String> alerts = new TreeSet<>();
                List<IneffectiveAction> ineffective = new ArrayList<>();
                for (Edge e : edges) {
                    if (!members.contains(e.later())) {
                        continue;
                    }
                    services.addAll(e.services());
                    factors.addAll(e.factors());
                    alerts.addAll(e.alerts());
                    if (e.factors().isEmpty()) {
                        continue;
                    }
                    LocalDate recurred = IncidentRef.dateOf(e.later());
                    for (ActionItem a : e.earlier().actionItems()) {
                        LocalDate since = a.done() != null ? a.done() : a.due();
                        if (!a.isOpen() && since != null && recurred.isAfter(since)) {
                            ineffective.add(new IneffectiveAction(IncidentRef.of(e.earlier()), a, since,
                                    IncidentRef.of(e.later()), e.services(), e.factors()));
                        }
                    }
                }
                ineffective.sort(Comparator.comparing((IneffectiveAction x) -> x.postmortem(),
                                IncidentRef.NEWEST_FIRST)
                        .thenComparingInt(x -> x.item().line())
                        .thenComparing(x -> x.recurredIn(), IncidentRef.NEWEST_FIRST));
                Map<String, IneffectiveAction> once = new LinkedHashMap<>();
                for (IneffectiveAction x : ineffective) {
                    once.putIfAbsent(x.postmortem().id() + ":" + x.item().line(), x);
                }
                out.add(new Pattern(members.stream().map(IncidentRef::of).toList(), List.copyOf(services),
                        List.copyOf(factors), List.copyOf(alerts), List.copyOf(once.values())));
            }
            return out;
        }
    }
}
