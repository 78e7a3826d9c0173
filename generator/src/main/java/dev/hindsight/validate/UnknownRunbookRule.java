package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;

/** The runbooks a postmortem names in {@code runbooks:} exist. */
final class UnknownRunbookRule extends DocumentRule<Postmortem> {

    UnknownRunbookRule() {
        super(RuleInfo.UNKNOWN_RUNBOOK, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        for (int i = 0; i < pm.runbooks().size(); i++) {
            String id = pm.runbooks().get(i);
            boolean found = context.kb().byId(id).filter(Runbook.class::isInstance).isPresent();
            if (!found) {
                out.report(listItem(pm, "/runbooks", i), "unknown runbook `" + id + "`",
                        "use the id of a runbook (its `id:` or file name without .md)");
            }
        }
    }
}
