package dev.hindsight.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.alerting.AlertRule.RuleFormat;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.diag.Severity;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.YamlReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the alerting rules of one rule file: every YAML document of it (split at {@code ---} lines) with the
 * project's positioned {@link YamlReader}, as Prometheus rule groups ({@code groups[].rules[]}, also the format
 * of Thanos, Loki and Mimir rulers), a Kubernetes {@code PrometheusRule} ({@code spec.groups}; documents of other
 * kinds are passed over) or a Mimir/Cortex namespace map (namespace → list of groups). Recording rules are
 * skipped. Whatever is malformed is reported under {@code alert-rule-file} at its place; the rest is still read.
 */
final class RuleFileParser {

    static final String RULE = RuleInfo.ALERT_RULE_FILE.id();

    private static final Pattern SEPARATOR = Pattern.compile("(?:---|\\.\\.\\.)(?:[ \\t].*)?");

    private final YamlReader yaml;

    RuleFileParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The alerting rules of {@code text} (the file {@code path}, relative to the site root), in file order. */
    List<AlertRule> parse(String path, String text, String annotation, Diagnostics out) {
        List<AlertRule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder doc = new StringBuilder();
        int first = 1;
        boolean anyGroups = false;
        boolean anyDocument = false;
        int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        for (int i = 0; i <= count; i++) {
            boolean end = i == count;
            if (end || SEPARATOR.matcher(lines[i]).matches()) {
                if (!doc.toString().isBlank()) {
                    anyDocument = true;
                    Boolean groups = document(path, doc.toString(), first, annotation, rules, out);
                    anyGroups |= groups == null || groups;
                }
                doc.setLength(0);
                first = i + 2;
                continue;
            }
            doc.append(lines[i]).append('\n');
        }
        if (anyDocument && !anyGroups) {
            out.add(new Diagnostic(Severity.WARNING, RULE, Position.of(path, 1, 1),
                    "no alert rule groups in this file: expected `groups:`, a `PrometheusRule` or a map of "
                            + "namespaces to groups",
                    "narrow the `alerting.rules` globs to the rule files"));
        }
        return rules;
    }

    /**
     * One YAML document: true when it holds rule groups, false when it is of another shape, null when it is
     * another Kubernetes kind or could not be read (neither counts against the file).
     */
    private Boolean document(String path, String text, int firstLine, String annotation, List<AlertRule> rules,
                             Diagnostics out) {
        Diagnostics raw = new Diagnostics();
        FrontMatter fm = yaml.read(path, text, firstLine, raw);
        for (Diagnostic d : raw.sorted()) {
            out.add(new Diagnostic(d.severity(), RULE, d.position(), reworded(d.message()),
                    d.message().startsWith("front matter must be") ? "a rule file holds `groups:` of rules" : d.hint()));
        }
        if (!fm.readable()) {
            return null;
        }
        JsonNode root = fm.root();
        Reader r = new Reader(path, fm, annotation, rules, out);
        if (root.has("kind") || root.has("apiVersion")) {
            if (!"PrometheusRule".equals(root.path("kind").asText())) {
                return null;
            }
            JsonNode groups = root.at("/spec/groups");
            if (!groups.isArray()) {
                out.error(RULE, fm.positionOf("/spec/groups"), "this `PrometheusRule` has no `spec.groups` list",
                        "a PrometheusRule holds its rule groups under `spec.groups`");
                return true;
            }
            r.groups("/spec/groups", "", RuleFormat.PROMETHEUS_RULE);
            return true;
        }
        if (root.has("groups")) {
            if (!root.get("groups").isArray()) {
                out.error(RULE, fm.positionOf("/groups"), "`groups` must be a list of rule groups");
                return true;
            }
            r.groups("/groups", "", RuleFormat.RULE_GROUPS);
            return true;
        }
        if (root.isEmpty() || !allLists(root)) {
            return root.isEmpty() ? null : false;
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String ns = names.next();
            r.groups("/" + FrontMatter.escape(ns), ns + "/", RuleFormat.NAMESPACES);
        }
        return true;
    }

