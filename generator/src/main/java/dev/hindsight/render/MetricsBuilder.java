package dev.hindsight.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes the metrics page from the postmortems. An incident belongs to the month and quarter of its
 * {@code date} (else of its start, in UTC). A duration that comes out negative (times out of order,
 * which validation reports) is left out of the aggregates rather than counted.
 */
final class MetricsBuilder {

    static final String UNSPECIFIED = "unspecified";
    /**
     * Below this many incidents with a figure in a quarter, its median and P90 say little (the P90 of
     * three incidents is the longest one): the page shows the times themselves instead.
     */
    static final int MIN_FOR_PERCENTILES = dev.hindsight.learning.Distribution.MIN_FOR_PERCENTILES;

    private MetricsBuilder() {
    }

    static MetricsView build(List<Postmortem> postmortems, List<String> configuredSeverities) {
        List<Postmortem> dated = new ArrayList<>();
        for (Postmortem p : postmortems) {
            if (periodDate(p) != null) {
                dated.add(p);
            }
        }
        List<String> severities = severities(postmortems, configuredSeverities);
        List<MetricsView.MonthRow> months = months(dated, severities);
        List<MetricsView.QuarterTimes> quarters = quarters(dated);
        List<MetricsView.QuarterCompletion> completion = completion(dated);
        int total = 0;
        int done = 0;
        for (Postmortem p : postmortems) {
            total += p.actionItems().size();
            done += (int) p.actionItems().stream().filter(a -> !a.isOpen()).count();
        }
        MetricsView.QuarterCompletion overall = new MetricsView.QuarterCompletion("all", total, done);
        int undated = postmortems.size() - dated.size();
        return new MetricsView(severities, months, quarters, completion, overall, undated,
                incidentsChart(months, severities), timesChart("chart-ttd", "Time to detect", quarters, true),
                timesChart("chart-ttr", "Time to resolve", quarters, false), completionChart(completion),
                json(severities, months, quarters, completion, overall, undated));
    }

    /** Severity values for the postmortem filter: the site's order, then any others in use. */
    static List<String> severitiesInUse(MetricsView metrics, List<Postmortem> postmortems) {
        return metrics.severities().stream()
                .filter(s -> postmortems.stream().anyMatch(p -> s.equals(p.severity().isEmpty()
                        ? UNSPECIFIED : p.severity())))
                .toList();
    }

