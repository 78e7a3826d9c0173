package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An open action item with a priority is finished within its priority's objective
 * ({@code action_items.objectives}, days from the postmortem's date); a priority without an objective is
 * reported too.
 */
final class ActionItemSloRule extends DocumentRule<Postmortem> implements NeedsReferenceDate {

    ActionItemSloRule() {
        super(RuleInfo.ACTION_ITEM_SLO, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        Map<String, Integer> objectives = context.config().learning().objectives();
        LocalDate date = pm.meta().date() != null ? pm.meta().date() : pm.incident().started() == null ? null
                : pm.incident().started().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        for (ActionItem item : pm.actionItems()) {
            if (item.priority().isEmpty()) {
                continue;
            }
            Position at = Position.of(pm.meta().sourcePath(), item.line(), 1);
            Integer days = objectives.get(item.priority());
            if (days == null) {
                out.report(at, ActionItemRule.quoted(item) + " has priority `" + item.priority()
                                + "`, which has no completion objective",
                        "use one of " + String.join(", ", objectives.keySet()) + " (action_items.objectives)");
                continue;
            }
            if (date == null || !item.isOpen()) {
                continue;
            }
            LocalDate objective = date.plusDays(days);
            long late = ChronoUnit.DAYS.between(objective, context.referenceDate());
            if (late > 0) {
                out.report(at, ActionItemRule.quoted(item) + " (" + item.priority() + ") is " + late + " day"
                                + (late == 1 ? "" : "s") + " late: still " + item.status().label() + " after its "
                                + days + "-day objective, " + objective,
                        "finish it, or lower its priority and say why in the postmortem");
            }
        }
    }
}
