package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

/** A rule about each action item of a postmortem, reported at the item's line. */
abstract class ActionItemRule extends DocumentRule<Postmortem> {

    ActionItemRule(RuleInfo info) {
        super(info, Postmortem.class);
    }

    @Override
    final void check(Context context, Postmortem pm, Reporter out) {
        for (ActionItem item : pm.actionItems()) {
            check(context, item, Position.of(pm.meta().sourcePath(), item.line(), 1), out);
        }
    }

    abstract void check(Context context, ActionItem item, Position at, Reporter out);

    /** The item as messages quote it. */
    static String quoted(ActionItem item) {
        return "action item \"" + Texts.shorten(item.action()) + "\"";
    }
}
