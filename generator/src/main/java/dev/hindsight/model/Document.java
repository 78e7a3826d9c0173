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
     * The same document without the text of its source file or the positions of its front matter
     * ({@link DocumentMeta#withoutSourceText()}): the checks read them, pages and the search index do
     * not, so a build drops them once the checks are done and keeps the rest until its pages are written.
     */
    default Document withoutSourceText() {
        DocumentMeta m = meta().withoutSourceText();
        if (this instanceof Postmortem p) {
            return new Postmortem(m, p.body(), p.severity(), p.services(), p.authors(), p.incident(), p.impact(),
                    p.runbooks(), p.timeline(), p.whys(), p.actionItems(), p.contributingFactors(), p.trigger(),
                    p.alerts(), p.impactFigures(), p.ideas());
        }
        if (this instanceof Runbook r) {
            return new Runbook(m, r.body(), r.service(), r.owner(), r.dependencies(), r.alerts(), r.lastReviewed(),
                    r.reviewEvery(), r.lastTested(), r.dashboards(), r.escalation());
        }
        return new GenericDocument(m, body());
    }
}
