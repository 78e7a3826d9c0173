package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentiles() {
        List<Long> v = List.of(15L, 20L, 35L, 40L, 50L);
        assertThat(Stats.percentile(v, 30)).isEqualTo(20L);
        assertThat(Stats.percentile(v, 40)).isEqualTo(20L);
        assertThat(Stats.percentile(v, 50)).isEqualTo(35L);
        assertThat(Stats.percentile(v, 90)).isEqualTo(50L);
        assertThat(Stats.percentile(v, 100)).isEqualTo(50L);
        assertThat(Stats.percentile(v, 1)).isEqualTo(15L);
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertThat(Stats.median(List.of(40L, 10L, 30L, 20L))).isEqualTo(20L);
        assertThat(Stats.median(List.of(7L))).isEqualTo(7L);
        assertThat(Stats.median(List.of())).isNull();
        assertThat(Stats.percentile(List.of(3L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 90)).isEqualTo(9L);
        assertThat(Stats.percentile(List.of(3L, 1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), 90)).isEqualTo(10L);
    }
}
