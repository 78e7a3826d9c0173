package dev.hindsight.validate;

import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.Postmortem;
import java.time.OffsetDateTime;
import java.util.List;

/** A published postmortem gives at least when the incident started, was detected and was resolved. */
final class IncidentTimesRequiredRule extends DocumentRule {

    private static final List<String> REQUIRED = List.of("started", "detected", "resolved");

    IncidentTimesRequiredRule() {
        super("incident-times-required", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!(doc instanceof Postmortem pm) || !DocumentMeta.PUBLISHED.equals(doc.meta().status())
                || !doc.meta().source().frontMatter().readable()) {
            return;
        }
        List<OffsetDateTime> times = IncidentTimesOrderRule.values(pm.incident());
        for (String name : REQUIRED) {
            String pointer = "/incident/" + name;
            boolean written = doc.meta().source().frontMatter().root().at(pointer).isValueNode();
            if (times.get(IncidentTimesOrderRule.ORDER.indexOf(name)) == null && !written) {
                out.report(doc.meta().source().frontMatter().positionOf(pointer),
                        "published postmortem has no `incident." + name + "` time",
                        "add `" + name + ": 2024-03-05T14:02:00Z` under `incident:`");
            }
        }
    }
}
