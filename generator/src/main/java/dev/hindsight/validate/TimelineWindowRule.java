package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.TimelineEntry;

/**
 * Timeline entries fall between {@code incident.started} and {@code incident.resolved}. Events
 * before or after the incident are allowed but unusual (a deploy hours earlier), hence a warning.
 */
final class TimelineWindowRule extends DocumentRule<Postmortem> implements DocumentLocal {

    TimelineWindowRule() {
        super(RuleInfo.TIMELINE_WINDOW, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        IncidentTimes t = pm.incident();
        for (TimelineEntry e : pm.timeline()) {
            Position at = Position.of(pm.meta().sourcePath(), e.line(), 1);
            if (t.started() != null && e.time().isBefore(t.started())) {
                out.report(at, "timeline entry at " + Texts.time(e.time()) + " is before the incident started ("
                        + Texts.time(t.started()) + ")", "check the time, or `incident.started` in the front matter");
            } else if (t.resolved() != null && e.time().isAfter(t.resolved())) {
                out.report(at, "timeline entry at " + Texts.time(e.time()) + " is after the incident was resolved ("
                        + Texts.time(t.resolved()) + ")", "check the time, or `incident.resolved` in the front matter");
            }
        }
    }
}
