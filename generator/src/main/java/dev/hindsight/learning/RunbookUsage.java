package dev.hindsight.learning;

import java.time.LocalDate;
import java.util.List;

/**
 * The incidents a runbook was used in (listed under {@code runbooks:} or linked from the timeline),
 * newest first; {@code last} is the newest one's day.
 */
public record RunbookUsage(String runbookId, String title, String url, List<IncidentRef> incidents,
                           LocalDate last) {

    public RunbookUsage {
        incidents = List.copyOf(incidents);
    }

    public int count() {
        return incidents.size();
    }
}
