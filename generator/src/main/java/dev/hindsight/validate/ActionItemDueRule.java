package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;

/** Every action item has a due date written as YYYY-MM-DD. */
final class ActionItemDueRule extends DocumentRule {

    ActionItemDueRule() {
        super("action-item-due", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (doc instanceof Postmortem pm) {
            for (ActionItem item : pm.actionItems()) {
                if (item.due() != null) {
                    continue;
                }
                Position at = Position.of(doc.meta().sourcePath(), item.line(), 1);
                if (item.dueText().isBlank()) {
                    out.report(at, "action item \"" + Texts.shorten(item.action()) + "\" has no due date",
                            "add a due date as YYYY-MM-DD in the Due column (or `due: 2024-06-30`)");
                } else {
                    out.report(at, "action item \"" + Texts.shorten(item.action()) + "\" has an invalid due date `"
                            + item.dueText() + "`", "write the due date as YYYY-MM-DD");
                }
            }
        }
    }
}
