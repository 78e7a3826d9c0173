package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;

/** A rule about the links of a document that lead to a file of the site (or out of it by {@code ..}). */
abstract class LinkRule extends DocumentRule<Document> {

    LinkRule(RuleInfo info) {
        super(info, Document.class);
    }

    @Override
    final void check(Context context, Document doc, Reporter out) {
        for (Link link : doc.body().links()) {
            InternalLink target = InternalLink.resolve(doc.meta().sourcePath(), link.url());
            if (target != null) {
                check(context, doc, link, target, Position.of(doc.meta().sourcePath(), link.line(), link.column()),
                        out);
            }
        }
    }

    abstract void check(Context context, Document doc, Link link, InternalLink target, Position at, Reporter out);
}
