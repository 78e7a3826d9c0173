package dev.hindsight.validate;

import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.time.Period;

/** A runbook not exercised in a Game Day for longer than {@code review.tested_within}. */
final class RunbookUntestedRule extends DocumentRule {

    RunbookUntestedRule() {
        super("runbook-untested", Severity.WARNING);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Runbook rb) || context.referenceDate() == null || rb.lastTested() == null) {
            return;
        }
        Period within = context.config().validation().testedWithin();
        LocalDate due = rb.lastTested().plus(within);
        if (due.isBefore(context.referenceDate())) {
            out.report(doc.meta().source().frontMatter().positionOf("/last_tested"),
                    "runbook was last tested " + rb.lastTested() + ", more than " + within + " ago",
                    "run it in a Game Day and update `last_tested`");
        }
    }
}
