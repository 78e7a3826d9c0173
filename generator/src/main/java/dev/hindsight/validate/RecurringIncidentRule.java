package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.learning.Learning;
import dev.hindsight.learning.Pattern;
import dev.hindsight.learning.Predecessor;
import dev.hindsight.learning.Recurrence;
import dev.hindsight.model.Postmortem;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest incident of a recurring pattern names its predecessors, so that its authors see during
 * review that this has happened before. Reported at the shared factor (else alert, else service) of its
 * front matter.
 */
final class RecurringIncidentRule extends BaseRule {

    RecurringIncidentRule() {
        super(RuleInfo.RECURRING_INCIDENT);
    }

    @Override
    public void check(Context context, Reporter out) {
        Recurrence l = Learning.recurrence(context.kb(), context.config());
        for (Pattern p : l.patterns()) {
            Postmortem newest = context.kb().byId(p.newest().id()).filter(Postmortem.class::isInstance)
                    .map(Postmortem.class::cast).orElse(null);
            List<Predecessor> preds = l.predecessorsOf(p.newest().id());
            if (newest == null || preds.isEmpty()) {
                continue;
            }
            List<String> named = new ArrayList<>();
            for (Predecessor pr : preds) {
                List<String> shared = new ArrayList<>(pr.factors());
                pr.alerts().forEach(a -> shared.add("alert " + a));
                named.add(pr.incident().id() + " of " + pr.incident().date() + " (" + String.join(", ", pr.services())
                        + "; " + String.join(", ", shared) + ")");
            }
            out.report(at(newest, preds.get(0)), "recurs from " + String.join(" and ", named) + ", within "
                            + context.config().learning().recurrenceDays() + " days",
                    "read their action items: did they work? The pattern has " + p.count() + " incidents");
        }
    }

    private static Position at(Postmortem pm, Predecessor first) {
        if (!first.factors().isEmpty()) {
            return listItem(pm, "/contributing_factors", pm.contributingFactors().indexOf(first.factors().get(0)));
        }
        if (!first.alerts().isEmpty()) {
            return listItem(pm, "/alerts", pm.alerts().indexOf(first.alerts().get(0)));
        }
        return listItem(pm, "/services", Math.max(0, pm.services().indexOf(first.services().get(0))));
    }

}
