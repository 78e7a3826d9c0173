package dev.hindsight.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The settings of learning from incidents.
 *
 * @param factors           the contributing-factor taxonomy ({@code contributing_factors:}); the shipped
 *                          default when the site defines none
 * @param factorsDefined    whether the site gave its own taxonomy
 * @param recurrenceDays    {@code recurrence.window_days}: two incidents further apart are never one pattern
 * @param objectives        {@code action_items.objectives}: days from the postmortem's date to finish an
 *                          item of each priority
 * @param ticketExport      {@code tickets.export}: a Jira CSV or GitHub issues JSON file relative to the site
 *                          root, or empty
 * @param oncallDays        {@code oncall.recent_days}: how far back the on-call handoff looks
 */
public record LearningSettings(List<ContributingFactor> factors, boolean factorsDefined, int recurrenceDays,
                               Map<String, Integer> objectives, String ticketExport, int oncallDays) {

    public static final int DEFAULT_RECURRENCE_DAYS = 90;
    public static final int DEFAULT_ONCALL_DAYS = 30;
    /** The common four and eight weeks for the two most urgent priorities, a quarter for the next. */
    public static final Map<String, Integer> DEFAULT_OBJECTIVES = Map.of("P1", 28, "P2", 56, "P3", 91);

    /** The shipped taxonomy: common categories of what contributes to incidents. */
    public static final List<ContributingFactor> DEFAULT_FACTORS = List.of(
            new ContributingFactor("change", "Change or deploy",
                    "A release, migration or rollout started or worsened it."),
            new ContributingFactor("configuration", "Configuration",
                    "A setting, flag or configuration push was wrong or unsafe."),
            new ContributingFactor("capacity", "Capacity",
                    "Load outgrew resources: CPU, memory, connections, quotas."),
            new ContributingFactor("dependency", "Dependency or third party",
                    "A provider, library or upstream service failed or changed."),
            new ContributingFactor("monitoring-gap", "Monitoring gap",
                    "No alert, a late alert or an alert nobody could act on."),
            new ContributingFactor("data", "Data",
                    "Bad, unexpected or missing data, or a schema change."),
            new ContributingFactor("failover", "Failover or redundancy",
                    "A failover, replica or redundant path did not work as expected."),
            new ContributingFactor("timeouts-retries", "Timeouts and retries",
                    "Timeouts, retries or backpressure amplified the failure."),
            new ContributingFactor("testing-gap", "Testing gap",
                    "A test, canary or staging check that would have caught it was missing."),
            new ContributingFactor("process", "Process or runbook",
                    "A procedure was missing, unclear or out of date."),
            new ContributingFactor("infrastructure", "Infrastructure",
                    "Hosts, network, storage or the platform underneath failed."),
            new ContributingFactor("security", "Security",
                    "Certificates, credentials, permissions or an attack."));

    public LearningSettings {
        factors = List.copyOf(factors);
        objectives = java.util.Collections.unmodifiableMap(new TreeMap<>(objectives));
        ticketExport = Objects.requireNonNullElse(ticketExport, "");
    }

    public static LearningSettings defaults() {
        return new LearningSettings(DEFAULT_FACTORS, false, DEFAULT_RECURRENCE_DAYS, DEFAULT_OBJECTIVES, "",
                DEFAULT_ONCALL_DAYS);
    }

    /** The factor with this id, if the taxonomy has it. */
    public java.util.Optional<ContributingFactor> factor(String id) {
        return factors.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
