package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;
import java.util.Optional;

/** {@code #anchors} in links name a heading of the target document. */
final class BrokenAnchorRule extends DocumentRule {

    BrokenAnchorRule() {
        super("broken-anchor", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        for (Link link : doc.body().links()) {
            InternalLink target = InternalLink.resolve(doc.meta().sourcePath(), link.url());
            if (target == null || target.anchor().isEmpty() || target.escapes()) {
                continue;
            }
            Optional<Document> to = target.path().isEmpty() ? Optional.of(doc) : context.kb().byPath(target.path());
            if (to.isEmpty() || to.get().body().hasAnchor(target.anchor())) {
                continue;
            }
            String known = String.join(", ", to.get().body().headings().stream().map(Heading::anchor).limit(12).toList());
            out.report(Position.of(doc.meta().sourcePath(), link.line(), link.column()),
                    "link `" + link.url() + "` names anchor #" + target.anchor() + ", which "
                            + (to.get() == doc ? "this document" : to.get().meta().sourcePath()) + " does not have",
                    known.isEmpty() ? "the target has no headings" : "headings there: " + known);
        }
    }
}
