package dev.hindsight.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in user content. {@code hint} is empty when there is nothing to add.
 */
public record Diagnostic(Severity severity, String ruleId, Position position, String message, String hint)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::position)
            .thenComparing(Diagnostic::severity)
            .thenComparing(Diagnostic::ruleId)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(newSeverity, ruleId, position, message, hint);
    }

    public boolean hasHint() {
        return !hint.isEmpty();
    }

    @Override
    public int compareTo(Diagnostic o) {
        return ORDER.compare(this, o);
    }

    /** The one-line text form: {@code path:line:col: error[rule-id]: message}. */
    @Override
    public String toString() {
        return position + ": " + severity.label() + "[" + ruleId + "]: " + message;
    }
}
