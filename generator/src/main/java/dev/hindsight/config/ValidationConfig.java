package dev.hindsight.config;

import dev.hindsight.diag.Severity;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of the validation rules.
 *
 * @param severities      allowed postmortem severities, most severe first
 * @param ruleSeverities  per-rule severity overrides
 * @param disabledRules   rules switched off
 * @param blameless       phrases that read as blame, reported as warnings where they stand
 * @param flagMentions    whether {@code @name} mentions in a document are reported
 * @param minimumWhys     how many steps a 5-whys chain needs
 * @param reviewInterval  the default {@code review_every} of a runbook
 * @param testedWithin    how old a runbook's {@code last_tested} may be before a warning
 */
public record ValidationConfig(List<String> severities, Map<String, Severity> ruleSeverities,
                               Set<String> disabledRules,
                               List<String> blameless, boolean flagMentions, int minimumWhys,
                               Period reviewInterval, Period testedWithin) {

    public static final List<String> DEFAULT_SEVERITIES = List.of("SEV-1", "SEV-2", "SEV-3", "SEV-4");
    public static final List<String> DEFAULT_BLAMELESS = List.of("human error", "fault of", "should have known",
            "should have caught", "careless", "blame", "blamed", "negligent", "negligence", "incompetent",
            "stupid mistake", "dropped the ball");

    public ValidationConfig {
        severities = List.copyOf(severities);
        ruleSeverities = Map.copyOf(ruleSeverities);
        disabledRules = Set.copyOf(disabledRules);
        blameless = List.copyOf(blameless);
        Objects.requireNonNull(reviewInterval, "reviewInterval");
        Objects.requireNonNull(testedWithin, "testedWithin");
    }

    public static ValidationConfig defaults() {
        return new ValidationConfig(DEFAULT_SEVERITIES, Map.of(), Set.of(), DEFAULT_BLAMELESS, false, 5, Period.ofDays(90),
                Period.ofDays(365));
    }

    /** The severity {@code ruleId} reports at: the override, else its default; empty when switched off. */
    public Optional<Severity> severityOf(String ruleId, Severity defaultSeverity) {
        if (disabledRules.contains(ruleId)) {
            return Optional.empty();
        }
        return Optional.of(ruleSeverities.getOrDefault(ruleId, defaultSeverity));
    }
}
