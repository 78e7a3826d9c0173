package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Block;
import dev.hindsight.model.Runbook;

/** A runbook's Diagnosis is a numbered list of steps: under pressure, order matters. */
final class RunbookDiagnosisRule extends SectionRule<Runbook> implements DocumentLocal {

    RunbookDiagnosisRule() {
        super(RuleInfo.RUNBOOK_DIAGNOSIS_STEPS, Runbook.class, "Diagnosis");
    }

    @Override
    void check(Context context, Runbook rb, int section, Reporter out) {
        if (rb.body().blocksUnder(section).stream().noneMatch(b -> b instanceof Block.ListBlock l && l.ordered())) {
            out.report(heading(rb, section), "the Diagnosis section has no numbered list of steps",
                    "write the steps as a numbered list (1. 2. 3.)");
        }
    }
}
