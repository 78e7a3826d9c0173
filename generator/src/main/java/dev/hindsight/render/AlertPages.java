package dev.hindsight.render;

import dev.hindsight.alerting.AlertCatalog;
import dev.hindsight.alerting.AlertCatalog.Alert;
import dev.hindsight.alerting.AlertCatalog.Coverage;
import dev.hindsight.alerting.AlertCatalog.Definition;
import dev.hindsight.alerting.AlertRule;
import dev.hindsight.alerting.AlertVerdict;
import dev.hindsight.alerting.RunbookStatus;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.text.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the alert pages show, made once per build from the build's {@link AlertCatalog}: the page of each alert a
 * rule file defines ({@link AlertPage}), the {@code alerts/} index with its coverage ({@link AlertIndex}), and the
 * "fired by" list of each runbook. An alert that no rule defines keeps its small redirect to its runbook
 * ({@link AlertView}). Immutable; every record here is public for the templates and compared by value
 * ({@link Fingerprint}) by the preview.
 */
public final class AlertPages {

    /** One rule defining an alert, as its page shows it; {@code editUrl} is "" without {@code repo.edit_url}. */
    public record RuleView(String file, int line, String editUrl, String group, String expr, String forDuration,
                           String severity, String summary, String description, String runbookUrl, String status,
                           String statusText, boolean gap) {
    }

    /** An incident the alert appeared in, with the postmortem's verdict ({@code unrated} when it gave none). */
    public record IncidentRow(Postmortem postmortem, String verdict, String note) {
    }

    /** How many incidents gave one verdict. */
    public record VerdictCount(String verdict, int count) {
    }

    /**
     * The page of an alert a rule defines.
     *
     * @param runbook the page its runbook URL leads to (else the runbook listing it); null when none
     * @param gap     whether whoever is paged by it finds no runbook (no URL, or a URL to no page)
     */
    public record AlertPage(String name, String segment, String severity, String summary, String description,
                            String team, Document runbook, boolean listedBack, boolean gap, String runbookUrl,
                            String statusText, List<RuleView> rules, List<IncidentRow> incidents,
                            List<VerdictCount> verdicts, int noise) {

        public AlertPage {
            rules = List.copyOf(rules);
            incidents = List.copyOf(incidents);
            verdicts = List.copyOf(verdicts);
        }

        public String path() {
            return "alerts/" + segment + "/index.html";
        }
    }

    /** One row of the {@code alerts/} index. {@code defined} is false for an alert only a runbook lists. */
    public record IndexRow(String name, String path, boolean defined, String severity, String team,
                           Document runbook, boolean gap, String statusText, int incidents, int noise, String file) {
    }

    /**
     * The {@code alerts/} index: how many of the alerts the rules define have a working runbook, the same by
     * rule file, severity and owning team (most gaps first), and every alert with a page: the gaps first, then
     * the noisiest, then the rest.
     */
    public record AlertIndex(boolean rulesConfigured, int defined, int covered, List<IndexRow> rows,
                             List<Coverage> byFile, List<Coverage> bySeverity, List<Coverage> byTeam) {
        public AlertIndex {
            rows = List.copyOf(rows);
            byFile = List.copyOf(byFile);
            bySeverity = List.copyOf(bySeverity);
            byTeam = List.copyOf(byTeam);
        }

        public int gaps() {
            return defined - covered;
        }
    }

    /** An alert a runbook handles, as the runbook's "Fired by" shows it. */
    public record FiredBy(String name, String path, String severity, String expr, String forDuration) {
    }

    private static final AlertPages NONE = new AlertPages(new AlertCatalog(Map.of(), false), f -> "");

    private final AlertCatalog catalog;
    private final List<AlertPage> pages;
    private final Map<String, AlertPage> byName;
    private final AlertIndex index;
    private final Map<String, List<FiredBy>> firedBy;

    private AlertPages(AlertCatalog catalog, Function<String, String> editUrl) {
        this.catalog = catalog;
        List<AlertPage> list = new ArrayList<>();
        Map<String, AlertPage> names = new HashMap<>();
        Map<String, List<FiredBy>> fired = new HashMap<>();
        for (Alert a : catalog.alerts().values()) {
            if (!a.defined()) {
                continue;
            }
            AlertPage p = page(a, editUrl);
            list.add(p);
            names.put(a.name(), p);
            Definition first = a.definitions().get(0);
            if (a.runbook() != null) {
                fired.computeIfAbsent(a.runbook().meta().sourcePath(), k -> new ArrayList<>())
                        .add(new FiredBy(a.name(), p.path(), a.severity(), first.rule().expr(),
                                first.rule().forDuration()));
            }
        }
        this.pages = List.copyOf(list);
        this.byName = Map.copyOf(names);
        fired.replaceAll((k, v) -> List.copyOf(v));
        this.firedBy = Map.copyOf(fired);
        this.index = index(catalog);
    }

