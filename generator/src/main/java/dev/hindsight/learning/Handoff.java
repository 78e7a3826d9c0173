package dev.hindsight.learning;

import java.util.List;

/**
 * What the engineer starting a team's on-call rotation should know: incidents on the team's services in
 * the last {@code days} days (newest first), the team's runbooks changed in that time, its runbooks due for
 * review and not tested within {@code review.tested_within}, and the team's open and overdue action items.
 */
public record Handoff(String team, int days, List<String> services, List<IncidentRef> recentIncidents,
                      List<RunbookRef> runbooksChanged, List<RunbookRef> staleRunbooks,
                      List<RunbookRef> untestedRunbooks, List<TrackedAction> openActions,
                      List<TrackedAction> overdueActions) {

    /** A runbook with the date that put it on the list (changed, review due, last tested; null: never tested). */
    public record RunbookRef(String id, String title, String url, java.time.LocalDate date) {
    }

    public Handoff {
        services = List.copyOf(services);
        recentIncidents = List.copyOf(recentIncidents);
        runbooksChanged = List.copyOf(runbooksChanged);
        staleRunbooks = List.copyOf(staleRunbooks);
        untestedRunbooks = List.copyOf(untestedRunbooks);
        openActions = List.copyOf(openActions);
        overdueActions = List.copyOf(overdueActions);
    }
}
