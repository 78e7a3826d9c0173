package dev.hindsight.validate;

import static dev.hindsight.validate.RuleRun.ACTIONS;
import static dev.hindsight.validate.RuleRun.INCIDENT;
import static dev.hindsight.validate.RuleRun.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** five-whys: the root cause (line 23) has a chain of at least {@code whys.minimum} steps. */
class FiveWhysRuleTest {

    private static final String FILE = "-- postmortems/2024-03-05-checkout.md --\n";
    private static final String HINT = " | hint: under the root cause, add a \"Five whys\" heading with a numbered list,"
            + " each item a Why";

    @TempDir
    Path tmp;

    private List<String> run(String rootCause) {
        return RuleRun.of(tmp, "five-whys", FILE + RuleRun.postmortem(INCIDENT, TIMELINE, rootCause, ACTIONS));
    }

    @Test
    void tooFewStepsAreReportedAtTheFirstStep() {
        assertThat(run("""
                ## Root cause
                ### 5 whys
                1. Why did it fail? Bad config.
                2. Why? Not checked.
                """)).containsExactly("postmortems/2024-03-05-checkout.md:25:1: error[five-whys]: the 5 whys have 2"
                + " steps; at least 5 are needed" + HINT);
    }

    @Test
    void oneStepIsSingular() {
        assertThat(run("""
                ## Root cause
                ### The five whys
                - Why did it fail? Bad config.
                """)).containsExactly("postmortems/2024-03-05-checkout.md:25:1: error[five-whys]: the 5 whys have 1"
                + " step; at least 5 are needed" + HINT);
    }

    @Test
    void noChainIsReportedAtTheRootCauseHeading() {
        assertThat(run("""
                ## Root cause
                A config was wrong.
                """)).containsExactly("postmortems/2024-03-05-checkout.md:23:1: error[five-whys]: the 5 whys have 0"
                + " steps; at least 5 are needed" + HINT);
    }

    @Test
    void aListUnderTheRootCauseWhoseItemsMostlyStartWithWhyCounts() {
        assertThat(run("""
                ## Root cause analysis
                - **Why** did checkout fail? A bad config.
                - Why was it bad? Not validated.
                - why not validated? No schema.
                - Why no schema? Never written.
                - Why never written? Not planned.
                """)).isEmpty();
    }

    @Test
    void aListUnderTheRootCauseThatIsNotAboutWhyDoesNotCount() {
        assertThat(run("""
                ## Root cause
                - A bad config.
                - Not validated.
                - Why? No schema.
                """)).containsExactly("postmortems/2024-03-05-checkout.md:23:1: error[five-whys]: the 5 whys have 0"
                + " steps; at least 5 are needed" + HINT);
    }

    @Test
    void withoutARootCauseTheRequiredSectionRuleSpeaks() {
        assertThat(run("")).isEmpty();
    }

    @Test
    void theMinimumIsConfigurableAndZeroSwitchesTheRuleOff() {
        String doc = FILE + RuleRun.postmortem(INCIDENT, TIMELINE, "## Root cause\n### 5 whys\n1. Why? A.\n2. Why? B.\n", ACTIONS);
        assertThat(RuleRun.of(tmp.resolve("two"), "five-whys", "-- hindsight.yml --\ntitle: T\nwhys:\n  minimum: 2\n" + doc))
                .isEmpty();
        assertThat(RuleRun.of(tmp.resolve("three"), "five-whys", "-- hindsight.yml --\ntitle: T\nwhys:\n  minimum: 3\n" + doc))
                .containsExactly("postmortems/2024-03-05-checkout.md:25:1: error[five-whys]: the 5 whys have 2"
                        + " steps; at least 3 are needed" + HINT);
        assertThat(RuleRun.of(tmp.resolve("zero"), "five-whys", "-- hindsight.yml --\ntitle: T\nwhys:\n  minimum: 0\n" + doc))
                .isEmpty();
    }
}
