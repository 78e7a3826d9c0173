package dev.hindsight.validate;

import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;

/** The runbooks a postmortem names in {@code runbooks:} exist. */
final class UnknownRunbookRule extends DocumentRule {

    UnknownRunbookRule() {
        super("unknown-runbook", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Postmortem pm)) {
            return;
        }
        FrontMatter fm = doc.meta().source().frontMatter();
        for (int i = 0; i < pm.runbooks().size(); i++) {
            String id = pm.runbooks().get(i);
            boolean found = context.kb().byId(id).filter(Runbook.class::isInstance).isPresent();
            if (!found) {
                String p = fm.root().at("/runbooks").isArray() ? "/runbooks/" + i : "/runbooks";
                out.report(fm.valuePositionOf(p), "unknown runbook `" + id + "`",
                        "use the id of a runbook (its `id:` or file name without .md)");
            }
        }
    }
}
