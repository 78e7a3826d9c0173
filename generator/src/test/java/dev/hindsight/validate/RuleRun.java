package dev.hindsight.validate;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Runs {@code hindsight check} over a site written from a {@link SiteFixture} text and returns what
 * one rule reported, each diagnostic as its one-line text, followed by {@code " | hint: "} and the
 * hint when it has one. A fixture without {@code hindsight.yml} gets a minimal one and a service
 * catalog with {@code checkout} and {@code payments}.
 */
final class RuleRun {

    /** The reference date ("today") of every run unless a test gives another. */
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    static final String CONFIG = """
            -- hindsight.yml --
            title: Rules
            -- services.yml --
            services:
              - id: checkout
              - id: payments
            """;

    private RuleRun() {
    }

    static List<String> of(Path tmp, String ruleId, String fixture) {
        return of(tmp, ruleId, fixture, TODAY);
    }

    static List<String> of(Path tmp, String ruleId, String fixture, LocalDate today) {
        String site = fixture.contains("-- hindsight.yml --") ? fixture : CONFIG + fixture;
        Path root = SiteFixture.write(tmp.resolve("site"), site);
        return new Hindsight().check(BuildOptions.check(root).withReferenceDate(today)).diagnostics().stream()
                .filter(d -> d.ruleId().equals(ruleId)).sorted().map(RuleRun::text).toList();
    }

    static String text(Diagnostic d) {
        return d.hasHint() ? d + " | hint: " + d.hint() : d.toString();
    }

    /**
     * A published postmortem that passes every rule at {@link #TODAY}, in parts a test can swap: its
     * incident block, timeline section, root-cause section and action-item section.
     */
    static String postmortem(String incident, String timeline, String rootCause, String actions) {
        return """
                ---
                title: Checkout outage
                id: INC-2024-031
                date: 2024-03-05
                status: published
                severity: SEV-2
                services: [checkout]
                """ + incident + """
                ---
                ## Summary
                Checkout failed.
                ## Impact
                Orders failed.
                """ + timeline + rootCause + actions + """
                ## Lessons learned
                Check configs.
                """;
    }

    static final String INCIDENT = """
            incident:
              started: 2024-03-05T14:00:00Z
              detected: 2024-03-05T14:05:00Z
              resolved: 2024-03-05T15:00:00Z
            """;

    static final String TIMELINE = """
            ## Timeline
            | Time (UTC) | Event |
            |---|---|
            | 14:00 | Deploy starts |
            | 14:05 | Alert fires |
            | 15:00 | All clear |
            """;

    static final String ROOT_CAUSE = """
            ## Root cause
            ### Five whys
            1. Why did checkout fail? A bad config.
            2. Why was it bad? Not validated.
            3. Why not validated? No schema.
            4. Why no schema? Never written.
            5. Why never written? Not planned.
            """;

    static final String ACTIONS = """
            ## Action items
            | Action | Owner | Due | Status |
            |---|---|---|---|
            | Add config validation | sre | 2024-07-01 | open |
            """;

    static String postmortem() {
        return postmortem(INCIDENT, TIMELINE, ROOT_CAUSE, ACTIONS);
    }
}
