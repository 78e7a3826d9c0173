package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.ActionItem;

/** Every action item names an owner: an item nobody owns does not get done. */
final class ActionItemOwnerRule extends ActionItemRule implements DocumentLocal {

    ActionItemOwnerRule() {
        super(RuleInfo.ACTION_ITEM_OWNER);
    }

    @Override
    void check(Context context, ActionItem item, Position at, Reporter out) {
        if (item.owner().isBlank()) {
            out.report(at, quoted(item) + " has no owner",
                    "name a team or person in the Owner column (or `owner: team` in a list item)");
        }
    }
}
