package dev.hindsight.validate;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link DocumentLocal} rules of a site, run on one document at a time as it is read: the same
 * diagnostics as {@link Validator#validate} reports for that document when it runs them itself. The prose
 * lines of a document are made once for all the prose rules.
 */
public final class LocalChecks {

    private final Context context;
    private final List<DocumentRule<?>> rules = new ArrayList<>();
    private final List<String> ruleIds = new ArrayList<>();
    private final List<dev.hindsight.diag.Severity> severities = new ArrayList<>();
    private final List<ProseRule> prose = new ArrayList<>();
    private final List<String> proseIds = new ArrayList<>();
    private final List<dev.hindsight.diag.Severity> proseSeverities = new ArrayList<>();

    LocalChecks(SiteConfig config, List<Rule> all) {
        // Nothing a document-local rule may read is left out; what it must not read (the knowledge base,
        // the services, the reference date, the root, the schemas) is not there.
        this.context = new Context(null, config, null, null, null, null);
        for (Rule rule : all) {
            if (!(rule instanceof DocumentLocal) || !(rule instanceof DocumentRule<?> dr) || !dr.applies(context)) {
                continue;
            }
            var severity = config.validation().severityOf(rule.id(), rule.defaultSeverity());
            if (severity.isEmpty()) {
                continue;
            }
            if (rule instanceof ProseRule p) {
                prose.add(p);
                proseIds.add(p.id());
                proseSeverities.add(severity.get());
            } else {
                rules.add(dr);
                ruleIds.add(rule.id());
                severities.add(severity.get());
            }
        }
    }

    /** Runs the rules on {@code doc}, reporting into {@code out}. */
    public void check(Document doc, Diagnostics out) {
        for (int i = 0; i < rules.size(); i++) {
            rules.get(i).checkOne(context, doc, new Reporter(ruleIds.get(i), severities.get(i), out));
        }
        if (!prose.isEmpty()) {
            List<Reporter> reporters = new ArrayList<>(prose.size());
            for (int i = 0; i < prose.size(); i++) {
                reporters.add(new Reporter(proseIds.get(i), proseSeverities.get(i), out));
            }
            for (ProseLines.Line line : ProseLines.of(doc.meta().source().file())) {
                for (int i = 0; i < prose.size(); i++) {
                    prose.get(i).check(context, doc, line, reporters.get(i));
                }
            }
        }
    }
}
