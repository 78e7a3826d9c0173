package dev.hindsight.learning;

import java.util.List;

/**
 * One incident-time metric for one group and quarter: every value (whole minutes, sorted), and the median
 * and 90th percentile by nearest rank only with at least {@link #MIN_FOR_PERCENTILES} values (else null:
 * show the values and their count).
 *
 * @param metric {@code ttd}, {@code tta}, {@code ttm} or {@code ttr}
 * @param by     {@code severity} or {@code service}
 * @param group  the severity or service id
 */
public record Distribution(String metric, String by, String group, String quarter, List<Long> minutes, Long median,
                           Long p90) {

    public static final int MIN_FOR_PERCENTILES = 5;

    public Distribution {
        minutes = List.copyOf(minutes);
    }

    public int count() {
        return minutes.size();
    }
}
