package dev.hindsight.validate;

import static dev.hindsight.validate.RuleRun.ACTIONS;
import static dev.hindsight.validate.RuleRun.INCIDENT;
import static dev.hindsight.validate.RuleRun.ROOT_CAUSE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** timeline-order and timeline-window; the timeline's first entry is on line 20 (table) or 18 (list). */
class TimelineRulesTest {

    private static final String FILE = "-- postmortems/2024-03-05-checkout.md --\n";

    @TempDir
    Path tmp;

    private List<String> run(String rule, String incident, String timeline) {
        return RuleRun.of(tmp, rule, FILE + RuleRun.postmortem(incident, timeline, ROOT_CAUSE, ACTIONS));
    }

    @Test
    void anEntryThatGoesBackInTimeIsReportedAtItsRowNamingThePreviousOne() {
        String timeline = """
                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 14:00 | Deploy starts |
                | 14:30 | Rollback |
                | 14:10 | Alert fires |
                | 14:20 | Paged |
                """;
        assertThat(run("timeline-order", INCIDENT, timeline)).containsExactly(
                "postmortems/2024-03-05-checkout.md:22:1: error[timeline-order]: timeline entry at 2024-03-05 14:10"
                        + " comes after 2024-03-05 14:30 (line 21) | hint: keep the timeline in time order; if the"
                        + " incident crossed midnight, write the full date and time (YYYY-MM-DD HH:MM)");
    }

    @Test
    void equalTimesAndFullDatesAcrossMidnightAreInOrder() {
        String incident = """
                incident:
                  started: 2024-03-05T23:50:00Z
                  detected: 2024-03-05T23:55:00Z
                  resolved: 2024-03-06T00:30:00Z
                """;
        String timeline = """
                ## Timeline
                - 23:50 Deploy starts
                - 23:50 Canary fails
                - 2024-03-06 00:10 Rollback
                - 2024-03-06T00:30Z All clear
                """;
        assertThat(run("timeline-order", incident, timeline)).isEmpty();
        assertThat(run("timeline-window", incident, timeline)).isEmpty();
    }

    @Test
    void crossingMidnightWithTimesOnlyGoesBack() {
        String timeline = """
                ## Timeline
                - 23:50 Deploy starts
                - 00:10 Rollback
                """;
        assertThat(run("timeline-order", "", timeline)).containsExactly(
                "postmortems/2024-03-05-checkout.md:15:1: error[timeline-order]: timeline entry at 2024-03-05 00:10"
                        + " comes after 2024-03-05 23:50 (line 14) | hint: keep the timeline in time order; if the"
                        + " incident crossed midnight, write the full date and time (YYYY-MM-DD HH:MM)");
    }

    @Test
    void entriesOutsideTheIncidentAreWarnings() {
        String timeline = """
                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 13:00 | Config change merged |
                | 14:05 | Alert fires |
                | 15:30 | Postmortem scheduled |
                """;
        assertThat(run("timeline-window", INCIDENT, timeline)).containsExactly(
                "postmortems/2024-03-05-checkout.md:20:1: warning[timeline-window]: timeline entry at 2024-03-05 13:00"
                        + " is before the incident started (2024-03-05 14:00) | hint: check the time, or"
                        + " `incident.started` in the front matter",
                "postmortems/2024-03-05-checkout.md:22:1: warning[timeline-window]: timeline entry at 2024-03-05 15:30"
                        + " is after the incident was resolved (2024-03-05 15:00) | hint: check the time, or"
                        + " `incident.resolved` in the front matter");
    }

    @Test
    void theWindowIsComparedAsInstantsAcrossOffsets() {
        String timeline = """
                ## Timeline
                | Time (CET) | Event |
                |---|---|
                | 15:00 | Deploy starts |
                | 2024-03-05 16:00 +01:00 | All clear |
                """;
        assertThat(run("timeline-window", INCIDENT, timeline)).isEmpty();
    }

    @Test
    void withoutIncidentTimesThereIsNoWindow() {
        String timeline = """
                ## Timeline
                - 01:00 Something early
                - 23:00 Something late
                """;
        assertThat(run("timeline-window", "", timeline)).isEmpty();
    }
}
