package dev.hindsight.render;

import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.model.KnowledgeBase;
import java.time.LocalDate;

/**
 * The indexes a {@link SiteView} answers from, one per concern, each immutable.
 *
 * @param reference what review dates are worked out against: the Git history of the site and its fallback
 *                  setting (the documents of a patched view may be newer than its documents)
 * @param today     "today" for overdue and stale; null when the build has no reference date
 */
record ViewParts(KnowledgeBase reference, SiteConfig config, LocalDate today, DocumentLists documents,
                 Backlinks backlinks, RunbookFreshness freshness, ActionItems actions, ServiceIndex services,
                 TagIndex tags, AlertIndex alerts, MetricsView metrics) {

    /** Every index worked out from the knowledge base. */
    static ViewParts of(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config) {
        LocalDate today = kb.referenceDate().orElse(null);
        DocumentLists docs = DocumentLists.of(kb);
        return new ViewParts(kb, config, today, docs,
                Backlinks.of(docs.postmortems(), kb.runbooks()),
                RunbookFreshness.of(docs.runbooks(), r -> kb.effectiveReviewDue(r).orElse(null), today),
                ActionItems.of(docs.postmortems(), ticket -> Links.ticket(config.ticketUrl(), ticket), today),
                ServiceIndex.of(catalog, docs.postmortems(), docs.runbooks()),
                TagIndex.of(kb.documents()),
                AlertIndex.of(kb.runbooks()),
                MetricsBuilder.build(docs.postmortems(), config.validation().severities()));
    }
}
