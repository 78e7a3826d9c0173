package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.ActionItem;

/** Every action item has a due date written as YYYY-MM-DD. */
final class ActionItemDueRule extends ActionItemRule implements DocumentLocal {

    ActionItemDueRule() {
        super(RuleInfo.ACTION_ITEM_DUE);
    }

    @Override
    void check(Context context, ActionItem item, Position at, Reporter out) {
        if (item.due() == null && item.dueText().isBlank()) {
            out.report(at, quoted(item) + " has no due date",
                    "add a due date as YYYY-MM-DD in the Due column (or `due: 2024-06-30`)");
        } else if (item.due() == null) {
            out.report(at, quoted(item) + " has an invalid due date `" + item.dueText() + "`",
                    "write the due date as YYYY-MM-DD");
        }
    }
}
