package dev.hindsight.render;

import dev.hindsight.alerting.AlertCatalog;
import dev.hindsight.alerting.Alerting;
import dev.hindsight.config.ContributingFactor;
import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.learning.Completion;
import dev.hindsight.learning.Distribution;
import dev.hindsight.learning.FactorIncidents;
import dev.hindsight.learning.Handoff;
import dev.hindsight.learning.ImpactFigures;
import dev.hindsight.learning.IncidentRef;
import dev.hindsight.learning.Learning;
import dev.hindsight.learning.Pattern;
import dev.hindsight.learning.Predecessor;
import dev.hindsight.learning.RunbookUsage;
import dev.hindsight.learning.Tickets;
import dev.hindsight.learning.TrackedAction;
import dev.hindsight.learning.UsageLedger;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.text.Slugs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What the learning pages show (patterns, factor pages, the on-call handoff, the distributions of the
 * metrics page, runbook usage, the tracker's objectives and ticket statuses), from one {@link Learning}
 * per build: worked out on first use, from the published knowledge base, the service catalog, the
 * reference date and the ticket export. The same {@link Learning} gives the JSON API
 * ({@link ApiFiles#learningFiles}). Immutable once made; a preview's next view gets its own
 * ({@link #next}).
 */
public final class LearningViews {

    /** The published documents: made on first use (a preview's update may never need them). */
    private final Once<KnowledgeBase> kb;
    private final ServiceCatalog catalog;
    private final SiteConfig config;
    private final Tickets tickets;
    /** The site root, for the alert rule files; null when unknown (no noisy alerts then). */
    private final Path root;
    private final Once<Learning> learning;
    private final Once<Indexes> indexes;
    private final Once<AlertCatalog> alerts;

    private final dev.hindsight.git.GitHistory git;
    private final LocalDate today;

    private LearningViews(Supplier<KnowledgeBase> kb, dev.hindsight.git.GitHistory git, LocalDate today,
                          ServiceCatalog catalog, SiteConfig config, Tickets tickets, Path root) {
        this.kb = new Once<>(kb);
        this.git = git;
        this.today = today;
        this.catalog = catalog;
        this.config = config;
        this.tickets = tickets;
        this.root = root;
        this.learning = new Once<>(() -> Learning.of(this.kb.get(), config, catalog, today, tickets));
        this.indexes = new Once<>(() -> Indexes.of(learning.get()));
        this.alerts = new Once<>(() -> root == null ? null
                : Alerting.catalog(config, root, this.kb.get(), new Diagnostics())); // the rule files' problems are check's
    }

    /**
     * The learning of {@code kb}, with the ticket export {@code tickets.export} names read from under
     * {@code root} (none when it is not set, cannot be read, or {@code root} is null: {@code check}
     * reports why).
     */
    public static LearningViews of(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config, Path root) {
        String export = config.learning().ticketExport();
        Tickets tickets = root == null || export.isEmpty() ? Tickets.none() : Tickets.load(root, export);
        return new LearningViews(() -> kb, kb.git(), kb.referenceDate().orElse(null), catalog, config, tickets,
                root);
    }

    /** The same settings for another set of documents (a preview's update): worked out again on first use. */
    LearningViews next(List<? extends Document> documents) {
        List<Document> docs = List.copyOf(documents);
        return new LearningViews(() -> new KnowledgeBase(docs, git, today, config.git().freshnessFallback()), git,
                today, catalog, config, tickets, root);
    }

    /** Everything, for the JSON API. */
    public Learning data() {
        return learning.get();
    }

    // ---- patterns and predecessors ------------------------------------------------------------

    /** The patterns, the one with the newest incident first, each incident with what the page shows of it. */
    public List<PatternView> patterns() {
        return indexes.get().patterns;
    }

    /**
     * A pattern as its page shows it: each incident (newest first) with the earlier incidents it recurs from
     * and, for all but the newest, its action items, those possibly ineffective marked.
     */
    public record PatternView(Pattern pattern, List<PatternIncident> incidents) {
        public PatternView {
            incidents = List.copyOf(incidents);
        }
    }

    public record PatternIncident(IncidentRef incident, List<Predecessor> predecessors, List<PatternAction> actions) {
        public PatternIncident {
            predecessors = List.copyOf(predecessors);
            actions = List.copyOf(actions);
        }
    }

    /** An action item of an earlier incident of a pattern; {@code ineffective} when its factor recurred after it. */
    public record PatternAction(dev.hindsight.model.ActionItem item, boolean ineffective) {
    }

    /** The earlier incidents a postmortem recurs from, newest first. */
    public List<Predecessor> predecessors(Postmortem p) {
        return indexes.get().predecessors.getOrDefault(p.meta().url(), List.of());
    }

    // ---- factors -------------------------------------------------------------------------------

    /** The taxonomy, for the pages made per factor: from the settings alone. */
    public List<ContributingFactor> taxonomy() {
        return config.learning().factors();
    }

    /** The page of a factor: {@code factors/<slug>/index.html}. */
    public static String factorPath(String id) {
        return "factors/" + Slugs.slug(id) + "/index.html";
    }

    /** A factor's label in the taxonomy, else the id as written. */
    public String factorLabel(String id) {
        return config.learning().factor(id).map(ContributingFactor::label).orElse(id);
    }

    public List<FactorIncidents> factors() {
        return data().factors();
    }

    /**
     * One factor with its incidents and their count per quarter, from the quarter of the site's first
     * factor-tagged incident to that of its last (so that every factor page has the same axis).
     */
    public FactorView factor(String id) {
        FactorIncidents f = data().factors().stream().filter(x -> x.factor().id().equals(id)).findFirst()
                .orElse(new FactorIncidents(config.learning().factor(id).orElse(new ContributingFactor(id, id, "")),
                        List.of()));
        List<String> quarters = indexes.get().quarters;
        Map<String, Integer> counts = new HashMap<>();
        int undated = 0;
        for (IncidentRef r : f.incidents()) {
            if (r.date() == null) {
                undated++;
            } else {
                counts.merge(quarter(r.date()), 1, Integer::sum);
            }
        }
        List<QuarterCount> perQuarter = new ArrayList<>();
        Double[][] values = new Double[quarters.size()][1];
        for (int i = 0; i < quarters.size(); i++) {
            int n = counts.getOrDefault(quarters.get(i), 0);
            perQuarter.add(new QuarterCount(quarters.get(i), n));
            values[i][0] = (double) n;
        }
        String svg = f.incidents().size() == undated ? "" : SvgCharts.bars(new SvgCharts.Spec("factor-chart",
                "Incidents with contributing factor " + f.factor().label() + " per quarter",
                "Bar chart: " + String.join(", ", perQuarter.stream().map(q -> q.quarter() + ": " + q.count())
                        .toList()) + ".",
                quarters, List.of(new SvgCharts.Series("Incidents", "median")), values, false, 0,
                v -> SvgCharts.num(v).replace(".0", ""), v -> Integer.toString((int) v),
                v -> v > 0 ? Integer.toString((int) v) : ""));
        return new FactorView(f.factor(), f.incidents(), perQuarter, undated, svg);
    }

    /** A factor with its incidents (newest first), their count per quarter and the chart of those counts. */
    public record FactorView(ContributingFactor factor, List<IncidentRef> incidents, List<QuarterCount> quarters,
                             int undated, String svg) {
        public FactorView {
            incidents = List.copyOf(incidents);
            quarters = List.copyOf(quarters);
        }
    }

    public record QuarterCount(String quarter, int count) {
    }

    // ---- on-call --------------------------------------------------------------------------------

    /** The teams that own a service of the catalog, by name: one handoff page each. From the catalog alone. */
    public List<String> teams() {
        TreeSet<String> out = new TreeSet<>();
        for (Service s : catalog.services()) {
            if (!s.owner().isBlank()) {
                out.add(s.owner());
            }
        }
        return List.copyOf(out);
    }

    /** The page of a team's handoff: {@code oncall/<slug>/index.html}. */
    public static String teamPath(String team) {
        return "oncall/" + Slugs.slug(team) + "/index.html";
    }

    /** A team's handoff with its noisy alerts; null for a team that owns no service. */
    public OncallView oncall(String team) {
        Handoff h = data().handoffs().stream().filter(x -> x.team().equals(team)).findFirst().orElse(null);
        if (h == null) {
            return null;
        }
        List<NoisyAlert> noisy = new ArrayList<>();
        AlertCatalog alertCatalog = alerts.get();
        if (alertCatalog != null) {
            for (AlertCatalog.Alert a : alertCatalog.noisiest()) {
                if (a.noise() > 0 && concerns(a, team, h.services())) {
                    Runbook rb = a.runbook() instanceof Runbook r ? r : null;
                    noisy.add(new NoisyAlert(a.name(), a.noise(), a.incidents().size(),
                            rb == null ? "" : rb.title(), rb == null ? "" : rb.meta().url()));
                }
            }
        }
        return new OncallView(team, h, noisy);
    }

    private static boolean concerns(AlertCatalog.Alert a, String team, List<String> services) {
        if (a.team().equals(team) || a.runbook() instanceof Runbook rb && services.contains(rb.service())) {
            return true;
        }
        return a.incidents().stream().anyMatch(i -> i.postmortem().services().stream().anyMatch(services::contains));
    }

    /** What the engineer starting a team's rotation should know. */
    public record OncallView(String team, Handoff handoff, List<NoisyAlert> noisyAlerts) {
        public OncallView {
            noisyAlerts = List.copyOf(noisyAlerts);
        }
    }

    /**
     * An alert of the team's that fired in incidents where nobody needed to act: {@code noise} of its
     * {@code incidents} were rated false positive or not actionable. {@code runbookUrl} is a page path or "".
     */
    public record NoisyAlert(String name, int noise, int incidents, String runbookTitle, String runbookUrl) {
    }

    // ---- runbooks and action items -------------------------------------------------------------

    /** The incidents a runbook was used in (possibly none). */
    public RunbookUsage usage(Runbook r) {
        RunbookUsage u = indexes.get().usage.get(r.id());
        return u != null ? u : new RunbookUsage(r.id(), r.title(), r.meta().url(), List.of(), null);
    }

    public UsageLedger ledger() {
        return data().runbookUsage();
    }

    /** An action item as tracked (priority objective, days late, the ticket's status), or null. */
    public TrackedAction tracking(Postmortem p, int line) {
        return indexes.get().tracked.get(p.meta().url() + "#" + line);
    }

    // ---- metrics --------------------------------------------------------------------------------

    /** The distributions, impact and completion of the metrics page. */
    public LearningMetrics metrics() {
        return indexes.get().metrics;
    }

    /**
     * @param minForPercentiles fewer values than this show the values rather than percentiles
     * @param bySeverity        TTD/TTA/TTM/TTR per severity and quarter
     * @param byService         the same per service
     */
    public record LearningMetrics(int minForPercentiles, List<DistributionRow> bySeverity,
                                  List<DistributionRow> byService, List<ImpactFigures> impact,
                                  List<Completion> completion) {
        public LearningMetrics {
            bySeverity = List.copyOf(bySeverity);
            byService = List.copyOf(byService);
            impact = List.copyOf(impact);
            completion = List.copyOf(completion);
        }
    }

    /**
     * One row of a distribution table: a group (severity or service) and quarter, with each metric's
     * distribution (null when no incident of the group and quarter has that figure).
     */
    public record DistributionRow(String group, String quarter, Distribution ttd, Distribution tta,
                                  Distribution ttm, Distribution ttr) {
        public List<Distribution> metrics() {
            List<Distribution> out = new ArrayList<>(4);
            out.add(ttd);
            out.add(tta);
            out.add(ttm);
            out.add(ttr);
            return java.util.Collections.unmodifiableList(out);
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** Lookups made once per learning. */
    private record Indexes(Map<String, List<Predecessor>> predecessors, Map<String, RunbookUsage> usage,
                           Map<String, TrackedAction> tracked, List<String> quarters, LearningMetrics metrics,
                           List<PatternView> patterns) {

        static Indexes of(Learning l) {
            Map<String, List<Predecessor>> preds = new HashMap<>();
            Map<String, String> urlOf = new HashMap<>();
            Map<String, TrackedAction> tracked = new HashMap<>();
            for (TrackedAction t : l.actions()) {
                tracked.putIfAbsent(t.postmortem().url() + "#" + t.item().line(), t);
                urlOf.putIfAbsent(t.postmortem().id(), t.postmortem().url());
            }
            for (FactorIncidents f : l.factors()) {
                f.incidents().forEach(r -> urlOf.putIfAbsent(r.id(), r.url()));
            }
            for (Pattern p : l.patterns()) {
                p.incidents().forEach(r -> urlOf.putIfAbsent(r.id(), r.url()));
            }
            // Predecessors are keyed by postmortem id; a page asks by its own path.
            l.predecessors().forEach((id, list) -> preds.put(urlOf.getOrDefault(id, id), list));
            Map<String, RunbookUsage> usage = new HashMap<>();
            l.runbookUsage().used().forEach(u -> usage.putIfAbsent(u.runbookId(), u));
            l.runbookUsage().neverUsed().forEach(u -> usage.putIfAbsent(u.runbookId(), u));
            LocalDate first = null;
            LocalDate last = null;
            for (FactorIncidents f : l.factors()) {
                for (IncidentRef r : f.incidents()) {
                    if (r.date() != null) {
                        first = first == null || r.date().isBefore(first) ? r.date() : first;
                        last = last == null || r.date().isAfter(last) ? r.date() : last;
                    }
                }
            }
            List<String> quarters = new ArrayList<>();
            if (first != null) {
                for (LocalDate d = first.withDayOfMonth(1).withMonth((first.getMonthValue() - 1) / 3 * 3 + 1);
                     !d.isAfter(last); d = d.plusMonths(3)) {
                    quarters.add(quarter(d));
                }
            }
            Map<String, List<dev.hindsight.model.ActionItem>> items = new HashMap<>();
            for (TrackedAction t : l.actions()) {
                items.computeIfAbsent(t.postmortem().url(), k -> new ArrayList<>()).add(t.item());
            }
            List<PatternView> patterns = new ArrayList<>();
            for (Pattern p : l.patterns()) {
                java.util.Set<String> flagged = new java.util.HashSet<>();
                p.ineffective().forEach(x -> flagged.add(x.postmortem().url() + "#" + x.item().line()));
                List<PatternIncident> incidents = new ArrayList<>();
                for (int i = 0; i < p.incidents().size(); i++) {
                    IncidentRef r = p.incidents().get(i);
                    List<PatternAction> actions = new ArrayList<>();
                    if (i > 0) {
                        for (dev.hindsight.model.ActionItem a : items.getOrDefault(r.url(), List.of())) {
                            actions.add(new PatternAction(a, flagged.contains(r.url() + "#" + a.line())));
                        }
                    }
                    incidents.add(new PatternIncident(r, preds.getOrDefault(r.url(), List.of()), actions));
                }
                patterns.add(new PatternView(p, incidents));
            }
            return new Indexes(preds, usage, tracked, List.copyOf(quarters), metrics(l), List.copyOf(patterns));
        }

        private static LearningMetrics metrics(Learning l) {
            return new LearningMetrics(Distribution.MIN_FOR_PERCENTILES, rows(l, "severity"), rows(l, "service"),
                    l.impact(), l.completion());
        }

        /** One row per group and quarter (groups by name, quarters newest first). */
        private static List<DistributionRow> rows(Learning l, String by) {
            java.util.TreeMap<String, Distribution[]> cells = new java.util.TreeMap<>();
            for (Distribution d : l.distributions()) {
                if (!d.by().equals(by)) {
                    continue;
                }
                String key = d.group().toLowerCase(Locale.ROOT) + "\u0000" + d.group() + "\u0000"
                        + invert(d.quarter());
                Distribution[] c = cells.computeIfAbsent(key, k -> new Distribution[4]);
                c[List.of("ttd", "tta", "ttm", "ttr").indexOf(d.metric())] = d;
            }
            List<DistributionRow> out = new ArrayList<>();
            cells.forEach((k, c) -> {
                Distribution any = c[0] != null ? c[0] : c[1] != null ? c[1] : c[2] != null ? c[2] : c[3];
                out.add(new DistributionRow(any.group(), any.quarter(), c[0], c[1], c[2], c[3]));
            });
            return out;
        }

        /** Sorts quarters newest first within a group. */
        private static String invert(String quarter) {
            StringBuilder b = new StringBuilder();
            for (char ch : quarter.toCharArray()) {
                b.append(Character.isDigit(ch) ? (char) ('9' - (ch - '0')) : ch);
            }
            return b.toString();
        }
    }

    /** A value worked out once, on first use, by whichever rendering thread asks first. */
    private static final class Once<T> {
        private Supplier<T> supplier;
        private volatile boolean done;
        private T value;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            if (!done) {
                synchronized (this) {
                    if (!done) {
                        value = supplier.get();
                        supplier = null;
                        done = true;
                    }
                }
            }
            return value;
        }
    }
}
