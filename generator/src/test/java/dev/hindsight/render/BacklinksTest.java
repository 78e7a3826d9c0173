package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Postmortems ↔ runbooks: the runbook a {@code runbooks:} id goes to, and who names each runbook. */
class BacklinksTest {

    private final Docs docs = new Docs();

    private final Runbook first = docs.runbook("runbooks/a.md", "db", "Database", "", List.of(), List.of(), List.of(),
            null);
    private final Runbook second = docs.runbook("runbooks/b.md", "db", "Database too", "", List.of(), List.of(),
            List.of(), null);
    private final Postmortem older = postmortem("postmortems/old.md", "2024-01-01", List.of("db", "db", "gone"));
    private final Postmortem newer = postmortem("postmortems/new.md", "2024-03-01", List.of("db"));
    private final Postmortem undated = postmortem("postmortems/undated.md", null, List.of("db"));
    private final Postmortem sameDay = postmortem("postmortems/a-same.md", "2024-03-01", List.of("db"));

    private Postmortem postmortem(String path, String date, List<String> runbooks) {
        return docs.postmortem(path, "P", date, "SEV-1", List.of("payments"), List.of(), runbooks, List.of());
    }

    @Test
    void aRunbookIdListsItsPostmortemsNewestFirstUndatedLastEachOnce() {
        Backlinks b = Backlinks.of(List.of(sameDay, newer, older, undated), List.of(first, second));
        assertThat(b.of("db")).containsExactly(sameDay, newer, older, undated);
        assertThat(b.of("gone")).containsExactly(older);
        assertThat(b.of("nobody")).isEmpty();
    }

    @Test
    void aPostmortemsRunbooksKeepItsOrderOnceEachTheFirstByPathForASharedIdNullForAnUnknownOne() {
        Backlinks b = Backlinks.of(List.of(older), List.of(first, second));
        assertThat(b.related(older)).containsExactly(new RunbookRef("db", first), new RunbookRef("gone", null));
    }

    @Test
    void theViewAsksByRunbookAndById() {
        SiteView view = docs.view(List.of(older, newer, undated, sameDay, first, second), null);
        assertThat(view.backlinks(second)).containsExactly(sameDay, newer, older, undated);
        assertThat(view.backlinks("gone")).containsExactly(older);
        assertThat(view.relatedRunbooks(newer)).containsExactly(new RunbookRef("db", first));
    }
}
