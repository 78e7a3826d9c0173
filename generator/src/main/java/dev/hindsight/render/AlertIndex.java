package dev.hindsight.render;

import dev.hindsight.model.Runbook;
import dev.hindsight.text.Slugs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The alert pages: every alert named by a runbook, by name, each sending readers to its runbook. */
record AlertIndex(List<AlertView> alerts) {

    /** @param byPath the runbooks, by path */
    static AlertIndex of(List<Runbook> byPath) {
        Map<String, List<Runbook>> byName = new HashMap<>();
        for (Runbook r : byPath) {
            for (String a : r.alerts()) {
                if (!a.isBlank()) {
                    Listings.addOnce(byName, a.strip(), r);
                }
            }
        }
        TreeMap<String, AlertView> out = new TreeMap<>();
        byName.forEach((name, rbs) -> out.put(name, alert(name, rbs)));
        return new AlertIndex(List.copyOf(out.values()));
    }

    /** An alert's page, for the runbooks (by path) that list it. */
    static AlertView alert(String name, List<Runbook> byPath) {
        return new AlertView(name, Slugs.segment(name), byPath.get(0), byPath.subList(1, byPath.size()));
    }
}
