package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit times past 2038 (and past 2106) are read as they are, not wrapped into 32 bits. */
class FarFutureDatesTest {

    @TempDir
    Path tmp;

    @Test
    void commitsDatedAfter2038And2106KeepTheirDates() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("postmortems/a.md", "v1\n").commit("Alice", "2040-06-01T10:00:00Z", "In 2040");
            repo.write("postmortems/a.md", "v2\n").commit("Bob", "2106-03-01T12:00:00Z", "In 2106");

            Diagnostics diagnostics = new Diagnostics();
            GitHistory h = new GitHistoryBuilder(tmp, diagnostics).call();

            assertThat(diagnostics.sorted()).isEmpty();
            FileHistory a = h.file("postmortems/a.md").orElseThrow();
            assertThat(a.created()).isEqualTo(OffsetDateTime.parse("2040-06-01T10:00:00Z"));
            assertThat(a.lastUpdated()).isEqualTo(OffsetDateTime.parse("2106-03-01T12:00:00Z"));
            assertThat(h.headDate()).contains(LocalDate.of(2106, 3, 1));
            assertThat(a.commits()).extracting(CommitInfo::time).containsExactly(
                    OffsetDateTime.parse("2106-03-01T12:00:00Z"), OffsetDateTime.parse("2040-06-01T10:00:00Z"));
        }
    }
}
