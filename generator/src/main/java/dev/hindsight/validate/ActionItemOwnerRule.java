package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;

/** Every action item names an owner: an item nobody owns does not get done. */
final class ActionItemOwnerRule extends DocumentRule {

    ActionItemOwnerRule() {
        super("action-item-owner", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (doc instanceof Postmortem pm) {
            for (ActionItem item : pm.actionItems()) {
                if (item.owner().isBlank()) {
                    out.report(Position.of(doc.meta().sourcePath(), item.line(), 1),
                            "action item \"" + Texts.shorten(item.action()) + "\" has no owner",
                            "name a team or person in the Owner column (or `owner: team` in a list item)");
                }
            }
        }
    }
}
