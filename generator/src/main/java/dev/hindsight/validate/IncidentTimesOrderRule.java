package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Postmortem;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved, over the milestones that are given. */
final class IncidentTimesOrderRule extends DocumentRule<Postmortem> implements DocumentLocal {

    static final List<String> ORDER = List.of("started", "detected", "acknowledged", "mitigated", "resolved");

    IncidentTimesOrderRule() {
        super(RuleInfo.INCIDENT_TIMES_ORDER, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        List<OffsetDateTime> times = values(pm.incident());
        String prevName = null;
        OffsetDateTime prev = null;
        for (int i = 0; i < ORDER.size(); i++) {
            OffsetDateTime t = times.get(i);
            if (t == null) {
                continue;
            }
            if (prev != null && t.isBefore(prev)) {
                out.report(pm.meta().source().frontMatter().valuePositionOf("/incident/" + ORDER.get(i)),
                        "`incident." + ORDER.get(i) + "` (" + Texts.time(t) + ") is before `incident." + prevName
                                + "` (" + Texts.time(prev) + ")",
                        "milestones go in order: started, detected, acknowledged, mitigated, resolved");
            }
            prev = t;
            prevName = ORDER.get(i);
        }
    }

    static List<OffsetDateTime> values(IncidentTimes t) {
        List<OffsetDateTime> out = new ArrayList<>();
        out.add(t.started());
        out.add(t.detected());
        out.add(t.acknowledged());
        out.add(t.mitigated());
        out.add(t.resolved());
        return out;
    }
}
