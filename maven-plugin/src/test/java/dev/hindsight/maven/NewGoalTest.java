package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewGoalTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);

    @TempDir
    Path tmp;

    private NewMojo mojo(String kind, String title, String service) {
        NewMojo mojo = new NewMojo();
        mojo.setLog(new RecordingLog());
        mojo.environment = name -> null;
        mojo.clock = Clock.fixed(Instant.parse("2027-01-02T03:04:05Z"), ZoneOffset.UTC);
        Mojos.set(mojo, "kind", kind);
        Mojos.set(mojo, "title", title);
        Mojos.set(mojo, "service", service);
        Mojos.set(mojo, "siteDirectory", tmp.toFile());
        return mojo;
    }

    @Test
    void theNewDocumentsCheckWithoutErrorsOnlyPlaceholderWarnings() throws Exception {
        Sites.write(tmp, "hindsight.yml", "title: Test\n");
        Mojos.set(mojo("postmortem", "Checkout: \"card\" payments failed", "checkout"), "referenceDate", "2026-03-05")
                .execute();
        Mojos.set(mojo("runbook", "Checkout", "checkout"), "referenceDate", "2026-03-05").execute();
        Path pm = tmp.resolve("postmortems/2026-03-05-checkout-card-payments-failed.md");
        assertThat(pm).content().startsWith("---\ntitle: \"Checkout: \\\"card\\\" payments failed\"\nid: INC-2026-001\n"
                + "date: 2026-03-05\nstatus: draft\n").contains("services: [checkout]\n");
        assertThat(tmp.resolve("runbooks/checkout.md")).exists();

        BuildResult result = new Hindsight().check(BuildOptions.check(tmp).withReferenceDate(DAY));

        assertThat(result.documents()).isEqualTo(2);
        assertThat(result.exitCode(Severity.ERROR)).isZero();
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                .allMatch(d -> d.ruleId().equals("placeholder"));
    }

    @Test
    void theDateIsTheParameterThenSourceDateEpochThenTheClock() throws Exception {
        mojo("postmortem", "One", "checkout").execute();
        NewMojo epoch = mojo("postmortem", "Two", "checkout");
        epoch.environment = name -> "1772323200";
        epoch.execute();
        Mojos.set(mojo("postmortem", "Three", "checkout"), "referenceDate", "2025-12-24").execute();

        assertThat(tmp.resolve("postmortems/2027-01-02-one.md")).isRegularFile();
        assertThat(tmp.resolve("postmortems/2026-03-01-two.md")).isRegularFile();
        assertThat(tmp.resolve("postmortems/2025-12-24-three.md")).isRegularFile();
    }

    @Test
    void itNeverOverwritesAndSaysWhichParameterIsWrong() throws Exception {
        mojo("runbook", "Checkout", "checkout").execute();
        Path file = tmp.resolve("runbooks/checkout.md");
        assertThatThrownBy(() -> mojo("runbook", "Checkout", "checkout").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(file + " already exists; choose another `<title>` or edit it");
        assertThatThrownBy(() -> mojo("game-day", "X", "checkout").execute())
                .hasMessage("`<kind>`: unknown kind 'game-day'; known: postmortem, runbook");
        assertThatThrownBy(() -> mojo("postmortem", "!!!", "checkout").execute())
                .hasMessage("`<title>`: the title must contain at least one letter or digit");
    }
}
