package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the whole check pipeline over a one-file site: the input's bytes become
 * {@code postmortems/fuzz.md} (so strict UTF-8 decoding runs too), and {@link Hindsight#check} reads,
 * extracts and validates it. Property: no exception, bounded time, never a setup failure.
 */
class CheckPipelineFuzzTest {

    private static Path site;

    @BeforeAll
    static void createSite() throws IOException {
        site = Files.createTempDirectory("hindsight-fuzz-");
        Files.createDirectories(site.resolve("postmortems"));
        Files.writeString(site.resolve("hindsight.yml"), "title: Fuzz\n");
        Files.writeString(site.resolve("postmortems/fuzz.md"), Bounded.WARM_UP);
        new Hindsight().check(BuildOptions.check(site));
    }

    @AfterAll
    static void deleteSite() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void check(byte[] data) throws IOException {
        Files.write(site.resolve("postmortems/fuzz.md"), data);
        BuildOptions options = BuildOptions.check(site).withReferenceDate(LocalDate.of(2026, 1, 1));
        BuildResult result = Bounded.within(Bounded.PER_INPUT, () -> new Hindsight().check(options));
        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        assertThat(result.documents()).isBetween(0, 1);
    }
}
