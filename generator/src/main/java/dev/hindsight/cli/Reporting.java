package dev.hindsight.cli;

import dev.hindsight.diag.Severity;
import dev.hindsight.diag.TextFormatter;
import dev.hindsight.site.BuildResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a run's diagnostics (stdout) and its one-line summary (stderr). */
final class Reporting {

    private Reporting() {
    }

    static void print(BuildResult result, Severity minimum, PrintWriter out, PrintWriter err, String done) {
        TextFormatter text = new TextFormatter();
        out.print(text.format(result.diagnostics().stream().filter(d -> d.severity().atLeast(minimum)).toList()));
        out.flush();
        err.println(String.format(Locale.ROOT, "hindsight: %d document%s, %s%s", result.documents(),
                result.documents() == 1 ? "" : "s", text.summary(result.diagnostics()), done));
        err.flush();
    }
}
