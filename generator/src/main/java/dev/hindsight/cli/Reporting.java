package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import dev.hindsight.api.BuildResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Prints a run's diagnostics (stdout, in the chosen format) and its one-line summary (stderr). */
final class Reporting {

    private Reporting() {
    }

    static void print(Hindsight hindsight, BuildResult result, String format, Path source, PrintWriter out,
                      PrintWriter err, String done) {
        out.print(hindsight.format(result, format, source));
        out.flush();
        err.println(String.format(Locale.ROOT, "hindsight: %d document%s, %s%s", result.documents(),
                result.documents() == 1 ? "" : "s", hindsight.summary(result), done));
        err.flush();
    }
}
