package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;
import java.time.LocalDate;
import java.time.Period;

/** A runbook whose review is overdue: {@code last_reviewed + review_every} is before the reference date. */
final class RunbookStaleRule extends DocumentRule {

    @Override
    public String id() {
        return "runbook-stale";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Runbook rb) || context.referenceDate() == null) {
            return;
        }
        FrontMatter fm = doc.meta().source().frontMatter();
        Period every = fm.has("review_every") ? rb.reviewEvery() : context.config().validation().reviewInterval();
        if (rb.lastReviewed() == null) {
            if (!fm.has("last_reviewed")) {
                out.report(Position.of(doc.meta().sourcePath(), fm.start().line(), 1),
                        "runbook has no `last_reviewed` date", "add `last_reviewed: YYYY-MM-DD` after each review");
            }
            return;
        }
        LocalDate due = rb.lastReviewed().plus(every);
        if (due.isBefore(context.referenceDate())) {
            out.report(fm.positionOf("/last_reviewed"),
                    "runbook was last reviewed " + rb.lastReviewed() + "; a review was due " + due
                            + " (every " + every + ")",
                    "review it, check the commands still work, and update `last_reviewed`");
        }
    }
}
