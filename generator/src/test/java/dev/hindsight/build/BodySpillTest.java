package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary file a one-shot build keeps its bodies' HTML in: what goes in comes back, and nothing is left. */
class BodySpillTest {

    @Test
    void whatIsHeldComesBackAsOftenAsAskedFromManyThreadsAndTheFileIsNeverSeen(@TempDir Path dir) throws Exception {
        List<String> bodies = IntStream.range(0, 2_000).mapToObj(i -> "<p>body " + i + " — naïve café, 日本語 "
                + "x".repeat(i % 300) + (i % 7 == 0 ? "\uD83D\uDE80" : "") + "</p>").toList();
        List<Supplier<String>> held;
        try (BodySpill spill = BodySpill.open(dir)) {
            assertThat(spill).isNotNull();
            // unlinked as soon as it is open: a killed build leaves nothing behind
            try (var files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
            held = new ArrayList<>(bodies.parallelStream().map(spill::hold).toList());
            for (int round = 0; round < 2; round++) {
                List<String> back = held.parallelStream().map(Supplier::get).toList();
                assertThat(back).isEqualTo(bodies);
            }
            assertThat(spill.hold("").get()).isEmpty();
        }
        assertThatThrownBy(() -> held.get(1).get()).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read back a document's HTML: ");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutAWritableDirectoryThereIsNoSpillAndTheBuildKeepsBodiesInMemory(@TempDir Path dir) {
        assertThat(BodySpill.open(dir.resolve("missing"))).isNull();
    }
}
