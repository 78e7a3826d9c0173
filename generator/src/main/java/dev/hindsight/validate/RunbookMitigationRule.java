package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Block;
import dev.hindsight.model.Runbook;

/** A runbook's Mitigation gives the commands to run, in at least one code block. */
final class RunbookMitigationRule extends SectionRule<Runbook> implements DocumentLocal {

    RunbookMitigationRule() {
        super(RuleInfo.RUNBOOK_MITIGATION_CODE, Runbook.class, "Mitigation");
    }

    @Override
    void check(Context context, Runbook rb, int section, Reporter out) {
        if (rb.body().blocksUnder(section).stream().noneMatch(Block.Code.class::isInstance)) {
            out.report(heading(rb, section), "the Mitigation section has no code block",
                    "give the rollback, restart or failover commands in a fenced code block (```)");
        }
    }
}
