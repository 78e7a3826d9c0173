package dev.hindsight.validate;

import dev.hindsight.diag.Severity;
import dev.hindsight.model.Runbook;
import java.util.HashMap;
import java.util.Map;

/** An alert name belongs to at most one runbook, so that {@code alerts/<Name>/} has one target. */
final class DuplicateAlertRule extends BaseRule {

    DuplicateAlertRule() {
        super("duplicate-alert", Severity.ERROR);
    }

    @Override
    public void check(Context context, Reporter out) {
        Map<String, Runbook> owners = new HashMap<>();
        for (Runbook rb : context.kb().runbooks()) {
            for (int i = 0; i < rb.alerts().size(); i++) {
                String alert = rb.alerts().get(i);
                Runbook first = owners.putIfAbsent(alert, rb);
                if (first != null && first != rb) {
                    var fm = rb.meta().source().frontMatter();
                    String p = fm.root().at("/alerts").isArray() ? "/alerts/" + i : "/alerts";
                    out.report(fm.valuePositionOf(p), "alert `" + alert + "` is already listed by "
                            + first.meta().sourcePath(), "list each alert in exactly one runbook");
                }
            }
        }
    }
}
