package dev.hindsight.learning;

import dev.hindsight.model.ActionItem;
import java.util.List;

/**
 * A possibly ineffective action: marked done in {@code postmortem}, yet a contributing factor of that
 * postmortem recurred on the same service in {@code recurredIn} after {@code since} (the done date, else
 * the due date).
 */
public record IneffectiveAction(IncidentRef postmortem, ActionItem item, java.time.LocalDate since,
                                IncidentRef recurredIn, List<String> services, List<String> factors) {

    public IneffectiveAction {
        services = List.copyOf(services);
        factors = List.copyOf(factors);
    }
}
