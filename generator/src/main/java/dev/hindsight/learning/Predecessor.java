package dev.hindsight.learning;

import dev.hindsight.model.ActionItem;
import java.util.List;

/**
 * An earlier incident a postmortem recurs from: within the recurrence window, sharing {@code services}
 * and the factors or alerts named here, with the action items it had committed to.
 */
public record Predecessor(IncidentRef incident, long daysBefore, List<String> services, List<String> factors,
                          List<String> alerts, List<ActionItem> actionItems) {

    public Predecessor {
        services = List.copyOf(services);
        factors = List.copyOf(factors);
        alerts = List.copyOf(alerts);
        actionItems = List.copyOf(actionItems);
    }
}
