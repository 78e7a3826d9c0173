package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Runbook;
import java.util.HashMap;
import java.util.Map;

/** An alert name belongs to at most one runbook, so that {@code alerts/<Name>/} has one target. */
final class DuplicateAlertRule extends BaseRule {

    DuplicateAlertRule() {
        super(RuleInfo.DUPLICATE_ALERT);
    }

    @Override
    public void check(Context context, Reporter out) {
        Map<String, Runbook> owners = new HashMap<>();
        for (Runbook rb : context.kb().runbooks()) {
            for (int i = 0; i < rb.alerts().size(); i++) {
                String alert = rb.alerts().get(i);
                Runbook first = owners.putIfAbsent(alert, rb);
                if (first != null && first != rb) {
                    out.report(listItem(rb, "/alerts", i), "alert `" + alert + "` is already listed by "
                            + first.meta().sourcePath(), "list each alert in exactly one runbook");
                }
            }
        }
    }
}
