package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Postmortem;

/** The root cause is dug out with a 5-whys list of at least the configured number of steps. */
final class FiveWhysRule extends SectionRule<Postmortem> implements DocumentLocal {

    FiveWhysRule() {
        super(RuleInfo.FIVE_WHYS, Postmortem.class, "Root cause");
    }

    @Override
    boolean applies(Context context) {
        return context.config().validation().minimumWhys() > 0;
    }

    @Override
    void check(Context context, Postmortem pm, int section, Reporter out) {
        int minimum = context.config().validation().minimumWhys();
        int steps = pm.whys().size();
        if (steps < minimum) {
            Position at = steps == 0 ? heading(pm, section)
                    : Position.of(pm.meta().sourcePath(), pm.whys().get(0).line(), 1);
            out.report(at, "the 5 whys have " + steps + " step" + (steps == 1 ? "" : "s") + "; at least " + minimum
                            + " are needed",
                    "under the root cause, add a \"Five whys\" heading with a numbered list, each item a Why");
        }
    }
}
