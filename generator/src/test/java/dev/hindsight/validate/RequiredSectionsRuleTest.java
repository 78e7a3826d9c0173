package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** required-section: every section of the kind, under its name or an alias, at any level, in any case. */
class RequiredSectionsRuleTest {

    private static final String RUNBOOK_HEAD = """
            -- runbooks/checkout.md --
            ---
            title: Checkout
            service: checkout
            owner: platform
            last_reviewed: 2024-05-01
            ---
            """;

    @TempDir
    Path tmp;

    @Test
    void eachMissingSectionIsReportedAtTheFirstBodyLineWithItsAcceptedHeadings() {
        String runbook = RUNBOOK_HEAD + """
                ## Overview
                The API.
                ## Symptoms
                Errors.
                """;
        assertThat(RuleRun.of(tmp, "required-section", runbook)).containsExactly(
                "runbooks/checkout.md:7:1: error[required-section]: missing required section \"Diagnosis\" | hint: add a"
                        + " heading named \"Diagnosis\" or \"Troubleshooting\" or \"Investigation\" or \"Diagnostics\" or"
                        + " \"Triage\" or \"Diagnosis steps\"",
                "runbooks/checkout.md:7:1: error[required-section]: missing required section \"Escalation\" | hint: add a"
                        + " heading named \"Escalation\" or \"Escalations\" or \"Contacts\" or \"Who to call\" or"
                        + " \"Escalation path\"",
                "runbooks/checkout.md:7:1: error[required-section]: missing required section \"Mitigation\" | hint: add a"
                        + " heading named \"Mitigation\" or \"Remediation\" or \"Recovery\" or \"Resolution\" or"
                        + " \"Rollback\" or \"Mitigation steps\" or \"Response\" or \"Fix\" or \"Remedy\"",
                "runbooks/checkout.md:7:1: error[required-section]: missing required section \"Validation\" | hint: add a"
                        + " heading named \"Validation\" or \"Verification\" or \"Post-recovery checks\" or \"Verify"
                        + " recovery\" or \"Verify\"");
    }

    @Test
    void aliasesAnyLevelAndAnyCaseCount() {
        String runbook = RUNBOOK_HEAD + """
                # ABOUT
                The API.
                ### common failures
                Errors.
                #### Troubleshooting
                1. Look.
                ## Rollback
                ```sh
                kubectl rollout undo deploy/api
                ```
                ## Verify
                Fine.
                ## Who to call
                Platform.
                """;
        assertThat(RuleRun.of(tmp, "required-section", runbook)).isEmpty();
    }

    @Test
    void lessonsLearnedCanBeWhatWentWellAndWhatWentWrongTogether() {
        String both = RuleRun.postmortem().replace("## Lessons learned\nCheck configs.\n",
                "## What went well\nAlerts.\n## What went wrong\nConfig.\n");
        assertThat(RuleRun.of(tmp.resolve("both"), "required-section", "-- postmortems/a.md --\n" + both)).isEmpty();

        String one = RuleRun.postmortem().replace("## Lessons learned\nCheck configs.\n", "## What went well\nAlerts.\n");
        assertThat(RuleRun.of(tmp.resolve("one"), "required-section", "-- postmortems/a.md --\n" + one)).containsExactly(
                "postmortems/a.md:13:1: error[required-section]: missing required section \"Lessons learned\" | hint:"
                        + " add a heading named \"Lessons learned\" or \"Lessons\" or \"Learnings\" or \"Takeaways\" or"
                        + " \"Key learnings\", or all of \"What went well\" and \"What went wrong\"");
    }

    @Test
    void aFileWithoutFrontMatterIsReportedAtLineOne() {
        String site = "-- hindsight.yml --\ntitle: T\n-- runbooks/bare.md --\n## Overview\nx\n## Symptoms\nx\n"
                + "## Diagnosis\n1. x\n## Mitigation\n```\nx\n```\n## Validation\nx\n";
        assertThat(RuleRun.of(tmp, "required-section", site)).containsExactly(
                "runbooks/bare.md:1:1: error[required-section]: missing required section \"Escalation\" | hint: add a"
                        + " heading named \"Escalation\" or \"Escalations\" or \"Contacts\" or \"Who to call\" or"
                        + " \"Escalation path\"");
    }

    @Test
    void aValidRunbookHasEverySection() {
        assertThat(RuleRun.of(tmp, "required-section", "-- runbooks/api.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("API")))
                .isEmpty();
    }
}
