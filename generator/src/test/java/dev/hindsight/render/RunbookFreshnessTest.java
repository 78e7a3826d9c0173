package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A runbook's review state against the reference date, and the lists of runbooks to review. */
class RunbookFreshnessTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void theStateFollowsTheDueDate() {
        assertThat(Freshness.of(LocalDate.of(2024, 5, 31), TODAY).state()).isEqualTo(FreshnessState.STALE);
        assertThat(Freshness.of(TODAY, TODAY).state()).isEqualTo(FreshnessState.DUE_SOON);
        assertThat(Freshness.of(TODAY.plusDays(Freshness.SOON_DAYS), TODAY).state()).isEqualTo(FreshnessState.DUE_SOON);
        assertThat(Freshness.of(TODAY.plusDays(Freshness.SOON_DAYS + 1), TODAY).state()).isEqualTo(FreshnessState.FRESH);
        assertThat(Freshness.of(null, TODAY).state()).isEqualTo(FreshnessState.UNKNOWN);
        assertThat(Freshness.of(TODAY, null).state()).isEqualTo(FreshnessState.UNKNOWN);
        assertThat(Freshness.of(LocalDate.of(2020, 1, 1), TODAY).stale()).isTrue();
    }

    @Test
    void statesKeepTheirSpellingsAndLabels() {
        assertThat(List.of(FreshnessState.values())).extracting(FreshnessState::toString)
                .containsExactly("stale", "due-soon", "fresh", "unknown");
        assertThat(List.of(FreshnessState.values())).extracting(FreshnessState::label)
                .containsExactly("Stale", "Review due soon", "Fresh", "Review date unknown");
        assertThat(Freshness.of(null, null).label()).isEqualTo("Review date unknown");
    }

    @Test
    void staleRunbooksComeMostOverdueFirstAndDueSoonOnesSoonestFirstTiesByPath() {
        Docs docs = new Docs();
        // review_every defaults to 90 days: last reviewed 2024-01-01 is due 2024-03-31.
        Runbook old = docs.runbook("runbooks/z-old.md", null, "A", "", List.of(), List.of(), List.of(), "2024-01-01");
        Runbook older = docs.runbook("runbooks/y-older.md", null, "B", "", List.of(), List.of(), List.of(), "2023-12-01");
        Runbook tie = docs.runbook("runbooks/a-tie.md", null, "C", "", List.of(), List.of(), List.of(), "2024-01-01");
        Runbook soon = docs.runbook("runbooks/soon.md", null, "D", "", List.of(), List.of(), List.of(), "2024-03-10");
        Runbook sooner = docs.runbook("runbooks/sooner.md", null, "E", "", List.of(), List.of(), List.of(), "2024-03-05");
        Runbook fresh = docs.runbook("runbooks/fresh.md", null, "F", "", List.of(), List.of(), List.of(), "2024-05-20");
        Runbook unknown = docs.runbook("runbooks/unknown.md", null, "G", "", List.of(), List.of(), List.of(), null);
        List<Runbook> all = List.of(old, older, tie, soon, sooner, fresh, unknown);
        RunbookFreshness f = RunbookFreshness.of(all, r -> Docs.kb(all, TODAY).effectiveReviewDue(r).orElse(null),
                TODAY);

        assertThat(f.stale()).containsExactly(older, tie, old);
        assertThat(f.dueSoon()).containsExactly(sooner, soon);
        assertThat(f.of(fresh)).isEqualTo(new Freshness(FreshnessState.FRESH, LocalDate.of(2024, 8, 18)));
        assertThat(f.of(unknown).state()).isEqualTo(FreshnessState.UNKNOWN);
    }

    @Test
    void aRunbookTheViewDoesNotKnowHasAnUnknownStateButItsDueDateIsNotGuessed() {
        Docs docs = new Docs();
        Runbook r = docs.runbook("runbooks/r.md", null, "R", "", List.of(), List.of(), List.of(), "2024-01-01");
        RunbookFreshness none = new RunbookFreshness(List.of(), Map.of(), TODAY);
        assertThat(none.of(r)).isEqualTo(new Freshness(FreshnessState.UNKNOWN, null));
        assertThat(none.stale()).isEmpty();
    }
}
