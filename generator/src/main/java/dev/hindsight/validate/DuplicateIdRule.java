package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import java.util.HashMap;
import java.util.Map;

/** Ids, and the pages documents become, are unique across the site. */
final class DuplicateIdRule extends BaseRule {

    DuplicateIdRule() {
        super(RuleInfo.DUPLICATE_ID);
    }

    @Override
    public void check(Context context, Reporter out) {
        Map<String, Document> ids = new HashMap<>();
        Map<String, Document> urls = new HashMap<>();
        for (Document doc : context.kb().documents()) {
            Document first = ids.putIfAbsent(doc.id(), doc);
            if (first != null) {
                Position at = doc.meta().source().frontMatter().has("id")
                        ? doc.meta().source().frontMatter().valuePositionOf("/id")
                        : Position.of(doc.meta().sourcePath(), 1, 1);
                out.report(at, "id `" + doc.id() + "` is already used by " + first.meta().sourcePath(),
                        "give every document its own id");
            }
            Document sameUrl = urls.putIfAbsent(doc.meta().url(), doc);
            if (sameUrl != null) {
                out.report(Position.of(doc.meta().sourcePath(), 1, 1), "page " + doc.meta().url()
                        + " would also be written for " + sameUrl.meta().sourcePath(), "rename one of the files");
            }
        }
    }
}
