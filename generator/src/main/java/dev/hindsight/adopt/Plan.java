package dev.hindsight.adopt;

import java.util.List;
import java.util.Map;

/**
 * What adopt decided: the kinds with their folders and settings, the files left out, the rules switched
 * off, and why (each decision one line for the user).
 */
record Plan(Layout layout, List<KindPlan> kinds, List<String> exclude, boolean ignoreUnknownTypes,
            Map<String, String> rulesOff, List<String> reasons) {

    Plan {
        kinds = List.copyOf(kinds);
        exclude = List.copyOf(exclude);
        rulesOff = Map.copyOf(rulesOff);
        reasons = List.copyOf(reasons);
    }

    Plan withRulesOff(Map<String, String> off, List<String> moreReasons) {
        java.util.Map<String, String> all = new java.util.TreeMap<>(rulesOff);
        all.putAll(off);
        java.util.List<String> r = new java.util.ArrayList<>(reasons);
        r.addAll(moreReasons);
        return new Plan(layout, kinds, exclude, ignoreUnknownTypes, all, r);
    }

    /**
     * One kind: {@code base} is postmortem or runbook (the kind keeps that name), {@code folders} its
     * folders, {@code sections} the headings most of its documents share, {@code fields} our field → their
     * keys, {@code requiredFields} the fields most of them give.
     */
    record KindPlan(String base, List<String> folders, int documents, List<String> sections, Map<String, List<String>> fields,
                    List<String> requiredFields, List<String> show, String alertsFrom, String serviceFrom,
                    String idFrom) {
        KindPlan {
            folders = List.copyOf(folders);
            sections = List.copyOf(sections);
            fields = Map.copyOf(fields);
            requiredFields = List.copyOf(requiredFields);
            show = List.copyOf(show);
        }
    }
}
