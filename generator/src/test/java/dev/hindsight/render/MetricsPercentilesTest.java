package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Postmortem;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Percentiles of a handful of incidents say nothing: a quarter with fewer than
 * {@link MetricsBuilder#MIN_FOR_PERCENTILES} incidents shows the times themselves, a quarter with
 * enough its median and P90 with how many incidents they are over.
 */
class MetricsPercentilesTest {

    private static Postmortem incident(int n, LocalDate date, int detectMinutes, int resolveMinutes) {
        String path = "postmortems/" + date + "-" + n + ".md";
        SourceDocument src = new SourceDocument(new SourceFile(path, "", 0, "", 1, false), FrontMatter.empty(path));
        DocumentMeta meta = new DocumentMeta("postmortem", "INC-" + n, date + "-" + n, path, DocumentMeta.urlFor(path),
                "Incident " + n, dev.hindsight.config.DocumentStatus.PUBLISHED.yaml(), date, List.of(), src);
        OffsetDateTime start = date.atTime(10, 0).atOffset(ZoneOffset.UTC);
        IncidentTimes times = new IncidentTimes(start, start.plusMinutes(detectMinutes), null, null,
                start.plusMinutes(resolveMinutes));
        return new Postmortem(meta, new MarkdownParser().parse("", 1), "SEV-2", List.of(), List.of(), times, "",
                List.of(), List.of(), List.of(), List.of());
    }

    private static MetricsView metrics() {
        List<Postmortem> pms = new ArrayList<>();
        // 2025-Q1: two incidents; 2025-Q2: six.
        pms.add(incident(1, LocalDate.of(2025, 1, 10), 30, 120));
        pms.add(incident(2, LocalDate.of(2025, 2, 10), 5, 45));
        for (int i = 0; i < 6; i++) {
            pms.add(incident(10 + i, LocalDate.of(2025, 4, 1 + i), 10 * (i + 1), 60 * (i + 1)));
        }
        return MetricsBuilder.build(pms, List.of("SEV-1", "SEV-2"));
    }

    @Test
    void theThresholdIsANamedConstantOfFive() {
        assertThat(MetricsBuilder.MIN_FOR_PERCENTILES).isEqualTo(5);
    }

    @Test
    void aQuarterWithFewIncidentsShowsTheTimesThemselvesAndNoPercentile() {
        MetricsView.QuarterTimes q1 = metrics().quarters().get(0);
        assertThat(q1.quarter()).isEqualTo("2025-Q1");
        assertThat(q1.percentiles()).isFalse();
        assertThat(q1.ttdMedian()).isNull();
        assertThat(q1.ttdP90()).isNull();
        assertThat(q1.ttrP90()).isNull();
        assertThat(q1.ttdValues()).containsExactly(5L, 30L);
        assertThat(q1.ttrValues()).containsExactly(45L, 120L);
    }

    @Test
    void aQuarterWithEnoughIncidentsShowsMedianAndP90OverTheirCount() {
        MetricsView.QuarterTimes q2 = metrics().quarters().get(1);
        assertThat(q2.quarter()).isEqualTo("2025-Q2");
        assertThat(q2.percentiles()).isTrue();
        assertThat(q2.ttdMedian()).isEqualTo(30L);
        assertThat(q2.ttdP90()).isEqualTo(60L);
        assertThat(q2.ttrP90()).isEqualTo(360L);
        assertThat(q2.ttdCount()).isEqualTo(6);
    }

    @Test
    void theJsonCarriesTheValuesBelowTheThresholdAndNullPercentiles() throws Exception {
        JsonNode data = new ObjectMapper().readTree(metrics().json());
        assertThat(data.path("percentiles_min_incidents").asInt()).isEqualTo(5);
        JsonNode q1 = data.path("times_per_quarter").get(0);
        assertThat(q1.path("ttd_p90").isNull()).isTrue();
        assertThat(q1.path("ttd_minutes").toString()).isEqualTo("[5,30]");
        JsonNode q2 = data.path("times_per_quarter").get(1);
        assertThat(q2.path("ttd_p90").asLong()).isEqualTo(60);
    }

    @Test
    void theChartDrawsNoPercentileBarsForASmallQuarterAndSaysWhy() {
        String svg = metrics().ttdSvg();
        assertThat(svg).contains("fewer than 5 incidents");
    }
}
