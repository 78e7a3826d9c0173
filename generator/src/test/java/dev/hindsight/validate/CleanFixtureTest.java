package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The base documents of {@link RuleRun} pass every rule, so each rule test sees only what it changed. */
class CleanFixtureTest {

    @TempDir
    Path tmp;

    @Test
    void theBasePostmortemAndRunbookPassEveryRule() {
        Path root = SiteFixture.write(tmp, RuleRun.CONFIG + "-- postmortems/2024-03-05-checkout.md --\n"
                + RuleRun.postmortem() + "-- runbooks/checkout.md --\n"
                + SiteFixture.VALID_RUNBOOK.formatted("Checkout").replace("service: api", "service: checkout"));
        var result = new Hindsight().check(BuildOptions.check(root).withReferenceDate(java.time.LocalDate.of(2024, 3, 10)));
        assertThat(result.diagnostics().stream().map(Diagnostic::toString))
                .containsExactly("hindsight.yml:1:1: info[git-unavailable]: the site is not inside a Git repository;"
                        + " pages get no created or updated dates and no page history");
    }
}
