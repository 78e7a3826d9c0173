package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;

/** The root cause is dug out with a 5-whys list of at least the configured number of steps. */
final class FiveWhysRule extends DocumentRule {

    FiveWhysRule() {
        super("five-whys", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        int minimum = context.config().validation().minimumWhys();
        if (!(doc instanceof Postmortem pm) || minimum == 0) {
            return;
        }
        int cause = Sections.find(context.kindOf(doc), doc.body(), "Root cause");
        if (cause < 0) {
            return; // required-section reports the missing section itself
        }
        if (pm.whys().size() < minimum) {
            int line = pm.whys().isEmpty() ? doc.body().sections().get(cause).heading().line()
                    : pm.whys().get(0).line();
            out.report(Position.of(doc.meta().sourcePath(), line, 1),
                    "the 5 whys have " + pm.whys().size() + " step" + (pm.whys().size() == 1 ? "" : "s")
                            + "; at least " + minimum + " are needed",
                    "under the root cause, add a \"Five whys\" heading with a numbered list, each item a Why");
        }
    }
}
