package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;
import java.util.Optional;

/** {@code #anchors} in links name a heading of the target document. */
final class BrokenAnchorRule extends LinkRule {

    BrokenAnchorRule() {
        super(RuleInfo.BROKEN_ANCHOR);
    }

    @Override
    void check(Context context, Document doc, Link link, InternalLink target, Position at, Reporter out) {
        if (target.anchor().isEmpty() || target.escapes()) {
            return;
        }
        Optional<Document> to = target.path().isEmpty() ? Optional.of(doc) : context.kb().byPath(target.path());
        if (to.isEmpty() || to.get().body().hasAnchor(target.anchor())) {
            return;
        }
        String known = String.join(", ", to.get().body().headings().stream().map(Heading::anchor).limit(12).toList());
        out.report(at, "link `" + link.url() + "` names anchor #" + target.anchor() + ", which "
                        + (to.get() == doc ? "this document" : to.get().meta().sourcePath()) + " does not have",
                known.isEmpty() ? "the target has no headings" : "headings there: " + known);
    }
}
