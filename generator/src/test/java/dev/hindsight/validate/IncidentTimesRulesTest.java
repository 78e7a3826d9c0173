package dev.hindsight.validate;

import static dev.hindsight.validate.RuleRun.ACTIONS;
import static dev.hindsight.validate.RuleRun.ROOT_CAUSE;
import static dev.hindsight.validate.RuleRun.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incident-times-order and incident-times-required. The incident block starts on line 8. */
class IncidentTimesRulesTest {

    private static final String FILE = "-- postmortems/2024-03-05-checkout.md --\n";

    @TempDir
    Path tmp;

    private List<String> run(String rule, String incident) {
        return RuleRun.of(tmp, rule, FILE + RuleRun.postmortem(incident, TIMELINE, ROOT_CAUSE, ACTIONS));
    }

    @Test
    void aMilestoneBeforeTheOneBeforeItIsReportedAtItsValue() {
        String incident = """
                incident:
                  started: 2024-03-05T14:00:00Z
                  detected: 2024-03-05T14:05:00Z
                  acknowledged: 2024-03-05T14:03:00Z
                  resolved: 2024-03-05T15:00:00Z
                """;
        assertThat(run("incident-times-order", incident)).containsExactly(
                "postmortems/2024-03-05-checkout.md:11:17: error[incident-times-order]: `incident.acknowledged`"
                        + " (2024-03-05 14:03) is before `incident.detected` (2024-03-05 14:05) | hint: milestones go"
                        + " in order: started, detected, acknowledged, mitigated, resolved");
    }

    @Test
    void missingMilestonesAreSkippedAndOffsetsCompareAsInstants() {
        String incident = """
                incident:
                  started: 2024-03-05T14:00:00Z
                  detected: 2024-03-05T15:05:00+01:00
                  mitigated: 2024-03-05T14:30:00Z
                  resolved: 2024-03-05T14:30:00Z
                """;
        assertThat(run("incident-times-order", incident)).isEmpty();
    }

    @Test
    void timesAreShownInTheOffsetTheyWereWrittenIn() {
        String incident = """
                incident:
                  started: 2024-03-05T15:00:00+01:00
                  detected: 2024-03-05T13:55:00Z
                  resolved: 2024-03-05T15:00:00Z
                """;
        assertThat(run("incident-times-order", incident)).containsExactly(
                "postmortems/2024-03-05-checkout.md:10:13: error[incident-times-order]: `incident.detected`"
                        + " (2024-03-05 13:55) is before `incident.started` (2024-03-05 15:00) | hint: milestones go"
                        + " in order: started, detected, acknowledged, mitigated, resolved");
    }

    @Test
    void aPublishedPostmortemNeedsStartedDetectedAndResolved() {
        String incident = """
                incident:
                  detected: 2024-03-05T14:05:00Z
                """;
        assertThat(run("incident-times-required", incident)).containsExactly(
                "postmortems/2024-03-05-checkout.md:8:1: error[incident-times-required]: published postmortem has no"
                        + " `incident.resolved` time | hint: add `resolved: 2024-03-05T14:02:00Z` under `incident:`",
                "postmortems/2024-03-05-checkout.md:8:1: error[incident-times-required]: published postmortem has no"
                        + " `incident.started` time | hint: add `started: 2024-03-05T14:02:00Z` under `incident:`");
    }

    @Test
    void aDraftNeedsNoTimes() {
        String draft = RuleRun.postmortem("", TIMELINE, ROOT_CAUSE, ACTIONS).replace("status: published", "status: draft");
        assertThat(RuleRun.of(tmp, "incident-times-required", FILE + draft)).isEmpty();
    }

    @Test
    void aTimeWrittenButUnreadableIsLeftToTheSchemaRule() {
        String incident = """
                incident:
                  started: yesterday
                  detected: 2024-03-05T14:05:00Z
                  resolved: 2024-03-05T15:00:00Z
                """;
        assertThat(run("incident-times-required", incident)).isEmpty();
    }
}
