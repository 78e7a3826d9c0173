package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Postmortem;
import dev.hindsight.source.FrontMatter;
import java.time.OffsetDateTime;
import java.util.List;

/** A published postmortem gives at least when the incident started, was detected and was resolved. */
final class IncidentTimesRequiredRule extends DocumentRule<Postmortem> implements DocumentLocal {

    private static final List<String> REQUIRED = List.of("started", "detected", "resolved");

    IncidentTimesRequiredRule() {
        super(RuleInfo.INCIDENT_TIMES_REQUIRED, Postmortem.class);
    }

    @Override
    void check(Context context, Postmortem pm, Reporter out) {
        FrontMatter fm = pm.meta().source().frontMatter();
        if (!pm.meta().isPublished() || !fm.readable()) {
            return;
        }
        List<OffsetDateTime> times = IncidentTimesOrderRule.values(pm.incident());
        for (String name : REQUIRED) {
            String pointer = "/incident/" + name;
            boolean written = fm.root().at(pointer).isValueNode();
            if (times.get(IncidentTimesOrderRule.ORDER.indexOf(name)) == null && !written) {
                out.report(fm.positionOf(pointer),
                        "published postmortem has no `incident." + name + "` time",
                        "add `" + name + ": 2024-03-05T14:02:00Z` under `incident:`");
            }
        }
    }
}
