package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Postmortem;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The action-item tracker: each item's state, the orders and the groups by team. */
class ActionItemsTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    private final Docs docs = new Docs();

    private final Postmortem a = docs.postmortem("postmortems/a.md", "A", "2024-01-01", "SEV-1", List.of("payments"),
            List.of(), List.of(), List.of(
                    new Docs.Item("Late", "sre", "2024-05-31", "open", "OPS-1"),
                    new Docs.Item("Due today", "SRE", "2024-06-01", "in-progress", ""),
                    new Docs.Item("Finished late", "", "2024-01-10", "done", ""),
                    new Docs.Item("Undated", "", "", "open", "")));
    private final Postmortem b = docs.postmortem("postmortems/b.md", "B", "2024-02-01", "SEV-2", List.of("payments"),
            List.of(), List.of(), List.of(
                    new Docs.Item("Also late", "payments-team", "2024-05-31", "open", ""),
                    new Docs.Item("Later", "sre", "2024-07-01", "open", "")));

    private final ActionItems items = ActionItems.of(List.of(a, b),
            ticket -> ticket.isEmpty() ? "" : "https://t/" + ticket, TODAY);

    @Test
    void anOpenItemDueBeforeTheReferenceDateIsOverdueADoneOneNever() {
        assertThat(items.in(ActionState.OVERDUE)).extracting(r -> r.item().action()).containsExactly("Late", "Also late");
        assertThat(items.in(ActionState.OPEN)).extracting(r -> r.item().action())
                .containsExactly("Due today", "Later", "Undated");
        assertThat(items.in(ActionState.DONE)).extracting(r -> r.item().action()).containsExactly("Finished late");
        assertThat(items.open()).extracting(r -> r.item().action())
                .containsExactly("Late", "Also late", "Due today", "Later", "Undated");
        assertThat(items.in(ActionState.OVERDUE).get(0).overdue()).isTrue();
        assertThat(items.in(ActionState.OVERDUE).get(0).ticketHref()).isEqualTo("https://t/OPS-1");
    }

    @Test
    void withoutAReferenceDateNothingIsOverdue() {
        ActionItems noDate = ActionItems.of(List.of(a, b), t -> "", null);
        assertThat(noDate.in(ActionState.OVERDUE)).isEmpty();
        assertThat(noDate.in(ActionState.OPEN)).hasSize(5);
    }

    @Test
    void allItemsGoByDueDateUndatedLastThenPostmortemAndLineAndEachPostmortemsInTheOrderWritten() {
        assertThat(items.all()).extracting(r -> r.item().action())
                .containsExactly("Finished late", "Late", "Also late", "Due today", "Later", "Undated");
        assertThat(items.of(a)).extracting(r -> r.item().action())
                .containsExactly("Late", "Due today", "Finished late", "Undated");
        assertThat(items.of(docs.postmortem("postmortems/c.md", "C", null, "SEV-1", List.of("x"), List.of(),
                List.of(), List.of()))).isEmpty();
    }

    @Test
    void groupsGoByTeamIgnoringCaseWithTheUnownedLast() {
        assertThat(items.groups(ActionState.OPEN)).extracting(TeamGroup::team).containsExactly("SRE", "sre", "");
        assertThat(items.groups(ActionState.OVERDUE)).extracting(TeamGroup::team).containsExactly("payments-team", "sre");
        assertThat(items.groups(ActionState.OPEN).get(1).rows()).extracting(r -> r.item().action())
                .containsExactly("Later");
    }

    @Test
    void statesAreSpelledAsTemplatesAskForThemAndAnotherTextFindsNone() {
        assertThat(List.of(ActionState.values())).extracting(ActionState::toString)
                .containsExactly("overdue", "open", "done");
        assertThat(ActionState.of("overdue")).contains(ActionState.OVERDUE);
        assertThat(ActionState.of("OVERDUE")).isEmpty();
        assertThat(ActionState.of(null)).isEmpty();
        SiteView view = docs.view(List.of(a, b), TODAY);
        assertThat(view.actions("overdue")).extracting(r -> r.item().action()).containsExactly("Late", "Also late");
        assertThat(view.actions("overdue").get(0).ticketHref()).isEqualTo("https://tickets.example.com/browse/OPS-1");
        assertThat(view.actions("in-progress")).isEmpty();
        assertThat(view.actionGroups("nope")).isEmpty();
    }
}
