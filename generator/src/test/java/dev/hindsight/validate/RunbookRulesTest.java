package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runbook-diagnosis-steps, runbook-mitigation-code, runbook-stale and runbook-untested. */
class RunbookRulesTest {

    @TempDir
    Path tmp;

    /** A runbook with these extra front-matter lines (from line 5) and these Diagnosis and Mitigation bodies. */
    private static String runbook(String frontMatter, String diagnosis, String mitigation) {
        return "-- runbooks/checkout.md --\n---\ntitle: Checkout\nservice: checkout\nowner: platform\n" + frontMatter
                + "---\n## Overview\nThe API.\n## Symptoms\nErrors.\n## Diagnosis\n" + diagnosis + "## Mitigation\n"
                + mitigation + "## Validation\nFine.\n## Escalation\nPlatform.\n";
    }

    private static final String STEPS = "1. Look at the dashboard.\n";
    private static final String CODE = "```sh\nkubectl rollout undo deploy/api\n```\n";

    @Test
    void diagnosisNeedsANumberedList() {
        assertThat(RuleRun.of(tmp, "runbook-diagnosis-steps", runbook("last_reviewed: 2024-05-01\n",
                "- Look at the dashboard.\n", CODE))).containsExactly(
                "runbooks/checkout.md:11:1: error[runbook-diagnosis-steps]: the Diagnosis section has no numbered list"
                        + " of steps | hint: write the steps as a numbered list (1. 2. 3.)");
    }

    @Test
    void aNumberedListInASubsectionOfDiagnosisCounts() {
        assertThat(RuleRun.of(tmp, "runbook-diagnosis-steps", runbook("last_reviewed: 2024-05-01\n",
                "### Dashboards\n3. Look.\n4. Look again.\n", CODE))).isEmpty();
    }

    @Test
    void mitigationNeedsACodeBlockFencedOrIndented() {
        assertThat(RuleRun.of(tmp.resolve("none"), "runbook-mitigation-code", runbook("last_reviewed: 2024-05-01\n",
                STEPS, "Restart it with `kubectl rollout restart`.\n"))).containsExactly(
                "runbooks/checkout.md:13:1: error[runbook-mitigation-code]: the Mitigation section has no code block"
                        + " | hint: give the rollback, restart or failover commands in a fenced code block (```)");
        assertThat(RuleRun.of(tmp.resolve("indented"), "runbook-mitigation-code", runbook("last_reviewed: 2024-05-01\n",
                STEPS, "Run:\n\n    kubectl rollout undo deploy/api\n\n"))).isEmpty();
    }

    @Test
    void aReviewOlderThanTheIntervalIsStaleAtItsDate() {
        assertThat(RuleRun.of(tmp, "runbook-stale", runbook("last_reviewed: 2024-01-02\n", STEPS, CODE))).containsExactly(
                "runbooks/checkout.md:5:1: warning[runbook-stale]: runbook was last reviewed 2024-01-02; a review was"
                        + " due 2024-04-01 (every P90D) | hint: review it, check the commands still work, and update"
                        + " `last_reviewed`");
    }

    @Test
    void theRunbooksOwnIntervalWins() {
        assertThat(RuleRun.of(tmp, "runbook-stale", runbook("last_reviewed: 2024-01-02\nreview_every: P1Y\n", STEPS,
                CODE))).isEmpty();
    }

    @Test
    void dueOnTheReferenceDateIsNotStaleYet() {
        assertThat(RuleRun.of(tmp, "runbook-stale", runbook("last_reviewed: 2024-03-03\n", STEPS, CODE))).isEmpty();
        assertThat(RuleRun.of(tmp.resolve("next"), "runbook-stale", runbook("last_reviewed: 2024-03-03\n", STEPS, CODE),
                LocalDate.of(2024, 6, 2))).hasSize(1);
    }

    @Test
    void noReviewDateIsAWarningAtTheFrontMatter() {
        assertThat(RuleRun.of(tmp, "runbook-stale", runbook("", STEPS, CODE))).containsExactly(
                "runbooks/checkout.md:2:1: warning[runbook-stale]: runbook has no `last_reviewed` date | hint: add"
                        + " `last_reviewed: YYYY-MM-DD` after each review");
    }

    @Test
    void withoutAReferenceDateNothingIsStaleOrUntested() {
        String old = runbook("last_reviewed: 2020-01-01\nlast_tested: 2020-01-01\n", STEPS, CODE);
        assertThat(RuleRun.of(tmp, "runbook-stale", old, null)).isEmpty();
        assertThat(RuleRun.of(tmp.resolve("b"), "runbook-untested", old, null)).isEmpty();
    }

    @Test
    void aGameDayLongerAgoThanTestedWithinIsReported() {
        assertThat(RuleRun.of(tmp, "runbook-untested", runbook("last_reviewed: 2024-05-01\nlast_tested: 2023-05-01\n",
                STEPS, CODE))).containsExactly(
                "runbooks/checkout.md:6:1: warning[runbook-untested]: runbook was last tested 2023-05-01, more than"
                        + " P365D ago | hint: run it in a Game Day and update `last_tested`");
        assertThat(RuleRun.of(tmp.resolve("recent"), "runbook-untested",
                runbook("last_reviewed: 2024-05-01\nlast_tested: 2023-06-02\n", STEPS, CODE))).isEmpty();
        assertThat(RuleRun.of(tmp.resolve("never"), "runbook-untested",
                runbook("last_reviewed: 2024-05-01\n", STEPS, CODE))).isEmpty();
    }
}
