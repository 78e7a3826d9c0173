package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;

/** A document of the knowledge base. */
public sealed interface Document permits Postmortem, Runbook, GenericDocument {

    DocumentMeta meta();

    ParsedMarkdown body();

    default String id() {
        return meta().id();
    }

    default String title() {
        return meta().title();
    }

    /**
     * The same document with {@code meta} and {@code body} instead of its own, every other field as it is: for a
     * build that drops what only the checks and the search index read once they are done
     * ({@link DocumentMeta#withoutSourceText()}, {@link ParsedMarkdown#forPages()}).
     */
    default Document with(DocumentMeta m, ParsedMarkdown b) {
        if (this instanceof Postmortem p) {
            return new Postmortem(m, b, p.severity(), p.services(), p.authors(), p.incident(), p.impact(),
                    p.runbooks(), p.timeline(), p.whys(), p.actionItems(), p.contributingFactors(), p.trigger(),
                    p.alerts(), p.impactFigures(), p.ideas());
        }
        if (this instanceof Runbook r) {
            return new Runbook(m, b, r.service(), r.owner(), r.dependencies(), r.alerts(), r.lastReviewed(),
                    r.reviewEvery(), r.lastTested(), r.dashboards(), r.escalation());
        }
        return new GenericDocument(m, b);
    }
}