    /** No alerts at all. */
    public static AlertPages none() {
        return NONE;
    }

    /** @param editUrl the edit link of a rule file, by its path from the site root ("" for none) */
    public static AlertPages of(AlertCatalog catalog, Function<String, String> editUrl) {
        return new AlertPages(Objects.requireNonNull(catalog, "catalog"), editUrl);
    }

    public AlertCatalog catalog() {
        return catalog;
    }

    /** The pages of the alerts a rule defines, by name. */
    public List<AlertPage> pages() {
        return pages;
    }

    /** Whether {@code name} has the page of a defined alert (else, if a runbook lists it, a redirect). */
    public boolean defined(String name) {
        return byName.containsKey(name);
    }

    public AlertIndex index() {
        return index;
    }

    /** The defined alerts whose runbook is {@code runbook}, by name. */
    public List<FiredBy> firedBy(Document runbook) {
        return runbook == null ? List.of() : firedBy.getOrDefault(runbook.meta().sourcePath(), List.of());
    }

    private static AlertPage page(Alert a, Function<String, String> editUrl) {
        List<RuleView> rules = new ArrayList<>();
        for (Definition d : a.definitions()) {
            AlertRule r = d.rule();
            rules.add(new RuleView(r.file(), r.at().displayLine(), editUrl.apply(r.file()), r.group(), r.expr(),
                    r.forDuration(), r.severity(), r.summary(), r.description(), r.runbookUrl(), d.status().label(),
                    statusText(d.status()), d.status().isGap()));
        }
        List<IncidentRow> incidents = a.incidents().stream()
                .map(i -> new IncidentRow(i.postmortem(), i.verdict().label(), i.note())).toList();
        List<VerdictCount> verdicts = new ArrayList<>();
        Map<AlertVerdict, Integer> counts = a.verdicts();
        for (AlertVerdict v : AlertVerdict.values()) {
            if (counts.get(v) > 0) {
                verdicts.add(new VerdictCount(v.label(), counts.get(v)));
            }
        }
        AlertRule first = a.definitions().get(0).rule();
        return new AlertPage(a.name(), Slugs.segment(a.name()), a.severity(), first.summary(), first.description(),
                a.team(), a.runbook(), a.listedBack(), a.isGap(), first.runbookUrl(),
                a.status().map(AlertPages::statusText).orElse(""), rules, incidents, verdicts, a.noise());
    }

    /** What a definition's runbook URL leads to, in words. */
    static String statusText(RunbookStatus s) {
        return switch (s) {
            case RESOLVED -> "leads to a page of this site";
            case NOT_FOUND -> "leads to no page of this site";
            case NO_URL -> "no runbook URL";
            case TEMPLATED -> "templated: leads to one of several pages";
            case EXTERNAL -> "leads outside this site";
        };
    }

    /** Gaps first, then the noisiest, then the rest; within each by noise, incidents, then name. */
    private static final Comparator<IndexRow> INDEX_ORDER = Comparator
            .comparingInt((IndexRow r) -> r.gap() ? 0 : r.noise() > 0 ? 1 : 2)
            .thenComparing(Comparator.comparingInt(IndexRow::noise).reversed())
            .thenComparing(Comparator.comparingInt(IndexRow::incidents).reversed())
            .thenComparing(IndexRow::name);

    private static AlertIndex index(AlertCatalog catalog) {
        List<IndexRow> rows = new ArrayList<>();
        int defined = 0;
        int covered = 0;
        for (Alert a : catalog.alerts().values()) {
            if (!a.defined() && a.runbook() == null) {
                continue; // only a postmortem names it: no page
            }
            if (a.defined()) {
                defined++;
                covered += a.isGap() ? 0 : 1;
            }
            rows.add(new IndexRow(a.name(), "alerts/" + Slugs.segment(a.name()) + "/index.html", a.defined(),
                    a.severity(), a.team(), a.runbook(), a.isGap(), a.status().map(AlertPages::statusText).orElse(""),
                    a.incidents().size(), a.noise(), a.defined() ? a.definitions().get(0).rule().file() : ""));
        }
        rows.sort(INDEX_ORDER);
        return new AlertIndex(catalog.rulesConfigured(), defined, covered, rows, catalog.byFile(),
                catalog.bySeverity(), catalog.byTeam());
    }
}
