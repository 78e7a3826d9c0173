package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.TimelineEntry;
import java.util.List;

/** Timeline entries run forward in time; one that goes back is reported at its row. */
final class TimelineOrderRule extends DocumentRule<Postmortem> implements DocumentLocal {

    TimelineOrderRule() {
        super(RuleInfo.TIMELINE_ORDER, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        List<TimelineEntry> entries = pm.timeline();
        for (int i = 1; i < entries.size(); i++) {
            TimelineEntry prev = entries.get(i - 1);
            TimelineEntry cur = entries.get(i);
            if (cur.time().isBefore(prev.time())) {
                out.report(Position.of(pm.meta().sourcePath(), cur.line(), 1),
                        "timeline entry at " + Texts.time(cur.time()) + " comes after " + Texts.time(prev.time())
                                + " (line " + prev.line() + ")",
                        "keep the timeline in time order; if the incident crossed midnight, write the full date"
                                + " and time (YYYY-MM-DD HH:MM)");
            }
        }
    }
}
