package dev.hindsight.alerting;

import dev.hindsight.diag.Position;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alerting rule as a rule file defines it. Recording rules are never read.
 *
 * @param name        the {@code alert:} name
 * @param at          where its {@code alert:} key stands (file relative to the site root, {@code ../} when outside)
 * @param format      which of the rule-file formats it came from
 * @param group       the name of its rule group ({@code namespace/group} in a ruler namespace file)
 * @param expr        the PromQL (or LogQL) expression, as written
 * @param forDuration {@code for:}, empty when not given
 * @param labels      its labels, sorted by name
 * @param annotations its annotations, sorted by name
 * @param runbookUrl  the value of the configured runbook annotation, empty when it has none
 * @param runbookAt   where that value stands, else the {@code alert:} key
 */
public record AlertRule(String name, Position at, RuleFormat format, String group, String expr, String forDuration,
                        Map<String, String> labels, Map<String, String> annotations, String runbookUrl,
                        Position runbookAt) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(format, "format");
        group = Objects.requireNonNullElse(group, "");
        expr = Objects.requireNonNullElse(expr, "");
        forDuration = Objects.requireNonNullElse(forDuration, "");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        runbookUrl = Objects.requireNonNullElse(runbookUrl, "");
        runbookAt = Objects.requireNonNullElse(runbookAt, at);
    }

    /** The file it is defined in. */
    public String file() {
        return at.file();
    }

    /** The {@code severity} label, empty when it has none. */
    public String severity() {
        return labels.getOrDefault("severity", "");
    }

    public String summary() {
        return annotations.getOrDefault("summary", "");
    }

    /** The {@code description} annotation ({@code message}, as older mixins call it, when there is none). */
    public String description() {
        return annotations.getOrDefault("description", annotations.getOrDefault("message", ""));
    }

    /** The owning team from the {@code team} label, else the {@code owner} label; empty when neither. */
    public String team() {
        return labels.getOrDefault("team", labels.getOrDefault("owner", ""));
    }

    /** The rule-file formats. */
    public enum RuleFormat {
        /** {@code groups[].rules[]}: Prometheus, Thanos, Loki and Mimir ruler files. */
        RULE_GROUPS("rule groups"),
        /** A Kubernetes {@code PrometheusRule} resource: {@code spec.groups}. */
        PROMETHEUS_RULE("PrometheusRule"),
        /** A Mimir/Cortex ruler namespace file: a map of namespace to its list of groups. */
        NAMESPACES("namespace map");

        private final String label;

        RuleFormat(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
