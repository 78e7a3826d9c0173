package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A runbook whose review is overdue: its last review (the {@code last_reviewed} date, else its last
 * Git update when {@code git.freshness_fallback} is on) plus {@code review_every} is before the
 * reference date.
 */
final class RunbookStaleRule extends DocumentRule<Runbook> implements NeedsReferenceDate {

    RunbookStaleRule() {
        super(RuleInfo.RUNBOOK_STALE, Runbook.class);
    }

    @Override
    void check(Context context, Runbook rb, Reporter out) {
        FrontMatter fm = rb.meta().source().frontMatter();
        Period every = fm.has("review_every") ? rb.reviewEvery() : context.config().validation().reviewInterval();
        Optional<LocalDate> reviewed = context.kb().effectiveLastReviewed(rb);
        if (reviewed.isEmpty()) {
            if (!fm.has("last_reviewed") && fm.readable()) {
                out.report(Position.of(rb.meta().sourcePath(), fm.start().line(), 1),
                        "runbook has no `last_reviewed` date", "add `last_reviewed: YYYY-MM-DD` after each review");
            }
            return;
        }
        LocalDate due = reviewed.get().plus(every);
        if (due.isBefore(context.referenceDate())) {
            boolean bound = context.kb().lastReviewedIsUpperBound(rb);
            String source = rb.lastReviewed() != null ? "last reviewed"
                    : bound ? "last changed in Git on or before" : "last changed in Git";
            Position at = fm.has("last_reviewed") ? fm.positionOf("/last_reviewed")
                    : Position.of(rb.meta().sourcePath(), fm.start().line(), 1);
            out.report(at, "runbook was " + source + " " + reviewed.get() + "; a review was due " + due
                            + " (every " + every + ")",
                    "review it, check the commands still work, and update `last_reviewed`");
        }
    }
}
