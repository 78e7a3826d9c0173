package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Severity;
import java.nio.file.Path;
import java.time.LocalDate;

/** Builds the repository's example site (the tests run in the generator module) as of a fixed day. */
final class ExampleSite {

    static final Path SOURCE = Path.of("../example-site");
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 21);

    private ExampleSite() {
    }

    static BuildOptions options(Path out) {
        return BuildOptions.build(SOURCE, out).withReferenceDate(REFERENCE_DATE);
    }

    static BuildResult build(Path out) {
        BuildResult result = new Hindsight().build(options(out));
        assertThat(result.exitCode(Severity.ERROR)).as(result.diagnostics().toString()).isZero();
        return result;
    }
}
