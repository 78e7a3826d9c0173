package dev.hindsight.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles by nearest rank: the P-th percentile of n values is the value at rank ⌈P/100 × n⌉ of
 * the sorted values (rank 1 at least). The median is P50 by the same rule, so it is always the
 * figure of one real incident (for an even count, the lower of the two middle values).
 */
public final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile of {@code values}, or null when there are none. */
    public static Long percentile(List<Long> values, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1..100: " + percent);
        }
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        int rank = Math.max(1, (percent * n + 99) / 100);
        return sorted.get(rank - 1);
    }

    public static Long median(List<Long> values) {
        return percentile(values, 50);
    }
}
