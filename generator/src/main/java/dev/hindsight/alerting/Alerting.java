package dev.hindsight.alerting;

import dev.hindsight.alerting.AlertCatalog.Alert;
import dev.hindsight.alerting.AlertCatalog.Definition;
import dev.hindsight.config.AlertingSettings;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alert rules joined with runbooks: {@link #catalog} reads the rule files {@code alerting.rules} names and maps
 * each runbook URL to the site's pages; {@link #check} reports what whoever is paged would trip over (rule ids
 * in {@link #RULES}, severities configurable under {@code rules:} like every other rule).
 */
public final class Alerting {

    /** The rules this stage reports, in the order of the README's table. */
    public static final List<RuleInfo> RULES = List.of(RuleInfo.ALERT_RULE_FILE, RuleInfo.ALERT_NO_RUNBOOK,
            RuleInfo.ALERT_RUNBOOK_MISSING, RuleInfo.ALERT_UNDEFINED, RuleInfo.ALERT_NOT_LISTED,
            RuleInfo.ALERT_RUNBOOK_CONFLICT);

    private Alerting() {
    }

    /** The ids of {@link #RULES}. */
    public static List<String> ruleIds() {
        return RULES.stream().map(RuleInfo::id).toList();
    }

    /**
     * The alerts of the site at {@code root}: rule files read (problems in them reported to {@code out} under
     * {@code alert-rule-file}), runbook URLs resolved, runbooks' and postmortems' {@code alerts:} joined.
     */
    public static AlertCatalog catalog(SiteConfig config, Path root, KnowledgeBase kb, Diagnostics out) {
        Rules rules = read(config, root);
        out.addAll(rules.problems());
        return catalog(config, rules, kb);
    }

    /**
     * The alerting rules of the files {@code alerting.rules} names, read once per build: what the checks, the
     * pages and {@code api/alerts.json} are all made from. {@code problems} are the {@code alert-rule-file}
     * diagnostics of reading them, before the site's rule settings ({@link #check} applies those).
     */
    public record Rules(List<AlertRule> rules, List<Diagnostic> problems) {
        public Rules {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }

        /** No rule files: {@code alerting.rules} not set. */
        public static Rules none() {
            return new Rules(List.of(), List.of());
        }
    }

    /** Reads the rule files {@code alerting.rules} names (none when it is not set). */
    public static Rules read(SiteConfig config, Path root) {
        AlertingSettings settings = config.alerting();
        if (!settings.enabled()) {
            return Rules.none();
        }
        Diagnostics out = new Diagnostics();
        List<AlertRule> rules = RuleFiles.read(root, settings, config.limits().maxFileSize(), new YamlReader(), out);
        return new Rules(rules, out.sorted());
    }

    /** The alerts of {@code kb} joined with rules already read: no file is read. */
    public static AlertCatalog catalog(SiteConfig config, Rules rules, KnowledgeBase kb) {
        return join(config.alerting(), config.baseUrl(), rules.rules(), kb);
    }

    /** Pure: joins already read rules with the knowledge base. */
    static AlertCatalog join(AlertingSettings settings, String baseUrl, List<AlertRule> rules, KnowledgeBase kb) {
        RunbookUrls urls = new RunbookUrls(settings, baseUrl, kb);
        Map<String, List<Definition>> defs = new LinkedHashMap<>();
        for (AlertRule r : rules) {
            RunbookUrls.Resolution res = urls.resolve(r.runbookUrl(), r.name(), r.labels());
            defs.computeIfAbsent(r.name(), k -> new ArrayList<>())
                    .add(new Definition(r, res.status(), res.page(), res.expectedPath()));
        }
        Map<String, Runbook> listing = new HashMap<>();
        for (Runbook rb : kb.runbooks()) {
            rb.alerts().forEach(a -> listing.putIfAbsent(a, rb));
        }
        Map<String, List<IncidentAlert>> incidents = new HashMap<>();
        for (Postmortem p : kb.postmortems()) {
            IncidentAlert.of(p).forEach(i -> incidents.computeIfAbsent(i.alert(), k -> new ArrayList<>()).add(i));
        }
        Set<String> names = new TreeSet<>(defs.keySet());
        names.addAll(listing.keySet());
        names.addAll(incidents.keySet());
        Map<String, Alert> alerts = new LinkedHashMap<>();
        for (String name : names) {
            List<Definition> d = defs.getOrDefault(name, List.of());
            Document runbook = d.stream().map(Definition::page).filter(p -> p != null).findFirst()
                    .orElse(listing.get(name));
            boolean listed = runbook instanceof Runbook rb && rb.alerts().contains(name);
            alerts.put(name, new Alert(name, d, runbook, listed, incidents.getOrDefault(name, List.of())));
        }
        return new AlertCatalog(alerts, settings.enabled());
    }

    /**
     * Reads the rule files and reports: alerts without a runbook URL, URLs that lead to no page, runbooks that
     * do not list the alert leading to them, alerts a runbook lists that no rule defines, and alerts defined
     * twice with different runbooks. Nothing when {@code alerting.rules} is not set.
     */
    public static void check(SiteConfig config, Path root, KnowledgeBase kb, Diagnostics diagnostics) {
        check(config, read(config, root), kb, diagnostics);
    }

    /**
     * As {@link #check(SiteConfig, Path, KnowledgeBase, Diagnostics)} with the rule files already read; returns
     * the catalog it checked, for the pages and the API of the same build.
     */
    public static AlertCatalog check(SiteConfig config, Rules rules, KnowledgeBase kb, Diagnostics diagnostics) {
        AlertingSettings settings = config.alerting();
        AlertCatalog catalog = catalog(config, rules, kb);
        if (!settings.enabled()) {
            return catalog;
        }
        Report out = new Report(config, diagnostics);
        rules.problems().forEach(d -> out.regraded(d));
        Set<String> pageLevels = new TreeSet<>();
        settings.pageSeverities().forEach(s -> pageLevels.add(s.toLowerCase(Locale.ROOT)));
        Set<String> notListed = new LinkedHashSet<>();
        for (Alert a : catalog.alerts().values()) {
            for (Definition d : a.definitions()) {
                AlertRule r = d.rule();
                switch (d.status()) {
                    case NO_URL -> {
                        boolean pages = pageLevels.contains(r.severity().toLowerCase(Locale.ROOT));
                        String sev = r.severity().isEmpty() ? " (no `severity` label)"
                                : " (severity `" + r.severity() + "`)";
                        out.report(RuleInfo.ALERT_NO_RUNBOOK, pages ? null : Severity.WARNING, r.at(),
                                "alert `" + r.name() + "`" + sev + " has no `" + settings.annotation() + "` annotation",
                                "add `annotations." + settings.annotation() + "` with the address of its runbook");
                    }
                    case NOT_FOUND -> out.report(RuleInfo.ALERT_RUNBOOK_MISSING, null, r.runbookAt(),
                            "runbook URL of alert `" + r.name() + "` leads to no page of this site: `"
                                    + r.runbookUrl() + "`",
                            d.expectedPath().isEmpty() ? "no page fits the fixed parts of the templated URL"
                                    : "expected the runbook at `" + d.expectedPath() + "`"
                                    + (settings.lowercase() ? " (any case)" : ""));
                    case RESOLVED -> {
                        if (d.page() instanceof Runbook rb && !rb.alerts().contains(r.name())
                                && notListed.add(rb.meta().sourcePath() + "\n" + r.name())) {
                            FrontMatter fm = rb.meta().source().frontMatter();
                            out.report(RuleInfo.ALERT_NOT_LISTED, null, fm.positionOf("/alerts"),
                                    "alert `" + r.name() + "` (" + r.at() + ") leads here, but this runbook does not "
                                            + "list it under `alerts:`", "add `" + r.name() + "` to `alerts:`");
                        }
                    }
                    default -> {
                    }
                }
            }
            conflicts(a, out);
        }
        if (catalog.alerts().values().stream().noneMatch(Alert::defined)) {
            return catalog; // nothing was read: every listed alert would be "undefined"
        }
        for (Runbook rb : kb.runbooks()) {
            FrontMatter fm = rb.meta().source().frontMatter();
            for (int i = 0; i < rb.alerts().size(); i++) {
                String name = rb.alerts().get(i);
                if (catalog.alert(name).map(Alert::defined).orElse(false)) {
                    continue;
                }
                Position at = fm.valuePositionOf(fm.root().at("/alerts").isArray() ? "/alerts/" + i : "/alerts");
                out.report(RuleInfo.ALERT_UNDEFINED, null, at,
                        "runbook lists alert `" + name + "`, which no alert rule defines",
                        "rename it to the alert's current name, or remove it");
            }
        }
        return catalog;
    }

    /** Definitions of one alert whose runbook URLs lead to different places than the first one's. */
    private static void conflicts(Alert a, Report out) {
        Definition first = null;
        String firstKey = null;
        for (Definition d : a.definitions()) {
            String key = d.page() != null ? "page " + d.page().meta().sourcePath()
                    : d.rule().runbookUrl().isEmpty() ? null : "url " + d.rule().runbookUrl();
            if (key == null) {
                continue;
            }
            if (first == null) {
                first = d;
                firstKey = key;
            } else if (!key.equals(firstKey)) {
                out.report(RuleInfo.ALERT_RUNBOOK_CONFLICT, null, d.rule().runbookAt(),
                        "alert `" + a.name() + "` is defined again with another runbook (`" + d.rule().runbookUrl()
                                + "`) than at " + first.rule().at() + " (`" + first.rule().runbookUrl() + "`)",
                        "give every definition of `" + a.name() + "` the same runbook URL");
            }
        }
    }

    /** Reports at the severity the site set for each rule; {@code cap} lowers it further (never raises). */
    private record Report(SiteConfig config, Diagnostics out) {

        void report(RuleInfo rule, Severity cap, Position at, String message, String hint) {
            Optional<Severity> s = config.validation().severityOf(rule.id(), rule.defaultSeverity());
            s.ifPresent(sev -> out.add(new Diagnostic(cap != null && sev.atLeast(cap) ? cap : sev, rule.id(), at,
                    message, hint)));
        }

        /** A problem found while reading the rule files, at the severity the site set (a warning stays one). */
        void regraded(Diagnostic d) {
            if (!d.ruleId().equals(RuleInfo.ALERT_RULE_FILE.id())) {
                out.add(d);
                return;
            }
            Severity cap = d.severity() == Severity.ERROR ? null : d.severity();
            report(RuleInfo.ALERT_RULE_FILE, cap, d.position(), d.message(), d.hint());
        }
    }
}
