package dev.hindsight.learning;

import java.util.List;

/**
 * The runbook usage ledger: runbooks used in incidents (most used first), runbooks never used, and the
 * alerts of incidents that no runbook handles.
 */
public record UsageLedger(List<RunbookUsage> used, List<RunbookUsage> neverUsed, List<UnhandledAlert> alertsWithoutRunbook) {

    /** An alert that fired in an incident ({@code alerts:}) and that no runbook lists. */
    public record UnhandledAlert(IncidentRef incident, String alert) {
    }

    public UsageLedger {
        used = List.copyOf(used);
        neverUsed = List.copyOf(neverUsed);
        alertsWithoutRunbook = List.copyOf(alertsWithoutRunbook);
    }
}
