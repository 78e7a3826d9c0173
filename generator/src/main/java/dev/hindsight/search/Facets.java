package dev.hindsight.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The facet values of every document, in a file of their own ({@code facets.js}) that only the results
 * page loads: the type-ahead dropdown shows no facets, and the values a result displays are in its
 * document chunk. Documents are numbered in (kind, first service, severity, path) order, so each
 * facet's first value changes rarely along the ids: it is stored as runs of (length, change of value
 * index), the change being small. Further values of a multi-valued facet (a postmortem's second and
 * third services) are stored per value as a count and the gaps between the ids that have it. The
 * value names are front-coded ({@link Codec#frontCoded}): service names share long prefixes.
 */
final class Facets {

    /**
     * One facet as written: sorted values; runs of (length, zigzag change of the first value's index
     * + 1, or 0 for none); per value, its count of further ids and their gaps.
     */
    record Facet(String name, List<String> values, String runs, String more) {
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
        List<List<Integer>> more = new ArrayList<>();
        values.forEach(v -> more.add(new ArrayList<>()));
        int written = 0;
        int runValue = -1;
        int runLength = 0;
        for (int id = 0; id < docs.size(); id++) {
            List<String> vs = valuesOf.apply(docs.get(id));
            int first = vs.isEmpty() ? 0 : index.get(vs.get(0)) + 1;
            if (first != runValue && runLength > 0) {
                Codec.varint(runs, runLength);
                Codec.zigzag(runs, runValue - written);
                written = runValue;
                runLength = 0;
            }
            runValue = first;
            runLength++;
            for (String extra : vs.subList(Math.min(1, vs.size()), vs.size()).stream().distinct().toList()) {
                int v = index.get(extra);
                if (v + 1 != first) {
                    more.get(v).add(id);
                }
            }
        }
        if (runLength > 0) {
            Codec.varint(runs, runLength);
            Codec.zigzag(runs, runValue - written);
        }
        StringBuilder extras = new StringBuilder();
        for (List<Integer> ids : more) {
            Codec.varint(extras, ids.size());
            int prev = -1;
            for (int id : ids) {
                Codec.varint(extras, id - prev - 1);
                prev = id;
            }
        }
        return new Facet(name, values, runs.toString(), extras.toString());
    }

    /** The data of {@code facets.js}. */
    static String json(int count, List<Facet> facets) {
        StringBuilder b = new StringBuilder(4096);
        b.append("{\"count\":").append(count).append(",\"facets\":[");
        for (int i = 0; i < facets.size(); i++) {
            Facet f = facets.get(i);
            b.append(i > 0 ? "," : "").append("{\"name\":");
            Js.string(b, f.name()).append(",\"values\":");
            Js.string(b, Codec.frontCoded(f.values())).append(",\"runs\":");
            Js.string(b, f.runs()).append(",\"more\":");
            Js.string(b, f.more()).append('}');
        }
        return b.append("]}").toString();
    }
}
