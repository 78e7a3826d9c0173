package dev.hindsight.validate;

import static dev.hindsight.validate.RuleRun.INCIDENT;
import static dev.hindsight.validate.RuleRun.ROOT_CAUSE;
import static dev.hindsight.validate.RuleRun.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** action-item-owner, action-item-due and action-item-overdue, on tables and on task lists. */
class ActionItemRulesTest {

    private static final String FILE = "-- postmortems/2024-03-05-checkout.md --\n";

    @TempDir
    Path tmp;

    /** The postmortem with these action items; the section starts on line 30, its first item on line 33 (table) or 31 (list). */
    private List<String> run(String rule, String actions) {
        return RuleRun.of(tmp, rule, FILE + RuleRun.postmortem(INCIDENT, TIMELINE, ROOT_CAUSE, actions));
    }

    private List<String> run(String rule, String actions, LocalDate today) {
        return RuleRun.of(tmp, rule, FILE + RuleRun.postmortem(INCIDENT, TIMELINE, ROOT_CAUSE, actions), today);
    }

    private static final String TABLE = """
            ## Action items
            | Action | Owner | Due | Status | Ticket |
            |---|---|---|---|---|
            | Add config validation |  | 2024-04-01 | open | PAY-1 |
            | Add a canary | sre | soon | in progress | PAY-2 |
            | Write docs | sre |  | done | PAY-3 |
            | Page the owner | sre | 2024-05-31 | done | PAY-4 |
            """;

    @Test
    void anItemWithNoOwnerIsAnErrorAtItsRow() {
        assertThat(run("action-item-owner", TABLE)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: error[action-item-owner]: action item \"Add config validation\""
                        + " has no owner | hint: name a team or person in the Owner column (or `owner: team` in a list item)");
    }

    @Test
    void aMissingOrUnreadableDueDateIsAnError() {
        assertThat(run("action-item-due", TABLE)).containsExactly(
                "postmortems/2024-03-05-checkout.md:34:1: error[action-item-due]: action item \"Add a canary\" has an"
                        + " invalid due date `soon` | hint: write the due date as YYYY-MM-DD",
                "postmortems/2024-03-05-checkout.md:35:1: error[action-item-due]: action item \"Write docs\" has no due"
                        + " date | hint: add a due date as YYYY-MM-DD in the Due column (or `due: 2024-06-30`)");
    }

    @Test
    void onlyOpenAndInProgressItemsPastTheirDueDateAreOverdue() {
        assertThat(run("action-item-overdue", TABLE)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: warning[action-item-overdue]: action item \"Add config"
                        + " validation\" was due 2024-04-01 and is still open | hint: finish it and mark it done, or"
                        + " agree a new due date");
    }

    @Test
    void dueOnTheReferenceDateIsNotOverdueYet() {
        String actions = """
                ## Action items
                | Action | Owner | Due |
                |---|---|---|
                | Rotate keys | sre | 2024-06-01 |
                | Patch hosts | sre | 2024-05-31 |
                """;
        assertThat(run("action-item-overdue", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:34:1: warning[action-item-overdue]: action item \"Patch hosts\" was"
                        + " due 2024-05-31 and is still open | hint: finish it and mark it done, or agree a new due date");
    }

    @Test
    void anInProgressItemIsNamedSo() {
        String actions = """
                ## Action items
                | Action | Owner | Due | Status |
                |---|---|---|---|
                | Rotate keys | sre | 2024-05-01 | WIP |
                """;
        assertThat(run("action-item-overdue", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: warning[action-item-overdue]: action item \"Rotate keys\" was"
                        + " due 2024-05-01 and is still in-progress | hint: finish it and mark it done, or agree a new"
                        + " due date");
    }

    @Test
    void withoutAReferenceDateNothingIsOverdue() {
        assertThat(run("action-item-overdue", TABLE, null)).isEmpty();
    }

    @Test
    void taskListItemsCarryTheirFieldsInline() {
        String actions = """
                ## Action items
                - [ ] Add config validation (owner: sre, due: 2024-04-01, PAY-1)
                - [x] Add a canary owner: sre due: 2024-01-01
                - [ ] Write docs due: someday
                """;
        assertThat(run("action-item-owner", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: error[action-item-owner]: action item \"Write docs\" has no"
                        + " owner | hint: name a team or person in the Owner column (or `owner: team` in a list item)");
        assertThat(run("action-item-due", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: error[action-item-due]: action item \"Write docs\" has an"
                        + " invalid due date `someday` | hint: write the due date as YYYY-MM-DD");
        assertThat(run("action-item-overdue", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:31:1: warning[action-item-overdue]: action item \"Add config"
                        + " validation (PAY-1)\" was due 2024-04-01 and is still open | hint: finish it and mark it done,"
                        + " or agree a new due date");
    }

    @Test
    void aLongActionIsShortenedInTheMessage() {
        String actions = """
                ## Action items
                | Action | Owner | Due |
                |---|---|---|
                | Add validation of every configuration file at deploy time, with a schema per service | | 2024-07-01 |
                """;
        assertThat(run("action-item-owner", actions)).containsExactly(
                "postmortems/2024-03-05-checkout.md:33:1: error[action-item-owner]: action item \"Add validation of"
                        + " every configuration file at deploy time...\" has no owner | hint: name a team or person"
                        + " in the Owner column (or `owner: team` in a list item)");
    }

    @Test
    void aRunbookHasNoActionItems() {
        String runbook = "-- runbooks/checkout.md --\n" + dev.hindsight.SiteFixture.VALID_RUNBOOK.formatted("Checkout")
                .replace("service: api", "service: checkout") + "## Action items\n| Action | Owner |\n|---|---|\n| X | |\n";
        assertThat(RuleRun.of(tmp, "action-item-owner", runbook)).isEmpty();
    }
}
