package dev.hindsight.learning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recurrence part of {@link Learning} alone, for the {@code recurring-incident} check, which needs
 * neither action items nor handoffs.
 *
 * @param patterns     recurring incidents, the pattern with the newest incident first
 * @param predecessors per postmortem id (only those that have any), the earlier incidents it recurs from,
 *                     newest first
 */
public record Recurrence(List<Pattern> patterns, Map<String, List<Predecessor>> predecessors) {

    public Recurrence {
        patterns = List.copyOf(patterns);
        predecessors = Collections.unmodifiableMap(new LinkedHashMap<>(predecessors));
    }

    /** The earlier incidents {@code postmortemId} recurs from, newest first. */
    public List<Predecessor> predecessorsOf(String postmortemId) {
        return predecessors.getOrDefault(postmortemId, List.of());
    }
}
