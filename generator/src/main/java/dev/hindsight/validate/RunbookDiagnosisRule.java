package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.Block;
import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;

/** A runbook's Diagnosis is a numbered list of steps: under pressure, order matters. */
final class RunbookDiagnosisRule extends DocumentRule {

    RunbookDiagnosisRule() {
        super("runbook-diagnosis-steps", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Runbook)) {
            return;
        }
        int at = Sections.find(context.kindOf(doc), doc.body(), "Diagnosis");
        if (at < 0) {
            return;
        }
        boolean ordered = doc.body().blocksUnder(at).stream()
                .anyMatch(b -> b instanceof Block.ListBlock l && l.ordered());
        if (!ordered) {
            out.report(Position.of(doc.meta().sourcePath(), doc.body().sections().get(at).heading().line(), 1),
                    "the Diagnosis section has no numbered list of steps",
                    "write the steps as a numbered list (1. 2. 3.)");
        }
    }
}
