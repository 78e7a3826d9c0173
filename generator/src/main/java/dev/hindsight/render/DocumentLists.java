package dev.hindsight.render;

import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents as the lists show them: postmortems newest first, runbooks and documents of
 * site-defined kinds by title.
 */
record DocumentLists(List<Postmortem> postmortems, List<Runbook> runbooks, List<GenericDocument> others) {

    static DocumentLists of(KnowledgeBase kb) {
        List<Postmortem> pms = new ArrayList<>(kb.postmortems());
        pms.sort(Listings.NEWEST_FIRST);
        List<Runbook> rbs = new ArrayList<>(kb.runbooks());
        rbs.sort(Listings.BY_TITLE);
        List<GenericDocument> others = kb.documents().stream().filter(GenericDocument.class::isInstance)
                .map(GenericDocument.class::cast).sorted(Listings.BY_TITLE).toList();
        return new DocumentLists(List.copyOf(pms), List.copyOf(rbs), others);
    }

    /** The {@code n} newest postmortems (fewer when there are fewer). */
    List<Postmortem> recentPostmortems(int n) {
        return postmortems.subList(0, Math.min(n, postmortems.size()));
    }
}
