package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllProblemsTest {

    @TempDir
    Path tmp;

    @Test
    void reportsEveryProblemInOneRun() throws IOException {
        String fixture = Files.readString(Path.of("src/test/resources/sites/all-problems.txt"));
        Path site = SiteFixture.write(tmp, fixture);
        BuildResult result = new Hindsight().check(BuildOptions.check(site).withReferenceDate(LocalDate.of(2024, 6, 1)));
        assertThat(result.diagnostics().stream().map(Diagnostic::toString)).containsExactly(
                "hindsight.yml:1:1: info[git-unavailable]: the site is not inside a Git repository; pages get no created or updated dates and no page history",
                "notes/loose.md:1:1: info[unknown-kind]: not in a document folder and has no `type:`; skipped",
                "postmortems/2024-03-05-checkout.md:6:1: error[front-matter-schema]: `severity`: does not have a value in the enumeration [\"SEV-1\", \"SEV-2\", \"SEV-3\", \"SEV-4\"]",
                "postmortems/2024-03-05-checkout.md:7:22: error[unknown-service]: unknown service `warehouse`",
                "postmortems/2024-03-05-checkout.md:8:1: error[incident-times-required]: published postmortem has no `incident.resolved` time",
                "postmortems/2024-03-05-checkout.md:10:13: error[incident-times-order]: `incident.detected` (2024-03-05 14:00) is before `incident.started` (2024-03-05 14:02)",
                "postmortems/2024-03-05-checkout.md:12:22: error[unknown-runbook]: unknown runbook `no-such-runbook`",
                "postmortems/2024-03-05-checkout.md:14:1: error[required-section]: missing required section \"Impact\"",
                "postmortems/2024-03-05-checkout.md:14:1: error[required-section]: missing required section \"Lessons learned\"",
                "postmortems/2024-03-05-checkout.md:15:58: warning[mention]: mention of @alice in a document",
                "postmortems/2024-03-05-checkout.md:16:8: warning[blameless-language]: \"human error\" assigns blame",
                "postmortems/2024-03-05-checkout.md:24:1: error[timeline-order]: timeline entry at 2024-03-05 14:10 comes after 2024-03-05 14:30 (line 23)",
                "postmortems/2024-03-05-checkout.md:26:1: error[timeline-format]: timeline entry `later` does not start with a time",
                "postmortems/2024-03-05-checkout.md:32:1: error[five-whys]: the 5 whys have 2 steps; at least 5 are needed",
                "postmortems/2024-03-05-checkout.md:39:1: error[action-item-owner]: action item \"Add config validation\" has no owner",
                "postmortems/2024-03-05-checkout.md:39:1: warning[action-item-overdue]: action item \"Add config validation\" was due 2024-04-01 and is still open",
                "postmortems/2024-03-05-checkout.md:40:1: error[action-item-due]: action item \"Add a canary\" has an invalid due date `soon`",
                "postmortems/2024-03-05-checkout.md:41:1: warning[action-item-overdue]: action item \"Write docs\" was due 2024-03-20 and is still open",
                "postmortems/2024-03-05-checkout.md:43:5: error[broken-anchor]: link `../runbooks/checkout.md#rollback` names anchor #rollback, which runbooks/checkout.md does not have",
                "postmortems/2024-03-05-checkout.md:43:57: error[broken-link]: link `../runbooks/nope.md` points to runbooks/nope.md, which is not a document",
                "postmortems/2024-04-01-copy.md:3:5: error[duplicate-id]: id `INC-2024-031` is already used by postmortems/2024-03-05-checkout.md",
                "postmortems/2024-04-01-copy.md:4:7: error[front-matter-type]: `date`: `2024-04-31` is not a date; write it as YYYY-MM-DD",
                "postmortems/2024-04-01-copy.md:17:1: warning[timeline-window]: timeline entry at 2024-04-01 10:00 is before the incident started (2024-04-01 11:00)",
                "postmortems/2024-04-01-copy.md:18:1: error[five-whys]: the 5 whys have 0 steps; at least 5 are needed",
                "runbooks/checkout.md:6:1: warning[runbook-stale]: runbook was last reviewed 2024-01-02; a review was due 2024-02-01 (every P30D)",
                "runbooks/checkout.md:8:1: warning[runbook-untested]: runbook was last tested 2022-05-01, more than P365D ago",
                "runbooks/checkout.md:14:1: error[runbook-diagnosis-steps]: the Diagnosis section has no numbered list of steps",
                "runbooks/checkout.md:16:1: error[runbook-mitigation-code]: the Mitigation section has no code block",
                "runbooks/payments.md:2:1: error[front-matter-schema]: missing required front-matter key `owner`",
                "runbooks/payments.md:2:1: warning[runbook-stale]: runbook has no `last_reviewed` date",
                "runbooks/payments.md:4:10: error[duplicate-alert]: alert `CheckoutErrors` is already listed by runbooks/checkout.md",
                "runbooks/payments.md:6:1: error[required-section]: missing required section \"Diagnosis\"",
                "runbooks/payments.md:6:1: error[required-section]: missing required section \"Escalation\"",
                "runbooks/payments.md:6:1: error[required-section]: missing required section \"Mitigation\"",
                "runbooks/payments.md:6:1: error[required-section]: missing required section \"Symptoms\"",
                "runbooks/payments.md:6:1: error[required-section]: missing required section \"Validation\"");
        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(1);
    }
}
