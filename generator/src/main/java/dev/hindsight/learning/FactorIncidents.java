package dev.hindsight.learning;

import dev.hindsight.config.ContributingFactor;
import java.util.List;

/** One factor of the taxonomy with the incidents it contributed to, newest first (empty when none). */
public record FactorIncidents(ContributingFactor factor, List<IncidentRef> incidents) {

    public FactorIncidents {
        incidents = List.copyOf(incidents);
    }
}