    /** A namespace map: every value a list of mappings that each hold {@code rules}. */
    private static boolean allLists(JsonNode root) {
        for (JsonNode v : root) {
            if (!v.isArray()) {
                return false;
            }
            for (JsonNode g : v) {
                if (!g.isObject() || !g.has("rules")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String reworded(String message) {
        return message.replace("front matter must be a mapping of keys to values", "a rule file document must be a mapping")
                .replace("duplicate front-matter key", "duplicate key")
                .replace(" in front matter", " in rule files");
    }

    /** Walks the groups of one document. */
    private record Reader(String path, FrontMatter fm, String annotation, List<AlertRule> rules, Diagnostics out) {

        void groups(String pointer, String namePrefix, RuleFormat format) {
            JsonNode groups = fm.root().at(pointer);
            for (int g = 0; g < groups.size(); g++) {
                String gp = pointer + "/" + g;
                JsonNode group = groups.get(g);
                if (!group.isObject()) {
                    out.error(RULE, fm.valuePositionOf(gp), "a rule group must be a mapping with `name` and `rules`");
                    continue;
                }
                String name = group.path("name").isValueNode() ? group.path("name").asText() : "";
                if (name.isBlank()) {
                    out.error(RULE, fm.positionOf(gp), "rule group has no `name`",
                            "Prometheus refuses a group without a name");
                }
                JsonNode list = group.get("rules");
                if (list == null || list.isNull()) {
                    continue;
                }
                if (!list.isArray()) {
                    out.error(RULE, fm.positionOf(gp + "/rules"), "`rules` of "
                            + (name.isBlank() ? "a group" : "group `" + name + "`") + " must be a list");
                    continue;
                }
                for (int i = 0; i < list.size(); i++) {
                    rule(gp + "/rules/" + i, list.get(i), namePrefix + name, format);
                }
            }
        }

        private void rule(String rp, JsonNode rule, String group, RuleFormat format) {
            if (!rule.isObject()) {
                out.error(RULE, fm.valuePositionOf(rp), "a rule must be a mapping with `alert` or `record`");
                return;
            }
            boolean alert = rule.has("alert");
            boolean record = rule.has("record");
            if (alert && record) {
                out.error(RULE, fm.positionOf(rp + "/record"), "a rule has both `alert` and `record`",
                        "a rule either records a series or alerts; split it in two");
                return;
            }
            if (record) {
                return;
            }
            if (!alert) {
                out.error(RULE, fm.valuePositionOf(rp), "a rule has neither `alert` nor `record`");
                return;
            }
            JsonNode nameNode = rule.get("alert");
            Position at = fm.positionOf(rp + "/alert");
            if (!nameNode.isValueNode() || nameNode.isNull() || nameNode.asText().isBlank()) {
                out.error(RULE, at, "`alert` must name the alert");
                return;
            }
            String name = nameNode.asText().strip();
            JsonNode expr = rule.get("expr");
            if (expr == null || !expr.isValueNode() || expr.isNull() || expr.asText().isBlank()) {
                out.error(RULE, at, "alert `" + name + "` has no `expr`", "Prometheus refuses a rule without one");
            }
            JsonNode forNode = rule.get("for");
            String forText = "";
            if (forNode != null && !forNode.isNull()) {
                if (forNode.isValueNode()) {
                    forText = forNode.asText();
                } else {
                    out.error(RULE, fm.positionOf(rp + "/for"), "`for` of alert `" + name + "` must be a duration");
                }
            }
            Map<String, String> labels = texts(rp + "/labels", rule.get("labels"), name);
            Map<String, String> annotations = texts(rp + "/annotations", rule.get("annotations"), name);
            String url = annotations.getOrDefault(annotation, "").strip();
            Position urlAt = url.isEmpty() ? at
                    : fm.valuePositionOf(rp + "/annotations/" + FrontMatter.escape(annotation));
            rules.add(new AlertRule(name, at, format, group, expr == null || !expr.isValueNode() ? "" : expr.asText(),
                    forText, labels, annotations, url, urlAt));
        }

        private Map<String, String> texts(String pointer, JsonNode node, String alert) {
            Map<String, String> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            String what = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (!node.isObject()) {
                this.out.error(RULE, fm.positionOf(pointer), "`" + what + "` of alert `" + alert
                        + "` must be a mapping of names to values");
                return out;
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                if (!e.getValue().isValueNode()) {
                    this.out.error(RULE, fm.positionOf(pointer + "/" + FrontMatter.escape(e.getKey())),
                            "`" + what + "." + e.getKey() + "` of alert `" + alert + "` must be a text value");
                    continue;
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }
    }
}
