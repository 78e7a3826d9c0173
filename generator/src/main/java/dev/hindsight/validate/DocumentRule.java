package dev.hindsight.validate;

import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;

/** A rule that looks at one document at a time; documents are checked in parallel. */
abstract class DocumentRule extends BaseRule {

    DocumentRule(String id, Severity defaultSeverity) {
        super(id, defaultSeverity);
    }

    @Override
    public final void check(Context context, Reporter out) {
        context.kb().documents().parallelStream().forEach(d -> check(context, d, out));
    }

    abstract void check(Context context, Document doc, Reporter out);
}
