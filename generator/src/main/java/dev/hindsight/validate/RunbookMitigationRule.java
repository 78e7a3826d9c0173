package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.Block;
import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;

/** A runbook's Mitigation gives the commands to run, in at least one code block. */
final class RunbookMitigationRule extends DocumentRule {

    RunbookMitigationRule() {
        super("runbook-mitigation-code", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Runbook)) {
            return;
        }
        int at = Sections.find(context.kindOf(doc), doc.body(), "Mitigation");
        if (at < 0) {
            return;
        }
        boolean code = doc.body().blocksUnder(at).stream().anyMatch(b -> b instanceof Block.Code);
        if (!code) {
            out.report(Position.of(doc.meta().sourcePath(), doc.body().sections().get(at).heading().line(), 1),
                    "the Mitigation section has no code block",
                    "give the rollback, restart or failover commands in a fenced code block (```)");
        }
    }
}
