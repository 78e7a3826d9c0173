package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The links between postmortems and runbooks: which runbook a postmortem's {@code runbooks:} id goes to,
 * and which postmortems name each runbook id.
 *
 * @param runbooksById runbooks by id, each list by path: a postmortem's link goes to the first
 * @param byRunbookId  postmortems by the runbook ids they name, each list newest first
 */
record Backlinks(Map<String, List<Runbook>> runbooksById, Map<String, List<Postmortem>> byRunbookId) {

    /**
     * @param newestFirst the postmortems, newest first
     * @param byPath      the runbooks, by path
     */
    static Backlinks of(List<Postmortem> newestFirst, List<Runbook> byPath) {
        Map<String, List<Runbook>> ids = new HashMap<>();
        byPath.forEach(r -> Listings.addOnce(ids, r.id(), r));
        Map<String, List<Postmortem>> back = new HashMap<>();
        for (Postmortem p : newestFirst) {
            for (String id : p.runbooks()) {
                List<Postmortem> list = back.computeIfAbsent(id, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != p) {
                    list.add(p);
                }
            }
        }
        return new Backlinks(ids, back);
    }

    /** Postmortems whose {@code runbooks:} names {@code runbookId}, newest first. */
    List<Postmortem> of(String runbookId) {
        return byRunbookId.getOrDefault(runbookId, List.of());
    }

    /** The runbooks a postmortem names, in its order; unknown ids keep a null runbook. */
    List<RunbookRef> related(Postmortem p) {
        return p.runbooks().stream().distinct().map(id -> {
            List<Runbook> withId = runbooksById.get(id);
            return new RunbookRef(id, withId == null ? null : withId.get(0));
        }).toList();
    }
}
