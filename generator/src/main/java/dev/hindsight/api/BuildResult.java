package dev.hindsight.api;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import java.util.List;

/**
 * The outcome of a run: every diagnostic (sorted), how many documents were read and pages written,
 * and whether the run itself failed (bad configuration, unreadable source, unwritable output) as
 * opposed to the content having errors.
 */
public record BuildResult(List<Diagnostic> diagnostics, int documents, int pages, boolean setupFailed) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_CONTENT = 1;
    public static final int EXIT_SETUP = 2;

    public BuildResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    /** 0 ok, 1 content problems at or above {@code failOn}, 2 setup problems. */
    public int exitCode(Severity failOn) {
        if (setupFailed) {
            return EXIT_SETUP;
        }
        boolean fail = diagnostics.stream().anyMatch(d -> d.severity().atLeast(failOn));
        return fail ? EXIT_CONTENT : EXIT_OK;
    }
}
