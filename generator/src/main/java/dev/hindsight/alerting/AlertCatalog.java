package dev.hindsight.alerting;

import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything the site knows about its alerts, joined: each alert's definitions in the rule files with where
 * their runbook URL leads, whether that runbook lists the alert back, and the incidents it appeared in with their
 * verdicts; coverage by rule file, severity and owning team; the noisiest alerts. Immutable; what the alert pages
 * and {@code api/alerts.json} are made from.
 *
 * @param alerts every alert by name: defined by a rule, listed by a runbook or named by a postmortem
 * @param rulesConfigured whether {@code alerting.rules} names rule files (else only runbooks and postmortems
 *                        name alerts)
 */
public record AlertCatalog(Map<String, Alert> alerts, boolean rulesConfigured) {

    public AlertCatalog {
        alerts = Collections.unmodifiableMap(new TreeMap<>(alerts));
    }

    /** One definition of an alert and where its runbook URL leads. */
    public record Definition(AlertRule rule, RunbookStatus status, Document page, String expectedPath) {
        public Definition {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(status, "status");
            expectedPath = Objects.requireNonNullElse(expectedPath, "");
        }
    }

    /**
     * One alert.
     *
     * @param definitions its rules (several when a rule file defines it per severity), in file order; empty for
     *                    an alert only a runbook lists or a postmortem names
     * @param runbook     its runbook: the page the first resolving definition leads to, else the runbook that
     *                    lists it; null when none
     * @param listedBack  whether {@code runbook} lists the alert under {@code alerts:}
     * @param incidents   the postmortems naming it, in site order
     */
    public record Alert(String name, List<Definition> definitions, Document runbook, boolean listedBack,
                        List<IncidentAlert> incidents) {

        public Alert {
            Objects.requireNonNull(name, "name");
            definitions = List.copyOf(definitions);
            incidents = List.copyOf(incidents);
        }

        public boolean defined() {
            return !definitions.isEmpty();
        }

        /** The worst status of its definitions (a gap first); empty when no rule defines it. */
        public Optional<RunbookStatus> status() {
            return definitions.stream().map(Definition::status).filter(RunbookStatus::isGap).findFirst()
                    .or(() -> definitions.stream().map(Definition::status).findFirst());
        }

        /** Whether someone paged by it could find no runbook. */
        public boolean isGap() {
            return definitions.stream().anyMatch(d -> d.status().isGap());
        }

        public String severity() {
            return definitions.isEmpty() ? "" : definitions.get(0).rule().severity();
        }

        /** The {@code team}/{@code owner} label, else the runbook's owner, else empty. */
        public String team() {
            for (Definition d : definitions) {
                if (!d.rule().team().isEmpty()) {
                    return d.rule().team();
                }
            }
            return runbook instanceof Runbook rb ? rb.owner() : "";
        }

        /** How many incidents gave each verdict (every verdict present, zero when none). */
        public Map<AlertVerdict, Integer> verdicts() {
            Map<AlertVerdict, Integer> out = new EnumMap<>(AlertVerdict.class);
            for (AlertVerdict v : AlertVerdict.values()) {
                out.put(v, 0);
            }
            incidents.forEach(i -> out.merge(i.verdict(), 1, Integer::sum));
            return Collections.unmodifiableMap(out);
        }

        /** Incidents whose verdict was false positive or not actionable. */
        public int noise() {
            return (int) incidents.stream().filter(i -> i.verdict().isNoise()).count();
        }
    }

    /** How many alerts of one group have a working runbook; the gaps by name. */
    public record Coverage(String key, int alerts, int covered, List<String> gaps) {
        public Coverage {
            gaps = List.copyOf(gaps);
        }
    }

    public Optional<Alert> alert(String name) {
        return Optional.ofNullable(alerts.get(name));
    }

    /** The alerts a rule defines: the gaps first, then by name. */
    public List<Alert> defined() {
        return alerts.values().stream().filter(Alert::defined)
                .sorted(Comparator.comparing((Alert a) -> !a.isGap()).thenComparing(Alert::name)).toList();
    }

    /** The alerts whose runbook is {@code page} ("fired by" on a runbook's page). */
    public List<Alert> firedBy(Document page) {
        return alerts.values().stream().filter(a -> a.defined() && a.runbook() == page).toList();
    }

    /** Alerts that appeared in incidents, the noisiest first (noise, then incidents, then name). */
    public List<Alert> noisiest() {
        return alerts.values().stream().filter(a -> !a.incidents().isEmpty())
                .sorted(Comparator.comparingInt(Alert::noise).reversed()
                        .thenComparing(Comparator.comparingInt((Alert a) -> a.incidents().size()).reversed())
                        .thenComparing(Alert::name))
                .toList();
    }

    /** Coverage per rule file (an alert defined in two files counts in each). */
    public List<Coverage> byFile() {
        Map<String, List<Alert>> groups = new TreeMap<>();
        for (Alert a : defined()) {
            a.definitions().stream().map(d -> d.rule().file()).distinct()
                    .forEach(f -> groups.computeIfAbsent(f, k -> new ArrayList<>()).add(a));
        }
        return coverage(groups);
    }

    /** Coverage per {@code severity} label ({@code (none)} when missing). */
    public List<Coverage> bySeverity() {
        return group(a -> a.severity().isEmpty() ? "(none)" : a.severity());
    }

    /** Coverage per owning team ({@code (none)} when neither a label nor the runbook names one). */
    public List<Coverage> byTeam() {
        return group(a -> a.team().isEmpty() ? "(none)" : a.team());
    }

    private List<Coverage> group(Function<Alert, String> key) {
        Map<String, List<Alert>> groups = new TreeMap<>();
        for (Alert a : defined()) {
            groups.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a);
        }
        return coverage(groups);
    }

    /** The groups with the most gaps first, then by key. */
    private static List<Coverage> coverage(Map<String, List<Alert>> groups) {
        List<Coverage> out = new ArrayList<>();
        groups.forEach((k, list) -> {
            List<String> gaps = list.stream().filter(Alert::isGap).map(Alert::name).distinct().toList();
            out.add(new Coverage(k, list.size(), list.size() - gaps.size(), gaps));
        });
        out.sort(Comparator.comparingInt((Coverage c) -> c.gaps().size()).reversed().thenComparing(Coverage::key));
        return out;
    }

    /** Builder input: groups a list into a name-keyed map preserving first-seen order. */
    static <T> Map<String, List<T>> byName(List<T> items, Function<T, String> name) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach(i -> out.computeIfAbsent(name.apply(i), k -> new ArrayList<>()).add(i));
        return out;
    }
}
