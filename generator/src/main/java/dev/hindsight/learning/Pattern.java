package dev.hindsight.learning;

import java.util.List;

/**
 * Incidents linked by recurrence: each shares a service and a contributing factor or an alert with
 * another of them, within the recurrence window. {@code incidents} newest first; {@code services},
 * {@code factors} and {@code alerts} are what the links share, sorted.
 */
public record Pattern(List<IncidentRef> incidents, List<String> services, List<String> factors,
                      List<String> alerts, List<IneffectiveAction> ineffective) {

    public Pattern {
        incidents = List.copyOf(incidents);
        services = List.copyOf(services);
        factors = List.copyOf(factors);
        alerts = List.copyOf(alerts);
        ineffective = List.copyOf(ineffective);
    }

    public int count() {
        return incidents.size();
    }

    public IncidentRef newest() {
        return incidents.get(0);
    }
}
