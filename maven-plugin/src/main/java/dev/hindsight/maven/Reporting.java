package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * How a run's outcome reaches the Maven user: one log line per diagnostic in the compiler's
 * {@code /abs/path:[line,col]} form (so IDEs and CI link it), report files, and the closing messages.
 */
final class Reporting {

    private final Log log;
    private final Path site;

    Reporting(Log log, Path site) {
        this.log = log;
        this.site = site;
    }

    void print(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            emit(d.severity(), line(d));
            if (d.hasHint()) {
                emit(d.severity(), "  hint: " + d.hint());
            }
        }
    }

    private void emit(Severity severity, String text) {
        switch (severity) {
            case ERROR -> log.error(text);
            case WARNING -> log.warn(text);
            default -> log.info(text);
        }
    }

    /** {@code /abs/site/runbooks/x.md:[12,3] [rule-id] message}. */
    String line(Diagnostic d) {
        Position p = d.position();
        return absolute(p.file()) + ":[" + p.displayLine() + "," + p.displayColumn() + "] [" + d.ruleId() + "] "
                + d.message();
    }

    private Path absolute(String file) {
        return site.resolve(file).normalize();
    }

    /** Writes {@code hindsight.<format>} for each format into {@code dir}. */
    void writeReports(Hindsight hindsight, BuildResult result, List<String> formats, Path dir)
            throws MojoExecutionException {
        for (String format : formats) {
            Path file = dir.resolve(fileName(format));
            try {
                Files.createDirectories(dir);
                Files.writeString(file, hindsight.format(result, format, site), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoExecutionException("`<reportsDirectory>` " + dir + ": cannot write " + file.getFileName()
                        + ": " + e.getMessage(), e);
            }
            log.info("Hindsight " + format.toUpperCase(Locale.ROOT) + " report: " + file);
        }
    }

    /** {@code hindsight.<format>}; the GitLab Code Quality report under the name GitLab's docs use. */
    static String fileName(String format) {
        return format.equals("gitlab") ? "gl-code-quality-report.json" : "hindsight." + format;
    }

    /** "Hindsight found 3 errors and 1 warning in /site", plus the threshold when warnings fail too. */
    String summary(BuildResult result, Severity failOn) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        String text = "Hindsight found " + plural(errors, "error") + " and " + plural(warnings, "warning")
                + " in " + site;
        boolean failsOnWarnings = failOn == Severity.WARNING && errors == 0 && warnings > 0;
        return failsOnWarnings ? text + " (`<failOn>` is warning)" : text;
    }

    /**
     * Why the run could not even look at the content, in terms of the POM: the library's {@code setup}
     * diagnostic names the directory it is about; configuration errors were printed above.
     */
    MojoExecutionException setupFailure(BuildResult result, Path output) {
        for (Diagnostic d : result.diagnostics()) {
            if (Hindsight.stoppedTheRun(d)) {
                // No configuration, or out of stack or memory: the message says what to do.
                return new MojoExecutionException("`<siteDirectory>` " + site + ": " + d.message()
                        + (d.hasHint() ? "; " + d.hint() : ""));
            }
            if (!Hindsight.isSetupProblem(d)) {
                continue;
            }
            Path where = absolute(d.position().file());
            String parameter = output != null && where.equals(output.toAbsolutePath().normalize())
                    ? "`<outputDirectory>` " + where : "`<siteDirectory>` " + site;
            return new MojoExecutionException(parameter + ": " + d.message());
        }
        long errors = result.count(Severity.ERROR);
        return new MojoExecutionException("`<siteDirectory>` " + site + ": " + plural(errors, "error")
                + " in its setup (" + Hindsight.CONFIG_FILE + " or templates/, listed above)");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
