package dev.hindsight.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageTimingsTest {

    @TempDir
    Path tmp;

    private static final long MIB = 1024 * 1024;

    @Test
    void theTableHasOneAlignedRowPerStageReachedThenTheTotal() {
        AtomicLong clock = new AtomicLong();
        AtomicLong heap = new AtomicLong();
        AtomicLong rss = new AtomicLong();
        StageTimings t = new StageTimings(clock::get, heap::get, () -> OptionalLong.of(rss.get()));
        t.started(Stage.READ, 0);
        t.started(Stage.GIT, 0);
        clock.set(1_500_000_000L);
        heap.set(40 * MIB);
        rss.set(180 * MIB);
        t.ended(Stage.PARSE, 1990, Duration.ofMillis(900));
        t.ended(Stage.READ, 2000, Duration.ofMillis(600));
        clock.set(2_000_000_000L);
        heap.set(300 * MIB);
        rss.set(700 * MIB);
        t.ended(Stage.GIT, 1234, Duration.ofMillis(1_950));
        clock.set(3_250_000_000L);
        heap.set(120 * MIB + MIB / 2);
        t.ended(Stage.VALIDATE, 1990, Duration.ofMillis(1_250));

        assertThat(t.table()).isEqualTo("""
                stage           time    items  heap after    peak RSS
                read          0.60 s     2000      40 MiB     180 MiB
                git           1.95 s     1234     300 MiB     700 MiB  (alongside)
                parse         0.90 s     1990      40 MiB     180 MiB
                validate      1.25 s     1990     121 MiB     700 MiB
                total         3.25 s
                """);
    }

    @Test
    void withoutProcStatusThePeakRssIsNotKnown() {
        StageTimings t = new StageTimings(() -> 0, () -> 0, OptionalLong::empty);
        t.ended(Stage.VALIDATE, 1, Duration.ofMillis(10));

        assertThat(t.table()).contains("validate      0.01 s        1       0 MiB         n/a\n")
                .endsWith("total         0.00 s\n");
        assertThat(new StageTimings().table()).as("no stage ran").isEmpty();
    }

    @Test
    void thePeakRssIsVmHwmOfProcStatus() throws Exception {
        Path status = Files.writeString(tmp.resolve("status"), "Name:\tjava\nVmPeak:\t 5000000 kB\n"
                + "VmHWM:\t  204800 kB\nVmRSS:\t  100000 kB\n");
        assertThat(StageTimings.peakRss(status)).hasValue(204800L * 1024);
        assertThat(StageTimings.peakRss(tmp.resolve("missing"))).isEmpty();
        assertThat(StageTimings.peakRss(Files.writeString(tmp.resolve("odd"), "VmHWM: lots\n"))).isEmpty();
    }
}
