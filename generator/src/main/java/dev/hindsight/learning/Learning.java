package dev.hindsight.learning;

import dev.hindsight.config.ContributingFactor;
import dev.hindsight.config.LearningSettings;
import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.model.TimelineEntry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything the site learns across its postmortems, computed once from the knowledge base, the settings,
 * the service catalog, "today" (null when unknown: nothing is late or recent) and the ticket export. Over 400
 * lines: one short private derivation per component, sharing the newest-first postmortems and recurrence links.
 *
 * @param factors       every factor of the taxonomy with its incidents, in the taxonomy's order
 * @param patterns      recurring incidents, the pattern with the newest incident first
 * @param predecessors  per postmortem id (only those that have any), the earlier incidents it recurs from,
 *                      newest first
 * @param actions       every action item, by postmortem (newest first) and line
 * @param ideas         the ideas of every postmortem, by postmortem (newest first) and line
 * @param completion    committed items done per team and quarter, by team and quarter
 * @param runbookUsage  the runbook usage ledger
 * @param distributions TTD/TTA/TTM/TTR by severity and by service per quarter
 * @param impact        structured impact figures per quarter
 * @param handoffs      the on-call handoff of each team that owns a service of the catalog, by team
 */
public record Learning(List<FactorIncidents> factors, List<Pattern> patterns,
                       Map<String, List<Predecessor>> predecessors, List<TrackedAction> actions,
                       List<TrackedAction> ideas, List<Completion> completion, UsageLedger runbookUsage,
                       List<Distribution> distributions, List<ImpactFigures> impact, List<Handoff> handoffs) {

    public Learning {
        factors = List.copyOf(factors);
        patterns = List.copyOf(patterns);
        predecessors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predecessors));
        actions = List.copyOf(actions);
        ideas = List.copyOf(ideas);
        completion = List.copyOf(completion);
        distributions = List.copyOf(distributions);
        impact = List.copyOf(impact);
        handoffs = List.copyOf(handoffs);
    }

    /** The earlier incidents {@code postmortemId} recurs from, newest first. */
    public List<Predecessor> predecessorsOf(String postmortemId) {
        return predecessors.getOrDefault(postmortemId, List.of());
    }

    /** What the site learns; {@code today} may be null. */
    public static Learning of(KnowledgeBase kb, SiteConfig config, ServiceCatalog catalog, LocalDate today,
                              Tickets tickets) {
        LearningSettings s = config.learning();
        List<Postmortem> pms = new ArrayList<>(kb.postmortems());
        pms.sort(Comparator.comparing(IncidentRef::of, IncidentRef.NEWEST_FIRST));
        Links links = links(pms, s.recurrenceDays());
        Map<String, String> teamOf = new LinkedHashMap<>();
        for (Service svc : catalog.services()) {
            if (!svc.owner().isBlank()) {
                teamOf.put(svc.id(), svc.owner());
            }
        }
        List<TrackedAction> actions = new ArrayList<>();
        List<TrackedAction> ideas = new ArrayList<>();
        for (Postmortem p : pms) {
            for (ActionItem a : p.actionItems()) {
                actions.add(tracked(p, a, teamOf, s, today, tickets));
            }
            for (ActionItem a : p.ideas()) {
                ideas.add(new TrackedAction(IncidentRef.of(p), a, team(p, a, teamOf), false, null, null, null));
            }
        }
        return new Learning(factors(pms, s), patterns(pms, links), predecessors(pms, links), actions, ideas,
                completion(actions), ledger(kb, pms), distributions(pms), impact(pms),
                handoffs(kb, config, pms, actions, teamOf, today));
    }

    // ---- factors --------------------------------------------------------------------------------

    private static List<FactorIncidents> factors(List<Postmortem> newestFirst, LearningSettings s) {
        List<FactorIncidents> out = new ArrayList<>();
        for (ContributingFactor f : s.factors()) {
            out.add(new FactorIncidents(f, newestFirst.stream().filter(p -> p.contributingFactors().contains(f.id()))
                    .map(IncidentRef::of).toList()));
        }
        return out;
    }

    // ---- recurrence -----------------------------------------------------------------------------

    /** A link between an earlier and a later incident, and what they share. */
    record Edge(Postmortem earlier, Postmortem later, List<String> services, List<String> factors,
                List<String> alerts) {
    }

    record Links(List<Edge> edges) {
    }

    /**
     * Two dated incidents at most {@code window} days apart are linked when they share a service and a
     * contributing factor or an alert.
     */
    static Links links(List<Postmortem> pms, int window) {
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
        return new Links(edges);
    }

    /** Whether {@code a} happened before {@code b} (same day: the smaller id first); undated never. */
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

    private static Map<String, List<Predecessor>> predecessors(List<Postmortem> newestFirst, Links links) {
        Map<String, List<Predecessor>> out = new LinkedHashMap<>();
        for (Postmortem p : newestFirst) {
            List<Predecessor> list = new ArrayList<>();
            for (Edge e : links.edges()) {
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

    /** The connected groups of linked incidents, each newest first; the group with the newest incident first. */
    private static List<Pattern> patterns(List<Postmortem> newestFirst, Links links) {
        Map<Postmortem, Integer> group = new java.util.IdentityHashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            group.put(newestFirst.get(i), i);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Edge e : links.edges()) {
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
            for (Edge e : links.edges()) {
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
            ineffective.sort(Comparator.comparing((IneffectiveAction x) -> x.postmortem(), IncidentRef.NEWEST_FIRST)
                    .thenComparingInt(x -> x.item().line())
                    .thenComparing(x -> x.recurredIn(), IncidentRef.NEWEST_FIRST));
            // One entry per item: the first incident (newest) it recurred in.
            Map<String, IneffectiveAction> once = new LinkedHashMap<>();
            for (IneffectiveAction x : ineffective) {
                once.putIfAbsent(x.postmortem().id() + ":" + x.item().line(), x);
            }
            out.add(new Pattern(members.stream().map(IncidentRef::of).toList(), List.copyOf(services),
                    List.copyOf(factors), List.copyOf(alerts), List.copyOf(once.values())));
        }
        return out;
    }

    // ---- action items ---------------------------------------------------------------------------

    private static String team(Postmortem p, ActionItem a, Map<String, String> teamOf) {
        Set<String> teams = new TreeSet<>(teamOf.values());
        if (teams.contains(a.owner())) {
            return a.owner();
        }
        for (String svc : p.services()) {
            if (teamOf.containsKey(svc)) {
                return teamOf.get(svc);
            }
        }
        return a.owner();
    }

    private static TrackedAction tracked(Postmortem p, ActionItem a, Map<String, String> teamOf,
                                         LearningSettings s, LocalDate today, Tickets tickets) {
        LocalDate date = IncidentRef.dateOf(p);
        Integer days = s.objectives().get(a.priority());
        LocalDate objective = date == null || days == null ? null : date.plusDays(days);
        Long late = null;
        if (objective != null) {
            LocalDate until = a.isOpen() ? today : a.done();
            if (until != null && until.isAfter(objective)) {
                late = ChronoUnit.DAYS.between(objective, until);
            }
        }
        return new TrackedAction(IncidentRef.of(p), a, team(p, a, teamOf),
                !a.owner().isBlank() && a.due() != null, objective, late, tickets.find(a.ticket()).orElse(null));
    }

    private static List<Completion> completion(List<TrackedAction> actions) {
        TreeMap<String, int[]> counts = new TreeMap<>();
        for (TrackedAction t : actions) {
            if (!t.commitment() || t.postmortem().date() == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(t.team() + "\u0000" + IncidentRef.quarter(t.postmortem().date()),
                    k -> new int[2]);
            c[0]++;
            c[1] += t.item().isOpen() ? 0 : 1;
        }
        List<Completion> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] parts = k.split("\u0000", 2);
            out.add(new Completion(parts[0], parts[1], c[0], c[1]));
        });
        return out;
    }

    // ---- runbook usage ---------------------------------------------------------------------------

    private static UsageLedger ledger(KnowledgeBase kb, List<Postmortem> newestFirst) {
        Map<String, Runbook> byId = new LinkedHashMap<>();
        kb.runbooks().forEach(r -> byId.putIfAbsent(r.id(), r));
        Map<String, List<IncidentRef>> uses = new LinkedHashMap<>();
        Set<String> handled = new java.util.HashSet<>();
        kb.runbooks().forEach(r -> handled.addAll(r.alerts()));
        List<UsageLedger.UnhandledAlert> unhandled = new ArrayList<>();
        for (Postmortem p : newestFirst) {
            LinkedHashSet<String> used = new LinkedHashSet<>();
            p.runbooks().stream().filter(byId::containsKey).forEach(used::add);
            used.addAll(timelineRunbooks(kb, p));
            for (String id : used) {
                uses.computeIfAbsent(id, k -> new ArrayList<>()).add(IncidentRef.of(p));
            }
            for (String alert : p.alerts()) {
                if (!handled.contains(alert)) {
                    unhandled.add(new UsageLedger.UnhandledAlert(IncidentRef.of(p), alert));
                }
            }
        }
        List<RunbookUsage> used = new ArrayList<>();
        List<RunbookUsage> never = new ArrayList<>();
        for (Runbook r : byId.values()) {
            List<IncidentRef> in = uses.getOrDefault(r.id(), List.of());
            RunbookUsage u = new RunbookUsage(r.id(), r.title(), r.meta().url(), in,
                    in.isEmpty() ? null : in.get(0).date());
            (in.isEmpty() ? never : used).add(u);
        }
        used.sort(Comparator.comparingInt(RunbookUsage::count).reversed().thenComparing(RunbookUsage::runbookId));
        return new UsageLedger(used, never, unhandled);
    }

    /** The runbooks a postmortem's timeline entries link to (relative links to their .md file or page). */
    static List<String> timelineRunbooks(KnowledgeBase kb, Postmortem p) {
        Set<Integer> lines = new java.util.HashSet<>();
        for (TimelineEntry e : p.timeline()) {
            lines.add(e.line());
        }
        List<String> out = new ArrayList<>();
        String dir = p.meta().sourcePath().contains("/")
                ? p.meta().sourcePath().substring(0, p.meta().sourcePath().lastIndexOf('/') + 1) : "";
        for (Link l : p.body().links()) {
            if (l.image() || !lines.contains(l.line())) {
                continue;
            }
            resolve(dir, l.url()).flatMap(kb::byPath).filter(Runbook.class::isInstance).map(Document::id)
                    .filter(id -> !out.contains(id)).ifPresent(out::add);
        }
        return out;
    }

    /** The source path a relative link names: {@code x.md}, {@code x/}, {@code x/index.html}. */
    private static Optional<String> resolve(String dir, String url) {
        String u = url.replaceAll("[#?].*$", "");
        if (u.isEmpty() || u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || u.startsWith("/")) {
            return Optional.empty();
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : (dir + u).split("/")) {
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                parts.addLast(seg);
            }
        }
        String path = String.join("/", parts);
        if (path.endsWith("/index.html")) {
            path = path.substring(0, path.length() - "/index.html".length()) + ".md";
        } else if (u.endsWith("/")) {
            path = path + ".md";
        }
        return path.endsWith(".md") ? Optional.of(path) : Optional.empty();
    }

    // ---- metrics -----------------------------------------------------------------------------------

    static final List<String> METRICS = List.of("ttd", "tta", "ttm", "ttr");

    private static Optional<Duration> metric(Postmortem p, String m) {
        return switch (m) {
            case "ttd" -> p.incident().timeToDetect();
            case "tta" -> p.incident().timeToAcknowledge();
            case "ttm" -> p.incident().timeToMitigate();
            default -> p.incident().timeToResolve();
        };
    }

    private static List<Distribution> distributions(List<Postmortem> pms) {
        List<Distribution> out = new ArrayList<>();
        out.addAll(distributions(pms, "severity", p -> List.of(p.severity().isEmpty() ? "unspecified" : p.severity())));
        out.addAll(distributions(pms, "service", Postmortem::services));
        return out;
    }

    private static List<Distribution> distributions(List<Postmortem> pms, String by,
                                                    Function<Postmortem, List<String>> groups) {
        TreeMap<String, List<Long>> values = new TreeMap<>();
        for (Postmortem p : pms) {
            LocalDate d = IncidentRef.dateOf(p);
            if (d == null) {
                continue;
            }
            for (String m : METRICS) {
                Optional<Duration> v = metric(p, m);
                if (v.isEmpty() || v.get().isNegative()) {
                    continue;
                }
                for (String g : groups.apply(p)) {
                    values.computeIfAbsent(METRICS.indexOf(m) + "\u0000" + g + "\u0000" + IncidentRef.quarter(d),
                            k -> new ArrayList<>()).add(v.get().toMinutes());
                }
            }
        }
        List<Distribution> out = new ArrayList<>();
        values.forEach((k, list) -> {
            String[] parts = k.split("\u0000", 3);
            List<Long> sorted = list.stream().sorted().toList();
            boolean enough = sorted.size() >= Distribution.MIN_FOR_PERCENTILES;
            out.add(new Distribution(METRICS.get(Integer.parseInt(parts[0])), by, parts[1], parts[2], sorted,
                    enough ? rank(sorted, 50) : null, enough ? rank(sorted, 90) : null));
        });
        return out;
    }

    /** Nearest rank: the value at rank ⌈p/100 × n⌉. */
    static long rank(List<Long> sorted, int p) {
        int r = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(r, 1) - 1);
    }

    private static List<ImpactFigures> impact(List<Postmortem> pms) {
        TreeMap<String, long[]> sums = new TreeMap<>();
        for (Postmortem p : pms) {
            LocalDate d = IncidentRef.dateOf(p);
            if (d == null || !p.impactFigures().given()) {
                continue;
            }
            long[] s = sums.computeIfAbsent(IncidentRef.quarter(d), k -> new long[] {0, 0, 0, 0, 0});
            s[0]++;
            if (p.impactFigures().customers() != null) {
                s[1] += p.impactFigures().customers();
                s[3]++;
            }
            if (p.impactFigures().durationMinutes() != null) {
                s[2] += p.impactFigures().durationMinutes();
                s[4]++;
            }
        }
        List<ImpactFigures> out = new ArrayList<>();
        sums.forEach((q, s) -> out.add(new ImpactFigures(q, (int) s[0], s[3] == 0 ? null : s[1],
                s[4] == 0 ? null : s[2])));
        return out;
    }

    // ---- on-call handoff ---------------------------------------------------------------------------

    private static List<Handoff> handoffs(KnowledgeBase kb, SiteConfig config, List<Postmortem> newestFirst,
                                          List<TrackedAction> actions, Map<String, String> teamOf,
                                          LocalDate today) {
        int days = config.learning().oncallDays();
        TreeMap<String, List<String>> services = new TreeMap<>();
        teamOf.forEach((svc, team) -> services.computeIfAbsent(team, k -> new ArrayList<>()).add(svc));
        List<Handoff> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : services.entrySet()) {
            String team = e.getKey();
            List<String> svcs = e.getValue();
            List<IncidentRef> recent = today == null ? List.of() : newestFirst.stream()
                    .filter(p -> p.services().stream().anyMatch(svcs::contains))
                    .map(IncidentRef::of)
                    .filter(r -> r.date() != null && !r.date().isAfter(today)
                            && ChronoUnit.DAYS.between(r.date(), today) <= days)
                    .toList();
            List<Runbook> own = kb.runbooks().stream()
                    .filter(r -> svcs.contains(r.service()) || team.equals(r.owner())).toList();
            List<Handoff.RunbookRef> changed = new ArrayList<>();
            List<Handoff.RunbookRef> stale = new ArrayList<>();
            List<Handoff.RunbookRef> untested = new ArrayList<>();
            for (Runbook r : own) {
                if (today == null) {
                    continue;
                }
                kb.history(r).map(h -> h.lastUpdated()).filter(t -> t != null)
                        .map(t -> t.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate())
                        .filter(d -> !d.isAfter(today) && ChronoUnit.DAYS.between(d, today) <= days)
                        .ifPresent(d -> changed.add(ref(r, d)));
                kb.effectiveReviewDue(r).filter(d -> d.isBefore(today)).ifPresent(d -> stale.add(ref(r, d)));
                if (r.lastTested() == null
                        || r.lastTested().plus(config.validation().testedWithin()).isBefore(today)) {
                    untested.add(ref(r, r.lastTested()));
                }
            }
            List<TrackedAction> mine = actions.stream().filter(a -> a.team().equals(team) && a.item().isOpen())
                    .sorted(Comparator.comparing((TrackedAction a) -> a.item().due(),
                            Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(a -> a.postmortem().id()).thenComparingInt(a -> a.item().line()))
                    .toList();
            List<TrackedAction> overdue = today == null ? List.of() : mine.stream()
                    .filter(a -> a.item().due() != null && a.item().due().isBefore(today)).toList();
            out.add(new Handoff(team, days, svcs, recent, changed, stale, untested, mine, overdue));
        }
        return out;
    }

    private static Handoff.RunbookRef ref(Runbook r, LocalDate d) {
        return new Handoff.RunbookRef(r.id(), r.title(), r.meta().url(), d);
    }
}
