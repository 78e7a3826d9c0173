package dev.hindsight.validate;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
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
    /** The enabled rules that are not prose rules, and the prose rules (run in one pass over the lines). */
    private final List<Enabled<DocumentRule<?>>> rules = new ArrayList<>();
    private final List<Enabled<ProseRule>> prose = new ArrayList<>();

    /** A rule and the severity the configuration gives it. */
    private record Enabled<R extends Rule>(R rule, Severity severity) {
        Reporter reporter(Diagnostics out) {
            return new Reporter(rule.id(), severity, out);
        }
    }

    LocalChecks(SiteConfig config, List<Rule> all) {
        // Nothing a document-local rule may read is left out; what it must not read (the knowledge base,
        // the services, the reference date, the root, the schemas) is not there.
        this.context = new Context(null, config, null, null, null, null);
        for (Rule rule : all) {
            if (!(rule instanceof DocumentLocal) || !(rule instanceof DocumentRule<?> dr) || !dr.applies(context)) {
                continue;
            }
            config.validation().severityOf(rule.id(), rule.defaultSeverity()).ifPresent(severity -> {
                if (rule instanceof ProseRule p) {
                    prose.add(new Enabled<>(p, severity));
                } else {
                    rules.add(new Enabled<>(dr, severity));
                }
            });
        }
    }

    /** Runs the rules on {@code doc}, reporting into {@code out}. */
    public void check(Document doc, Diagnostics out) {
        for (Enabled<DocumentRule<?>> e : rules) {
            e.rule().checkOne(context, doc, e.reporter(out));
        }
        if (!prose.isEmpty()) {
            ProseRule.checkLines(context, doc, prose.stream().map(Enabled::rule).toList(),
                    prose.stream().map(e -> e.reporter(out)).toList());
        }
    }
}
