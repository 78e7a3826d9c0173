package dev.hindsight.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The facet values of every document, small enough for the metadata file at 10k documents. Documents
 * are numbered in (kind, first service, severity, path) order, so each facet's first value changes
 * rarely along the ids and is stored run-length encoded; further values of a multi-valued facet (a
 * postmortem's second and third services) are stored as a list of document ids per value.
 */
final class Facets {

    /** One facet as written: sorted values, runs of (length, value index + 1 or 0 for none), extra ids. */
    record Facet(String name, List<String> values, String runs, List<String> more) {
    }

    private Facets() {
    }

    static List<Facet> of(List<SearchEntry> docs) {
        return List.of(
                facet("kind", docs, d -> List.of(d.kind())),
                facet("service", docs, SearchEntry::services),
                facet("severity", docs, d -> d.severity().isEmpty() ? List.of() : List.of(d.severity())));
    }

    static Facet facet(String name, List<SearchEntry> docs, Function<SearchEntry, List<String>> valuesOf) {
        TreeSet<String> set = new TreeSet<>();
        docs.forEach(d -> set.addAll(valuesOf.apply(d)));
        List<String> values = List.copyOf(set);
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < values.size(); v++) {
            index.put(values.get(v), v);
        }
        StringBuilder runs = new StringBuilder();
        List<StringBuilder> more = new ArrayList<>();
        int[] lastMore = new int[values.size()];
        for (int v = 0; v < values.size(); v++) {
            more.add(new StringBuilder());
            lastMore[v] = -1;
        }
        int runValue = -1;
        int runLength = 0;
        for (int id = 0; id < docs.size(); id++) {
            List<String> vs = valuesOf.apply(docs.get(id));
            int first = vs.isEmpty() ? 0 : index.get(vs.get(0)) + 1;
            if (first != runValue && runLength > 0) {
                Codec.varint(runs, runLength);
                Codec.varint(runs, runValue);
                runLength = 0;
            }
            runValue = first;
            runLength++;
            for (String extra : vs.subList(Math.min(1, vs.size()), vs.size()).stream().distinct().toList()) {
                int v = index.get(extra);
                if (v + 1 == first) {
                    continue;
                }
                Codec.varint(more.get(v), id - lastMore[v] - 1);
                lastMore[v] = id;
            }
        }
        if (runLength > 0) {
            Codec.varint(runs, runLength);
            Codec.varint(runs, runValue);
        }
        return new Facet(name, values, runs.toString(), more.stream().map(StringBuilder::toString).toList());
    }
}
