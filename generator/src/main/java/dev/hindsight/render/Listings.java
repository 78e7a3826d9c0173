package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the view's lists are ordered, and the small helpers its indexes share. Every order breaks ties on
 * the source path, so no list depends on map or thread order.
 */
final class Listings {

    static final Comparator<Document> BY_PATH = Comparator.comparing(d -> d.meta().sourcePath());

    /** Newest first; undated last. */
    static final Comparator<Postmortem> NEWEST_FIRST = Comparator.comparing((Postmortem p) -> p.meta().date(),
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(BY_PATH);

    static final Comparator<Document> BY_TITLE = Comparator.comparing(
            (Document d) -> d.title().toLowerCase(Locale.ROOT)).thenComparing(BY_PATH);

    /** Tag pages list postmortems, then runbooks, then other documents; newest first; then by title. */
    static final Comparator<Document> TAG_ORDER = Comparator
            .comparing((Document d) -> d instanceof Postmortem ? 0 : d instanceof Runbook ? 1 : 2)
            .thenComparing((Document d) -> d.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BY_TITLE);

    private Listings() {
    }

    /** Adds {@code doc} under {@code key} unless it is already the last one there (lists keep input order). */
    static <T> void addOnce(Map<String, List<T>> map, String key, T doc) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != doc) {
            list.add(doc);
        }
    }

    /** The element of {@code sorted} (sorted by {@code key}) whose key is {@code k}, or null. */
    static <T> T find(List<T> sorted, Function<T, String> key, String k) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = key.apply(sorted.get(mid)).compareTo(k);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return sorted.get(mid);
            }
        }
        return null;
    }
}
