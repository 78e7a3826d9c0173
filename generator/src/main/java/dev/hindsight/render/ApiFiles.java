package dev.hindsight.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The machine-readable copies of the knowledge base under {@code api/}: JSON arrays with keys in a
 * fixed order (see {@link JsonText}), and the action items once more as RFC 4180 CSV. URLs of pages
 * are relative to the site root and percent-encoded ({@link SiteUrls#path}); dates are ISO-8601, times in UTC, durations in whole minutes.
 */
public final class ApiFiles {

    /** The CSV columns, in order. */
    public static final List<String> CSV_COLUMNS = List.of("postmortem_id", "postmortem_title", "postmortem_url",
            "action", "owner", "due", "status", "overdue", "ticket", "ticket_url");

    private final SiteView view;
    private final KnowledgeBase kb;

    public ApiFiles(SiteView view, KnowledgeBase kb) {
        this.view = view;
        this.kb = kb;
    }

    public String postmortems() {
        ArrayNode all = JsonText.array();
        for (Postmortem p : view.postmortems()) {
            ObjectNode o = all.addObject();
            o.put("id", p.id());
            o.put("title", p.title());
            o.put("url", SiteUrls.path(p.meta().url()));
            o.put("date", date(p.meta().date()));
            o.put("status", p.meta().status());
            o.put("severity", p.severity());
            strings(o.putArray("services"), p.services());
            strings(o.putArray("tags"), p.meta().tags());
            strings(o.putArray("authors"), p.authors());
            o.put("impact", p.impact());
            strings(o.putArray("runbooks"), p.runbooks());
            IncidentTimes t = p.incident();
            ObjectNode times = o.putObject("incident");
            times.put("started", time(t.started()));
            times.put("detected", time(t.detected()));
            times.put("acknowledged", time(t.acknowledged()));
            times.put("mitigated", time(t.mitigated()));
            times.put("resolved", time(t.resolved()));
            ObjectNode minutes = o.putObject("minutes");
            minutes.put("ttd", minutes(t.timeToDetect()));
            minutes.put("tta", minutes(t.timeToAcknowledge()));
            minutes.put("ttm", minutes(t.timeToMitigate()));
            minutes.put("ttr", minutes(t.timeToResolve()));
            o.put("action_items", p.actionItems().size());
            o.put("action_items_open", p.actionItems().stream().filter(a -> a.isOpen()).count());
        }
        return JsonText.write(all);
    }

    public String runbooks() {
        ArrayNode all = JsonText.array();
        for (Runbook r : view.runbooks()) {
            ObjectNode o = all.addObject();
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("url", SiteUrls.path(r.meta().url()));
            o.put("status", r.meta().status());
            o.put("service", r.service());
            o.put("owner", r.owner());
            strings(o.putArray("dependencies"), r.dependencies());
            strings(o.putArray("alerts"), r.alerts());
            strings(o.putArray("tags"), r.meta().tags());
            o.put("last_reviewed", date(kb.effectiveLastReviewed(r).orElse(null)));
            o.put("review_every", r.reviewEvery().toString());
            Freshness f = view.freshness(r);
            o.put("review_due", date(f.due()));
            o.put("freshness", f.state().toString());
            o.put("last_tested", date(r.lastTested()));
            ArrayNode dashboards = o.putArray("dashboards");
            r.dashboards().forEach(d -> dashboards.addObject().put("name", d.name()).put("url", d.url()));
            ArrayNode escalation = o.putArray("escalation");
            r.escalation().forEach(e -> escalation.addObject().put("who", e.who()).put("contact", e.contact())
                    .put("when", e.when()));
            ArrayNode incidents = o.putArray("incidents");
            view.backlinks(r).forEach(p -> incidents.add(p.id()));
        }
        return JsonText.write(all);
    }

    /**
     * {@code api/factors.json}, {@code api/patterns.json} and {@code api/runbook-usage.json}, by path: what
     * the site learns across its postmortems ({@link dev.hindsight.learning.LearningJson}), the same
     * {@link dev.hindsight.learning.Learning} the pages show (with the service catalog and the ticket export).
     */
    public java.util.Map<String, String> learningFiles() {
        return new dev.hindsight.learning.LearningJson(view.learning().data(), SiteUrls::path).files();
    }

    /**
     * The JSON Schemas of {@link #learningFiles}, by their path in the site ({@code schema/api/factors.schema.json},
     * …): published beside the API they describe.
     */
    public static java.util.Map<String, String> learningSchemas() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (String file : dev.hindsight.learning.LearningJson.FILES) {
            String name = "schema/" + file.substring(0, file.length() - ".json".length()) + ".schema.json";
            try (java.io.InputStream in = ApiFiles.class.getResourceAsStream("/dev/hindsight/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource /dev/hindsight/" + name);
                }
                out.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * {@code api/alerts.json}: an object keyed by alert name (sorted), each with its runbook page ({@code page},
     * relative to the site root; {@code page_url} absolute when {@code base_url} is set), the runbook URL the
     * rules carry, its status, severity, summary, the incidents it appeared in with their verdicts, and its rules
     * (file, line, expression, {@code for}, labels, annotations). For Alertmanager and PagerDuty templates. Made
     * from the build's one {@code catalog} (the rule files are not read again); its JSON Schema is
     * {@code schema/api/alerts.schema.json} among the resources.
     */
    public String alerts(dev.hindsight.config.SiteConfig config, dev.hindsight.alerting.AlertCatalog catalog) {
        ObjectNode all = JsonText.object();
        String base = config.baseUrl().isBlank() ? "" : config.baseUrl().endsWith("/") ? config.baseUrl()
                : config.baseUrl() + "/";
        for (var a : catalog.alerts().values()) {
            ObjectNode o = all.putObject(a.name());
            String page = a.runbook() == null ? null : SiteUrls.path(a.runbook().meta().url());
            o.put("page", page);
            o.put("page_url", page == null || base.isEmpty() ? null : base + page);
            o.put("runbook_url", a.definitions().isEmpty() ? null : a.definitions().get(0).rule().runbookUrl());
            o.put("status", a.status().map(dev.hindsight.alerting.RunbookStatus::label).orElse(null));
            o.put("listed_back", a.listedBack());
            o.put("severity", a.severity());
            o.put("summary", a.definitions().isEmpty() ? "" : a.definitions().get(0).rule().summary());
            o.put("team", a.team());
            ArrayNode incidents = o.putArray("incidents");
            a.incidents().forEach(i -> incidents.addObject().put("id", i.postmortem().id())
                    .put("url", SiteUrls.path(i.postmortem().meta().url())).put("verdict", i.verdict().label()));
            ObjectNode verdicts = o.putObject("verdicts");
            a.verdicts().forEach((v, n) -> verdicts.put(v.label(), n));
            ArrayNode rules = o.putArray("rules");
            for (var d : a.definitions()) {
                var r = d.rule();
                ObjectNode x = rules.addObject();
                x.put("file", r.file());
                x.put("line", r.at().displayLine());
                x.put("group", r.group());
                x.put("expr", r.expr());
                x.put("for", r.forDuration());
                x.put("status", d.status().label());
                ObjectNode labels = x.putObject("labels");
                r.labels().forEach(labels::put);
                ObjectNode annotations = x.putObject("annotations");
                r.annotations().forEach(annotations::put);
            }
        }
        return JsonText.write(all);
    }

    public String actionItems() {
        ArrayNode all = JsonText.array();
        for (ActionRow row : view.actions()) {
            ObjectNode o = all.addObject();
            o.put("postmortem_id", row.postmortem().id());
            o.put("postmortem_title", row.postmortem().title());
            o.put("postmortem_url", SiteUrls.path(row.postmortem().meta().url()));
            o.put("action", row.item().action());
            o.put("owner", row.item().owner());
            o.put("due", row.item().due() == null ? null : row.item().due().toString());
            o.put("due_text", row.item().dueText());
            o.put("status", row.item().status().label());
            o.put("overdue", row.overdue());
            o.put("ticket", row.item().ticket());
            o.put("ticket_url", row.ticketHref());
        }
        return JsonText.write(all);
    }

    /**
     * RFC 4180: a header row, CRLF line breaks, fields quoted when they hold a comma, quote or line break.
     * Spreadsheet-safe: a field starting with {@code = + - @}, a tab or a carriage return is prefixed with
     * {@code '} and quoted, so that a spreadsheet shows it as text instead of running it as a formula.
     */
    public String actionItemsCsv() {
        StringBuilder b = new StringBuilder();
        row(b, CSV_COLUMNS);
        for (ActionRow r : view.actions()) {
            row(b, List.of(r.postmortem().id(), r.postmortem().title(), SiteUrls.path(r.postmortem().meta().url()),
                    r.item().action(),
                    r.item().owner(), r.item().due() == null ? r.item().dueText() : r.item().due().toString(),
                    r.item().status().label(), Boolean.toString(r.overdue()), r.item().ticket(), r.ticketHref()));
        }
        return b.toString();
    }

    static void row(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(csvField(fields.get(i)));
        }
        b.append("\r\n");
    }

    static String csvField(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (FORMULA_START.indexOf(s.charAt(0)) >= 0) {
            return "\"'" + s.replace("\"", "\"\"") + '"';
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** What a spreadsheet takes as the start of a formula (OWASP, CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    private static Long minutes(Optional<Duration> d) {
        return d.map(Duration::toMinutes).orElse(null);
    }
}
