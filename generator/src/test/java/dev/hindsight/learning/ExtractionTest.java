package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.model.Postmortem;
import dev.hindsight.api.BuildOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Priority and done date from task lists, an Ideas sub-section, structured impact and its type errors. */
class ExtractionTest {

    private static final String SITE = LearningSiteTest.CONFIG + """
            -- postmortems/2024-03-05-x.md --
            ---
            title: X
            id: INC-9
            date: 2024-03-05
            status: published
            severity: SEV-2
            services: [checkout]
            trigger: A config push
            impact:
              summary: Checkout failed for some.
              customers: 1200
              duration_minutes: -4
            ---
            ## Action items
            - [x] Add validation (owner: sre, due: 2024-04-01, priority: p1, done: 2024-03-20, SHOP-7)
            - [ ] Add a canary owner: sre due: 2024-05-01 priority: P2
            ### Ideas
            - Rewrite the config loader
            ## Lessons learned
            Check configs.
            """;

    @TempDir
    Path tmp;

    @Test
    void listItemsGivePriorityAndDoneDateAndIdeasUnderActionItemsAreNotItems() throws IOException {
        Path root = SiteFixture.write(tmp.resolve("site"), SITE);
        Postmortem p = Sites.load(root, LocalDate.of(2024, 6, 1)).kb().postmortems().get(0);
        assertThat(p.actionItems()).extracting(a -> a.action() + "|" + a.priority() + "|" + a.done() + "|"
                + a.ticket() + "|" + a.status().label()).containsExactly(
                "Add validation (SHOP-7)|P1|2024-03-20|SHOP-7|done",
                "Add a canary|P2|null||open");
        assertThat(p.ideas()).extracting(a -> a.action()).containsExactly("Rewrite the config loader");
        assertThat(p.trigger()).isEqualTo("A config push");
        assertThat(p.impact()).isEqualTo("Checkout failed for some.");
        assertThat(p.impactFigures()).isEqualTo(new Postmortem.Impact(1200L, null));
    }

    @Test
    void aNegativeImpactFigureIsATypeErrorAtItsValue() {
        Path root = SiteFixture.write(tmp.resolve("site2"), SITE);
        assertThat(new Hindsight().check(BuildOptions.check(root).withReferenceDate(LocalDate.of(2024, 6, 1)))
                .diagnostics().stream().filter(d -> d.ruleId().equals("front-matter-type")
                        || d.ruleId().equals("front-matter-schema"))
                .map(LearningSiteTest::text).toList()).containsExactly(
                "postmortems/2024-03-05-x.md:12:21: error[front-matter-type]: `impact.duration_minutes`: must be a"
                        + " whole number of at least 0");
    }
}
