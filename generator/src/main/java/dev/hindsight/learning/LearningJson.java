package dev.hindsight.learning;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import dev.hindsight.model.ActionItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The JSON API of learning from incidents: {@code api/factors.json}, {@code api/patterns.json} and
 * {@code api/runbook-usage.json}, each described by a JSON Schema under {@code schema/api/}. Keys in a fixed
 * order, dates ISO-8601, page URLs relative to the site root as {@code url} encodes them.
 */
public final class LearningJson {

    /** The files, by path under the site root. */
    public static final List<String> FILES = List.of("api/factors.json", "api/patterns.json",
            "api/runbook-usage.json");

    private final Learning learning;
    private final UnaryOperator<String> url;

    /** @param url turns a page path into the href the site uses (percent-encoded once) */
    public LearningJson(Learning learning, UnaryOperator<String> url) {
        this.learning = learning;
        this.url = url;
    }

    /** Every file of {@link #FILES}, by path. */
    public Map<String, String> files() {
        Map<String, String> out = new TreeMap<>();
        out.put(FILES.get(0), factors());
        out.put(FILES.get(1), patterns());
        out.put(FILES.get(2), runbookUsage());
        return out;
    }

    public String factors() {
        ArrayNode all = JsonText.array();
        for (FactorIncidents f : learning.factors()) {
            ObjectNode o = all.addObject();
            o.put("id", f.factor().id());
            o.put("label", f.factor().label());
            o.put("description", f.factor().description());
            o.put("count", f.incidents().size());
            incidents(o.putArray("incidents"), f.incidents());
        }
        return JsonText.write(all);
    }

    public String patterns() {
        ArrayNode all = JsonText.array();
        for (Pattern p : learning.patterns()) {
            ObjectNode o = all.addObject();
            o.put("count", p.count());
            o.put("newest", p.newest().id());
            o.put("last", date(p.newest().date()));
            o.put("first", date(p.incidents().get(p.count() - 1).date()));
            strings(o.putArray("services"), p.services());
            strings(o.putArray("factors"), p.factors());
            strings(o.putArray("alerts"), p.alerts());
            ArrayNode incidents = o.putArray("incidents");
            for (IncidentRef r : p.incidents()) {
                ObjectNode i = incident(incidents.addObject(), r);
                ArrayNode preds = i.putArray("predecessors");
                for (Predecessor pr : learning.predecessorsOf(r.id())) {
                    ObjectNode x = preds.addObject();
                    x.put("id", pr.incident().id());
                    x.put("days_before", pr.daysBefore());
                    strings(x.putArray("services"), pr.services());
                    strings(x.putArray("factors"), pr.factors());
                    strings(x.putArray("alerts"), pr.alerts());
                    ArrayNode items = x.putArray("action_items");
                    pr.actionItems().forEach(a -> item(items.addObject(), a));
                }
            }
            ArrayNode ineffective = o.putArray("possibly_ineffective");
            for (IneffectiveAction a : p.ineffective()) {
                ObjectNode x = ineffective.addObject();
                x.put("postmortem_id", a.postmortem().id());
                item(x.putObject("action_item"), a.item());
                x.put("since", date(a.since()));
                x.put("recurred_in", a.recurredIn().id());
                x.put("recurred_on", date(a.recurredIn().date()));
                strings(x.putArray("services"), a.services());
                strings(x.putArray("factors"), a.factors());
            }
        }
        return JsonText.write(all);
    }

    public String runbookUsage() {
        ObjectNode root = JsonText.object();
        UsageLedger l = learning.runbookUsage();
        ArrayNode runbooks = root.putArray("runbooks");
        for (RunbookUsage u : l.used()) {
            usage(runbooks.addObject(), u);
        }
        for (RunbookUsage u : l.neverUsed()) {
            usage(runbooks.addObject(), u);
        }
        ArrayNode never = root.putArray("never_used");
        l.neverUsed().forEach(u -> never.add(u.runbookId()));
        ArrayNode unhandled = root.putArray("alerts_without_runbook");
        for (UsageLedger.UnhandledAlert a : l.alertsWithoutRunbook()) {
            ObjectNode x = unhandled.addObject();
            x.put("alert", a.alert());
            x.put("incident", a.incident().id());
            x.put("url", url.apply(a.incident().url()));
            x.put("date", date(a.incident().date()));
        }
        return JsonText.write(root);
    }

    private void usage(ObjectNode o, RunbookUsage u) {
        o.put("id", u.runbookId());
        o.put("title", u.title());
        o.put("url", url.apply(u.url()));
        o.put("count", u.count());
        o.put("last_used", date(u.last()));
        incidents(o.putArray("incidents"), u.incidents());
    }

    private void incidents(ArrayNode a, List<IncidentRef> refs) {
        refs.forEach(r -> incident(a.addObject(), r));
    }

    private ObjectNode incident(ObjectNode o, IncidentRef r) {
        o.put("id", r.id());
        o.put("title", r.title());
        o.put("url", url.apply(r.url()));
        o.put("date", date(r.date()));
        o.put("severity", r.severity());
        strings(o.putArray("services"), r.services());
        return o;
    }

    private static void item(ObjectNode o, ActionItem a) {
        o.put("action", a.action());
        o.put("owner", a.owner());
        o.put("priority", a.priority());
        o.put("due", date(a.due()));
        o.put("done", date(a.done()));
        o.put("status", a.status().label());
        o.put("ticket", a.ticket());
        o.put("line", a.line());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
