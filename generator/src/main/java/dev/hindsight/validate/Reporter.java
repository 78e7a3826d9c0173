package dev.hindsight.validate;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;

/** Reports for one rule at the severity the site configured for it. */
final class Reporter {

    private final String ruleId;
    private final Severity severity;
    private final Diagnostics diagnostics;

    Reporter(String ruleId, Severity severity, Diagnostics diagnostics) {
        this.ruleId = ruleId;
        this.severity = severity;
        this.diagnostics = diagnostics;
    }

    void report(Position at, String message) {
        report(at, message, "");
    }

    void report(Position at, String message, String hint) {
        diagnostics.add(new Diagnostic(severity, ruleId, at, message, hint));
    }

    /** Reports at the configured severity, but no worse than {@code cap} (for work in progress). */
    void reportAtMost(Severity cap, Position at, String message, String hint) {
        Severity s = severity.atLeast(cap) ? cap : severity;
        diagnostics.add(new Diagnostic(s, ruleId, at, message, hint));
    }
}
