package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import dev.hindsight.site.BuildOptions;
import dev.hindsight.site.BuildResult;
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
    void theNewDocumentsCheckWithoutErrorsOrWarnings() {
        Sites.write(tmp, "hindsight.yml", "title: Test\n");
        for (NewDocument doc : new NewDocument[] {
                NewDocument.of("postmortem", "Checkout: \"card\" payments failed", "checkout", DAY),
                NewDocument.of("runbook", "Checkout", "checkout", DAY)}) {
            Sites.write(tmp, doc.path(), doc.content());
        }

        BuildResult result = new Hindsight().check(BuildOptions.check(tmp).withReferenceDate(DAY));

        assertThat(result.diagnostics()).map(Diagnostic::toString).isEmpty();
        assertThat(result.documents()).isEqualTo(2);
        assertThat(result.exitCode(Severity.WARNING)).isZero();
    }

    @Test
    void aPostmortemIsNamedByDateAndTitle() {
        NewDocument doc = NewDocument.of("Postmortem", "Checkout: \"card\" payments failed", "checkout", DAY);
        assertThat(doc.path()).isEqualTo("postmortems/2026-03-05-checkout-card-payments-failed.md");
        assertThat(doc.content()).startsWith("---\ntitle: \"Checkout: \\\"card\\\" payments failed\"\nid: INC-2026-TODO\n"
                + "date: 2026-03-05\nstatus: draft\n").contains("services: [checkout]\n");
        assertThat(NewDocument.of("runbook", "Checkout API", "checkout-api", DAY).path()).isEqualTo("runbooks/checkout-api.md");
    }

    @Test
    void slugsAreLowercaseAsciiWords() {
        assertThat(NewDocument.slug("Café: DB pool exhausted!")).isEqualTo("cafe-db-pool-exhausted");
        assertThat(NewDocument.slug("  --Ünïcode  ")).isEqualTo("unicode");
        assertThat(NewDocument.slug("a".repeat(30) + " " + "b".repeat(40))).isEqualTo("a".repeat(30));
        assertThat(NewDocument.yamlString("Redis failover (shard 2)")).isEqualTo("Redis failover (shard 2)");
        assertThat(NewDocument.yamlString("#1: yes")).isEqualTo("\"#1: yes\"");
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
        assertThatThrownBy(() -> mojo("runbook", "Checkout again", "checkout").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage(file + " already exists; choose another `<title>` or edit it");
        assertThatThrownBy(() -> mojo("game-day", "X", "checkout").execute())
                .hasMessage("`<kind>` takes postmortem or runbook, not 'game-day'");
        assertThatThrownBy(() -> mojo("runbook", "X", "Check Out").execute())
                .hasMessage("`<service>` takes a service id such as payments-api, not 'Check Out'");
        assertThatThrownBy(() -> mojo("postmortem", "!!!", "checkout").execute())
                .hasMessage("`<title>` needs a few words, such as \"Checkout outage\"");
    }
}
