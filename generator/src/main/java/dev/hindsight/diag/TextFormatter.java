package dev.hindsight.diag;

import java.util.List;
import java.util.Locale;

/** The human text form, one diagnostic per line, each hint indented beneath it. */
public final class TextFormatter {

    public String format(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(d).append('\n');
            if (d.hasHint()) {
                out.append("  hint: ").append(d.hint()).append('\n');
            }
        }
        return out.toString();
    }

    /** "2 errors, 1 warning" style summary. */
    public String summary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        return String.format(Locale.ROOT, "%d error%s, %d warning%s",
                errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
}
