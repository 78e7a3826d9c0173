package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.time.Period;

/** A runbook not exercised in a Game Day for longer than {@code review.tested_within}. */
final class RunbookUntestedRule extends DocumentRule<Runbook> implements NeedsReferenceDate {

    RunbookUntestedRule() {
        super(RuleInfo.RUNBOOK_UNTESTED, Runbook.class);
    }

    @Override
    void check(Context context, Runbook rb, Reporter out) {
        if (rb.lastTested() == null) {
            return;
        }
        Period within = context.config().validation().testedWithin();
        LocalDate due = rb.lastTested().plus(within);
        if (due.isBefore(context.referenceDate())) {
            out.report(rb.meta().source().frontMatter().positionOf("/last_tested"),
                    "runbook was last tested " + rb.lastTested() + ", more than " + within + " ago",
                    "run it in a Game Day and update `last_tested`");
        }
    }
}
