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
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
        List<Postmortem> pms = newestFirst(kb);
        Links links = links(pms, s.recurrenceDays());
        Map<String, String> teamOf = new LinkedHashMap<>();
        for (Service svc : catalog.services()) {
            if (!svc.owner().isBlank()) {
                teamOf.put(svc.id(), svc.owner());
            }
        }
        Set<String> teams = new HashSet<>(teamOf.values());
        List<TrackedAction> actions = new ArrayList<>();
        List<TrackedAction> ideas = new ArrayList<>();
        for (Postmortem p : pms) {
            for (ActionItem a : p.actionItems()) {
                actions.add(tracked(p, a, teamOf, teams, s, today, tickets));
            }
            for (ActionItem a : p.ideas()) {
                ideas.add(new TrackedAction(IncidentRef.of(p), a, team(p, a, teamOf, teams), false, null, null,
                        null));
            }
        }
        return new Learning(factors(pms, s), patterns(pms, links), predecessors(pms, links), actions, ideas,
                completion(actions), ledger(kb, pms), distributions(pms), impact(pms),
                handoffs(kb, config, pms, actions, teamOf, today));
    }

    /**
     * Only the recurrence links of {@link #of}: its {@link #patterns} and {@link #predecessors}, equal to those
     * of a full {@code of} on the same knowledge base and settings (they depend on neither "today" nor tickets).
     */
    public static Recurrence recurrence(KnowledgeBase kb, SiteConfig config) {
        List<Postmortem> pms = newestFirst(kb);
        Links links = links(pms, config.learning().recurrenceDays());
        return new Recurrence(patterns(pms, links), predecessors(pms, links));
    }

    private static List<Postmortem> newestFirst(KnowledgeBase kb) {
        List<Postmortem> pms = new ArrayList<>(kb.postmortems());
        pms.sort(Comparator.comparing(IncidentRef::of, IncidentRef.NEWEST_FIRST));
        return pms;
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
     * contributing factor or an alert. Edges come in the order of {@code pms}: by the later incident, then by
     * the earlier one. Only incidents that share a service and fall within the window are compared: each
     * service's dated incidents are sorted by day once, and a binary search finds the window's start.
     */
    static Links links(List<Postmortem> pms, int window) {
        int n = pms.size();
        long[] day = new long[n];
        boolean[] dated = new boolean[n];
        Map<String, List<Integer>> byService = new HashMap<>();
        for (int i = 0; i < n; i++) {
            LocalDate d = IncidentRef.dateOf(pms.get(i));
            if (d == null) {
                continue;
            }
            dated[i] = true;
            day[i] = d.toEpochDay();
            for (String svc : pms.get(i).services()) {
                List<Integer> bucket = byService.computeIfAbsent(svc, k -> new ArrayList<>());
                if (bucket.isEmpty() || bucket.get(bucket.size() - 1) != i) {
                    bucket.add(i);
                }
            }
        }
        Map<String, int[]> sorted = new HashMap<>();
        byService.forEach((svc, bucket) -> sorted.put(svc, bucket.stream()
                .sorted(Comparator.comparingLong((Integer j) -> day[j])).mapToInt(Integer::intValue).toArray()));
        List<Edge> edges = new ArrayList<>();
        int[] seen = new int[n];
        java.util.Arrays.fill(seen, -1);
        int[] candidates = new int[n];
        for (int i = 0; i < n; i++) {
            if (!dated[i] || window < 0) {
                continue;
            }
            Postmortem later = pms.get(i);
            long from = day[i] - window;
            int count = 0;
            for (String svc : later.services()) {
                int[] bucket = sorted.get(svc);
                for (int k = firstFrom(bucket, day, from); k < bucket.length && day[bucket[k]] <= day[i]; k++) {
                    int j = bucket[k];
                    if (j != i && seen[j] != i) {
                        seen[j] = i;
                        candidates[count++] = j;
                    }
                }
            }
            java.util.Arrays.sort(candidates, 0, count);
            for (int c = 0; c < count; c++) {
                int j = candidates[c];
                Postmortem earlier = pms.get(j);
                if (!(day[j] < day[i] || day[j] == day[i] && earlier.id().compareTo(later.id()) < 0)) {
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

    /** The first index of {@code bucket} (sorted by day) whose day is at least {@code from}. */
    private static int firstFrom(int[] bucket, long[] day, long from) {
        int lo = 0;
        int hi = bucket.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (day[bucket[mid]] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<String> shared(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        TreeSet<String> out = new TreeSet<>(a);
        out.retainAll(new java.util.HashSet<>(b));
        return List.copyOf(out);
    }

    /** The edges of {@code links} by their later incident, each list in the order of the edges. */
    private static Map<Postmortem, List<Edge>> byLater(Links links) {
        Map<Postmortem, List<Edge>> out = new IdentityHashMap<>();
        for (Edge e : links.edges()) {
            out.computeIfAbsent(e.later(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static Map<String, List<Predecessor>> predecessors(List<Postmortem> newestFirst, Links links) {
        Map<Postmortem, List<Edge>> byLater = byLater(links);
        Map<String, List<Predecessor>> out = new LinkedHashMap<>();
        for (Postmortem p : newestFirst) {
            List<Predecessor> list = new ArrayList<>();
            for (Edge e : byLater.getOrDefault(p, List.of())) {
                list.add(new Predecessor(IncidentRef.of(e.earlier()),
                        ChronoUnit.DAYS.between(IncidentRef.dateOf(e.earlier()), IncidentRef.dateOf(p)),
                        e.services(), e.factors(), e.alerts(), e.earlier().actionItems()));
            }
            list.sort(Comparator.comparing(Predecessor::incident, IncidentRef.NEWEST_FIRST));
            if (!list.isEmpty()) {
                out.put(p.id(), list);
            }
        }
        return out;
    }

    /**
     * The connected groups of linked incidents, each newest first; the group with the newest incident first.
     * A group is named by the position of its newest member (union-find, the smaller root wins).
     */
    private static List<Pattern> patterns(List<Postmortem> newestFirst, Links links) {
        Map<Postmortem, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            index.put(newestFirst.get(i), i);
        }
        int[] parent = new int[newestFirst.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Edge e : links.edges()) {
            int a = root(parent, index.get(e.earlier()));
            int b = root(parent, index.get(e.later()));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        TreeMap<Integer, List<Postmortem>> byGroup = new TreeMap<>();
        for (Postmortem p : newestFirst) {
            byGroup.computeIfAbsent(root(parent, index.get(p)), k -> new ArrayList<>()).add(p);
        }
        Map<Integer, List<Edge>> edgesOf = new HashMap<>();
        for (Edge e : links.edges()) {
            edgesOf.computeIfAbsent(root(parent, index.get(e.later())), k -> new ArrayList<>()).add(e);
        }
        List<Pattern> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Postmortem>> group : byGroup.entrySet()) {
            List<Postmortem> members = group.getValue();
            if (members.size() < 2) {
                continue;
            }
            TreeSet<String> services = new TreeSet<>();
            TreeSet<String> factors = new TreeSet<>();
            TreeSet<String> alerts = new TreeSet<>();
            List<IneffectiveAction> ineffective = new ArrayList<>();
            for (Edge e : edgesOf.getOrDefault(group.getKey(), List.of())) {
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

    /** The root of {@code i}, halving the path on the way. */
    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    // ---- action items ---------------------------------------------------------------------------

    /** The owner when it is a team of the catalog, else the team of the first owned service, else the owner. */
    private static String team(Postmortem p, ActionItem a, Map<String, String> teamOf, Set<String> teams) {
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

    private static TrackedAction tracked(Postmortem p, ActionItem a, Map<String, String> teamOf, Set<String> teams,
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
        return new TrackedAction(IncidentRef.of(p), a, team(p, a, teamOf, teams),
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

    private static final java.util.regex.Pattern QUERY_OR_FRAGMENT = java.util.regex.Pattern.compile("[#?].*$");
    private static final java.util.regex.Pattern SCHEME =
            java.util.regex.Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    /** The source path a relative link names: {@code x.md}, {@code x/}, {@code x/index.html}. */
    private static Optional<String> resolve(String dir, String url) {
        String u = QUERY_OR_FRAGMENT.matcher(url).replaceAll("");
        if (u.isEmpty() || SCHEME.matcher(u).matches() || u.startsWith("/")) {
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
        // Indexed once by team, each list in its source's order: incidents (newest first) touching a service of
        // the team, runbooks for a service of the team or owned by it, action items assigned to it.
        Map<String, List<Postmortem>> incidentsOf = new HashMap<>();
        for (Postmortem p : newestFirst) {
            Set<String> teams = new HashSet<>();
            for (String svc : p.services()) {
                String team = teamOf.get(svc);
                if (team != null && teams.add(team)) {
                    incidentsOf.computeIfAbsent(team, k -> new ArrayList<>()).add(p);
                }
            }
        }
        Map<String, List<Runbook>> runbooksOf = new HashMap<>();
        for (Runbook r : kb.runbooks()) {
            String serviceTeam = teamOf.get(r.service());
            if (serviceTeam != null) {
                runbooksOf.computeIfAbsent(serviceTeam, k -> new ArrayList<>()).add(r);
            }
            if (r.owner() != null && !r.owner().equals(serviceTeam)) {
                runbooksOf.computeIfAbsent(r.owner(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, List<TrackedAction>> actionsOf = new HashMap<>();
        for (TrackedAction a : actions) {
            actionsOf.computeIfAbsent(a.team(), k -> new ArrayList<>()).add(a);
        }
        List<Handoff> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : services.entrySet()) {
            String team = e.getKey();
            List<String> svcs = e.getValue();
            List<IncidentRef> recent = today == null ? List.of() : incidentsOf.getOrDefault(team, List.of()).stream()
                    .map(IncidentRef::of)
                    .filter(r -> r.date() != null && !r.date().isAfter(today)
                            && ChronoUnit.DAYS.between(r.date(), today) <= days)
                    .toList();
            List<Runbook> own = runbooksOf.getOrDefault(team, List.of());
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
            List<TrackedAction> mine = actionsOf.getOrDefault(team, List.of()).stream().filter(a -> a.item().isOpen())
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
