package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.ActionItem;

/** Open action items whose due date is before the reference date. */
final class ActionItemOverdueRule extends ActionItemRule implements NeedsReferenceDate {

    ActionItemOverdueRule() {
        super(RuleInfo.ACTION_ITEM_OVERDUE);
    }

    @Override
    void check(Context context, ActionItem item, Position at, Reporter out) {
        if (item.isOpen() && item.due() != null && item.due().isBefore(context.referenceDate())) {
            out.report(at, quoted(item) + " was due " + item.due() + " and is still " + item.status().label(),
                    "finish it and mark it done, or agree a new due date");
        }
    }
}