    static LocalDate periodDate(Postmortem p) {
        if (p.meta().date() != null) {
            return p.meta().date();
        }
        return p.incident().started() == null ? null
                : p.incident().started().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    private static List<String> severities(List<Postmortem> postmortems, List<String> configured) {
        List<String> out = new ArrayList<>(configured);
        TreeSet<String> extra = new TreeSet<>();
        boolean unspecified = false;
        for (Postmortem p : postmortems) {
            if (p.severity().isEmpty()) {
                unspecified = true;
            } else if (!out.contains(p.severity())) {
                extra.add(p.severity());
            }
        }
        out.addAll(extra);
        if (unspecified) {
            out.add(UNSPECIFIED);
        }
        return out;
    }

    private static List<MetricsView.MonthRow> months(List<Postmortem> dated, List<String> severities) {
        TreeMap<YearMonth, int[]> counts = new TreeMap<>();
        for (Postmortem p : dated) {
            String sev = p.severity().isEmpty() ? UNSPECIFIED : p.severity();
            counts.computeIfAbsent(YearMonth.from(periodDate(p)), k -> new int[severities.size()])
                    [severities.indexOf(sev)]++;
        }
        List<MetricsView.MonthRow> out = new ArrayList<>();
        if (counts.isEmpty()) {
            return out;
        }
        for (YearMonth m = counts.firstKey(); !m.isAfter(counts.lastKey()); m = m.plusMonths(1)) {
            int[] c = counts.getOrDefault(m, new int[severities.size()]);
            List<Integer> list = new ArrayList<>();
            int total = 0;
            for (int v : c) {
                list.add(v);
                total += v;
            }
            out.add(new MetricsView.MonthRow(m.toString(), list, total));
        }
        return out;
    }

    /** Every quarter from the first incident's to the last one's, empty ones included. */
    private static List<String> quarterRange(List<Postmortem> dated) {
        List<String> out = new ArrayList<>();
        if (dated.isEmpty()) {
            return out;
        }
        LocalDate min = dated.stream().map(MetricsBuilder::periodDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate max = dated.stream().map(MetricsBuilder::periodDate).max(LocalDate::compareTo).orElseThrow();
        LocalDate q = LocalDate.of(min.getYear(), ((min.getMonthValue() - 1) / 3) * 3 + 1, 1);
        while (!q.isAfter(max)) {
            out.add(quarter(q));
            q = q.plusMonths(3);
        }
        return out;
    }

    private static List<MetricsView.QuarterTimes> quarters(List<Postmortem> dated) {
        List<MetricsView.QuarterTimes> out = new ArrayList<>();
        for (String q : quarterRange(dated)) {
            List<Postmortem> in = dated.stream().filter(p -> quarter(periodDate(p)).equals(q)).toList();
            List<Long> ttd = minutes(in, p -> p.incident().timeToDetect());
            List<Long> ttr = minutes(in, p -> p.incident().timeToResolve());
            boolean ttdEnough = ttd.size() >= MIN_FOR_PERCENTILES;
            boolean ttrEnough = ttr.size() >= MIN_FOR_PERCENTILES;
            out.add(new MetricsView.QuarterTimes(q, in.size(), ttdEnough ? Stats.median(ttd) : null,
                    ttdEnough ? Stats.percentile(ttd, 90) : null, ttd.size(), ttrEnough ? Stats.median(ttr) : null,
                    ttrEnough ? Stats.percentile(ttr, 90) : null, ttr.size(), ttd.stream().sorted().toList(),
                    ttr.stream().sorted().toList()));
        }
        return out;
    }

    static List<Long> minutes(List<Postmortem> postmortems, Function<Postmortem, Optional<Duration>> figure) {
        List<Long> out = new ArrayList<>();
        for (Postmortem p : postmortems) {
            figure.apply(p).map(Duration::toMinutes).filter(m -> m >= 0).ifPresent(out::add);
        }
        return out;
    }

    private static List<MetricsView.QuarterCompletion> completion(List<Postmortem> dated) {
        List<MetricsView.QuarterCompletion> out = new ArrayList<>();
        for (String q : quarterRange(dated)) {
            int total = 0;
            int done = 0;
            for (Postmortem p : dated) {
                if (quarter(periodDate(p)).equals(q)) {
                    total += p.actionItems().size();
                    done += (int) p.actionItems().stream().filter(a -> a.status() == ActionItem.Status.DONE).count();
                }
            }
            out.add(new MetricsView.QuarterCompletion(q, total, done));
        }
        return out;
    }

    // ---- charts ---------------------------------------------------------------------------------

    private static String incidentsChart(List<MetricsView.MonthRow> months, List<String> severities) {
        List<String> labels = months.stream().map(MetricsView.MonthRow::month).toList();
        Double[][] values = new Double[months.size()][severities.size()];
        for (int i = 0; i < months.size(); i++) {
            for (int s = 0; s < severities.size(); s++) {
                values[i][s] = (double) months.get(i).counts().get(s);
            }
        }
        List<SvgCharts.Series> series = new ArrayList<>();
        for (int s = 0; s < severities.size(); s++) {
            series.add(new SvgCharts.Series(severities.get(s), "c" + Math.min(s, 5)));
        }
        return SvgCharts.bars(new SvgCharts.Spec("chart-incidents", "Incidents per month by severity",
                "Stacked bars: the number of incidents in each month from " + first(labels) + " to " + last(labels)
                        + ", split by severity. The table below gives the same figures.",
                labels, series, values, true, 0, v -> count(v), v -> count(v) + (v == 1 ? " incident" : " incidents"),
                null));
    }

    private static String timesChart(String id, String what, List<MetricsView.QuarterTimes> quarters, boolean detect) {
        List<String> labels = quarters.stream().map(MetricsView.QuarterTimes::quarter).toList();
        Double[][] values = new Double[quarters.size()][3];
        double max = 0;
        for (int i = 0; i < quarters.size(); i++) {
            MetricsView.QuarterTimes q = quarters.get(i);
            Long median = detect ? q.ttdMedian() : q.ttrMedian();
            Long p90 = detect ? q.ttdP90() : q.ttrP90();
            List<Long> each = detect ? q.ttdValues() : q.ttrValues();
            // Too few for percentiles: the longest of them, which the table lists one by one.
            Long longest = p90 == null && !each.isEmpty() ? each.get(each.size() - 1) : null;
            values[i][0] = median == null ? null : median.doubleValue();
            values[i][1] = p90 == null ? null : p90.doubleValue();
            values[i][2] = longest == null ? null : longest.doubleValue();
            max = Math.max(max, Math.max(p90 == null ? 0 : p90, longest == null ? 0 : longest));
        }
        boolean hours = max >= 180;
        if (hours) {
            for (Double[] row : values) {
                for (int s = 0; s < row.length; s++) {
                    row[s] = row[s] == null ? null : row[s] / 60.0;
                }
            }
        }
        String abbr = detect ? "TTD" : "TTR";
        return SvgCharts.bars(new SvgCharts.Spec(id, what + " (" + abbr + ") per quarter: median and 90th percentile",
                "Bars side by side for each quarter from " + first(labels) + " to " + last(labels) + ": the median and"
                        + " the 90th percentile (nearest rank) of " + what.toLowerCase(Locale.ROOT) + ", in "
                        + (hours ? "hours" : "minutes") + "; for a quarter with fewer than " + MIN_FOR_PERCENTILES
                        + " incidents, whose percentiles would say little, the longest of them."
                        + " The table below gives each of their times.",
                labels, List.of(new SvgCharts.Series("Median", "median"), new SvgCharts.Series("P90", "p90"),
                        new SvgCharts.Series("Longest (under " + MIN_FOR_PERCENTILES + " incidents)", "few")),
                values, false, 0, v -> count(v) + (hours ? " h" : " min"),
                v -> Formats.human(Duration.ofMinutes(Math.round(hours ? v * 60 : v))),
                v -> compact(Math.round(hours ? v * 60 : v))));
    }

    private static String completionChart(List<MetricsView.QuarterCompletion> completion) {
        List<String> labels = completion.stream().map(MetricsView.QuarterCompletion::quarter).toList();
        Double[][] values = new Double[completion.size()][1];
        for (int i = 0; i < completion.size(); i++) {
            MetricsView.QuarterCompletion c = completion.get(i);
            values[i][0] = c.total() == 0 ? null : (double) c.percent();
        }
        return SvgCharts.bars(new SvgCharts.Spec("chart-completion", "Action items done, by quarter of the incident",
                "Bars for each quarter from " + first(labels) + " to " + last(labels) + ": the share of the action"
                        + " items of that quarter's postmortems that are done, in percent. The table below gives the"
                        + " counts.",
                labels, List.of(new SvgCharts.Series("Done", "done")), values, false, 100, v -> count(v) + "%",
                v -> count(v) + "% done", v -> count(v) + "%"));
    }

    /** Fits above a narrow bar: {@code 7m}, {@code 1.5h}, {@code 12h}, {@code 3.2d}. */
    static String compact(long minutes) {
        if (minutes < 60) {
            return minutes + "m";
        }
        if (minutes < 48 * 60) {
            double h = minutes / 60.0;
            return (h < 10 ? String.format(Locale.ROOT, "%.1f", h) : Long.toString(Math.round(h))) + "h";
        }
        return String.format(Locale.ROOT, "%.1f", minutes / 1440.0) + "d";
    }

    private static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String first(List<String> l) {
        return l.isEmpty() ? "-" : l.get(0);
    }

    private static String last(List<String> l) {
        return l.isEmpty() ? "-" : l.get(l.size() - 1);
    }

    // ---- JSON -----------------------------------------------------------------------------------

    private static String json(List<String> severities, List<MetricsView.MonthRow> months,
                               List<MetricsView.QuarterTimes> quarters, List<MetricsView.QuarterCompletion> completion,
                               MetricsView.QuarterCompletion overall, int undated) {
        ObjectNode root = JsonText.object();
        root.put("percentile_method", "nearest-rank");
        root.put("percentiles_min_incidents", MIN_FOR_PERCENTILES);
        root.put("duration_unit", "minutes");
        ArrayNode sev = root.putArray("severities");
        severities.forEach(sev::add);
        ArrayNode m = root.putArray("incidents_per_month");
        for (MetricsView.MonthRow r : months) {
            ObjectNode o = m.addObject();
            o.put("month", r.month());
            ObjectNode by = o.putObject("by_severity");
            for (int i = 0; i < severities.size(); i++) {
                by.put(severities.get(i), r.counts().get(i));
            }
            o.put("total", r.total());
        }
        ArrayNode q = root.putArray("times_per_quarter");
        for (MetricsView.QuarterTimes t : quarters) {
            ObjectNode o = q.addObject();
            o.put("quarter", t.quarter());
            o.put("incidents", t.incidents());
            o.put("ttd_median", t.ttdMedian());
            o.put("ttd_p90", t.ttdP90());
            o.put("ttd_count", t.ttdCount());
            o.put("ttr_median", t.ttrMedian());
            o.put("ttr_p90", t.ttrP90());
            o.put("ttr_count", t.ttrCount());
            ArrayNode ttdEach = o.putArray("ttd_minutes");
            t.ttdValues().forEach(ttdEach::add);
            ArrayNode ttrEach = o.putArray("ttr_minutes");
            t.ttrValues().forEach(ttrEach::add);
        }
        ArrayNode c = root.putArray("action_item_completion");
        for (MetricsView.QuarterCompletion r : completion) {
            ObjectNode o = c.addObject();
            o.put("quarter", r.quarter());
            o.put("total", r.total());
            o.put("done", r.done());
        }
        ObjectNode all = root.putObject("action_item_completion_overall");
        all.put("total", overall.total());
        all.put("done", overall.done());
        root.put("undated_postmortems", undated);
        return JsonText.write(root);
    }
}
