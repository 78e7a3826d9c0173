package dev.hindsight.render;

import java.util.List;

/**
 * The figures of the metrics page, each chart with the data behind it. Durations are whole minutes;
 * aggregates are nearest-rank medians and 90th percentiles ({@link Stats}).
 *
 * @param severities   the series of {@link #months}, in the site's severity order
 * @param undated      postmortems with neither a date nor a start time, left out of every period
 * @param json         the same data as JSON, for readers who want to reuse it
 */
public record MetricsView(List<String> severities, List<MonthRow> months, List<QuarterTimes> quarters,
                          List<QuarterCompletion> completion, QuarterCompletion overall, int undated,
                          String incidentsSvg, String ttdSvg, String ttrSvg, String completionSvg, String json) {

    public MetricsView {
        severities = List.copyOf(severities);
        months = List.copyOf(months);
        quarters = List.copyOf(quarters);
        completion = List.copyOf(completion);
    }

    /** The fewest incidents with a time in a quarter for its median and P90 to be shown. */
    public int minForPercentiles() {
        return MetricsBuilder.MIN_FOR_PERCENTILES;
    }

    /** Incidents of one month ({@code 2025-02}), per severity in {@link #severities} order. */
    public record MonthRow(String month, List<Integer> counts, int total) {
        public MonthRow {
            counts = List.copyOf(counts);
        }
    }

    /**
     * TTD and TTR of the incidents of one quarter ({@code 2025-Q1}). A median or P90 is null without
     * data and where fewer than {@link MetricsBuilder#MIN_FOR_PERCENTILES} incidents have the figure;
     * then {@code ttdValues} / {@code ttrValues} (each incident's, in minutes, ascending) are shown instead.
     */
    public record QuarterTimes(String quarter, int incidents, Long ttdMedian, Long ttdP90, int ttdCount,
                               Long ttrMedian, Long ttrP90, int ttrCount, List<Long> ttdValues, List<Long> ttrValues) {
        public QuarterTimes {
            ttdValues = List.copyOf(ttdValues);
            ttrValues = List.copyOf(ttrValues);
        }

        /** Whether this quarter has enough incidents with times for a median and P90. */
        public boolean percentiles() {
            return ttdP90 != null || ttrP90 != null;
        }
    }

    /** Action items of the postmortems of one quarter (or of all, for the overall row) and how many are done. */
    public record QuarterCompletion(String quarter, int total, int done) {
        /** Whole percent, rounded half up; 0 when there are no items. */
        public int percent() {
            return total == 0 ? 0 : (int) ((done * 200L + total) / (2L * total));
        }
    }
}
