package dev.hindsight.render;

import dev.hindsight.config.Service;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.List;

/**
 * A service page: the catalog entry (when the catalog has one), its runbooks, the runbooks that
 * depend on it, the incidents that hit it and their figures.
 *
 * @param catalogued whether {@code services.yml} lists it
 * @param medianTtr  nearest-rank median time to resolve of its incidents, formatted; "" without data
 * @param ttrCount   how many of its incidents have both a start and a resolve time
 * @param entry      the catalog entry (lifecycle, system, links, Backstage page); a bare one when not catalogued
 */
public record ServiceView(String id, String slug, String name, String owner, String tier, String description,
                          boolean catalogued, List<Runbook> runbooks, List<Runbook> dependents,
                          List<Postmortem> postmortems, String medianTtr, int ttrCount, Service entry) {

    public ServiceView {
        runbooks = List.copyOf(runbooks);
        dependents = List.copyOf(dependents);
        postmortems = List.copyOf(postmortems);
    }

    public int incidents() {
        return postmortems.size();
    }
}
