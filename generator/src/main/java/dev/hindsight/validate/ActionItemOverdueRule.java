package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;

/** Open action items whose due date is before the reference date. */
final class ActionItemOverdueRule extends DocumentRule {

    ActionItemOverdueRule() {
        super("action-item-overdue", Severity.WARNING);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Postmortem pm) || context.referenceDate() == null) {
            return;
        }
        for (ActionItem item : pm.actionItems()) {
            if (item.isOpen() && item.due() != null && item.due().isBefore(context.referenceDate())) {
                out.report(Position.of(doc.meta().sourcePath(), item.line(), 1),
                        "action item \"" + Texts.shorten(item.action()) + "\" was due " + item.due() + " and is still "
                                + item.status().label(),
                        "finish it and mark it done, or agree a new due date");
            }
        }
    }
}
