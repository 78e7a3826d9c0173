package dev.hindsight.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Diagnostics as GitHub Actions workflow commands, one per line, so that a {@code run:} step
 * annotates the pull request without an upload step:
 *
 * <pre>{@code ::error file=example-site/runbooks/x.md,line=12,col=3,title=timeline-order::message}</pre>
 *
 * Errors become {@code ::error}, warnings {@code ::warning}, infos {@code ::notice}. Paths are
 * relative to the repository root. In the message {@code %}, CR and LF are percent-encoded; in
 * properties {@code :} and {@code ,} too, as the runner's command parser expects. A hint follows the
 * message on its own line of the annotation.
 *
 * <p>{@link #summary} renders the Markdown for {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GithubFormatter {

    /** How many findings the summary lists one by one. */
    static final int WORST = 10;

    /** How many files the summary's table lists (most errors first). */
    static final int FILES = 50;

    private final String pathPrefix;

    /** @param pathPrefix the site root relative to the repository root ({@code ""} at the top). */
    public GithubFormatter(String pathPrefix) {
        this.pathPrefix = RepositoryPaths.normalisePrefix(Objects.requireNonNull(pathPrefix, "pathPrefix"));
    }

    public String format(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append("::").append(command(d.severity()))
                    .append(" file=").append(escapeProperty(pathPrefix + d.position().file()))
                    .append(",line=").append(d.position().displayLine())
                    .append(",col=").append(d.position().displayColumn())
                    .append(",title=").append(escapeProperty(d.ruleId()))
                    .append("::").append(escapeData(d.hasHint() ? d.message() + "\nhint: " + d.hint() : d.message()))
                    .append('\n');
        }
        return out.toString();
    }

    static String command(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** The message part: {@code %}, CR and LF encoded (the runner's {@code escapeData}). */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as {@link #escapeData}, plus {@code :} and {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * A Markdown summary for the job page: totals, findings per rule, per file (the {@value #FILES}
     * files with the most errors, then warnings) and the worst {@value #WORST} findings (errors first). Every piece of content is escaped, so a file name or
     * message cannot inject Markdown or HTML.
     */
    public String summary(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder("## Hindsight\n\n");
        long errors = count(diagnostics, Severity.ERROR);
        long warnings = count(diagnostics, Severity.WARNING);
        long infos = count(diagnostics, Severity.INFO);
        if (diagnostics.isEmpty()) {
            return out.append("No problems found.\n").toString();
        }
        out.append(String.format(Locale.ROOT, "%d error%s, %d warning%s, %d note%s.%n%n", errors, s(errors),
                warnings, s(warnings), infos, s(infos)).replace("\r\n", "\n"));

        out.append("| rule | errors | warnings | notes |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, long[]> e : tally(diagnostics, Diagnostic::ruleId).entrySet()) {
            long[] c = e.getValue();
            out.append("| `").append(code(e.getKey())).append("` | ").append(c[0]).append(" | ").append(c[1])
                    .append(" | ").append(c[2]).append(" |\n");
        }
        out.append("\n| file | errors | warnings | notes |\n|---|---:|---:|---:|\n");
        // GitHub takes at most 1 MiB of summary per step: the files with the most errors, then warnings.
        List<Map.Entry<String, long[]>> files = new ArrayList<>(
                tally(diagnostics, d -> pathPrefix + d.position().file()).entrySet());
        files.sort(Comparator.comparing((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(e -> -e.getValue()[1]).thenComparing(e -> -e.getValue()[2])
                .thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, long[]> e : files.subList(0, Math.min(FILES, files.size()))) {
            long[] c = e.getValue();
            out.append("| ").append(text(e.getKey())).append(" | ").append(c[0]).append(" | ").append(c[1])
                    .append(" | ").append(c[2]).append(" |\n");
        }
        if (files.size() > FILES) {
            out.append("\n…and ").append(files.size() - FILES).append(" more files.\n");
        }

        List<Diagnostic> worst = new ArrayList<>(diagnostics);
        worst.sort(Comparator.comparing(Diagnostic::severity).thenComparing(Comparator.naturalOrder()));
        out.append("\n### Worst findings\n\n");
        for (Diagnostic d : worst.subList(0, Math.min(WORST, worst.size()))) {
            out.append("- **").append(d.severity().label()).append("** `").append(code(d.ruleId())).append("` ")
                    .append(text(pathPrefix + d.position().file())).append(':').append(d.position().displayLine())
                    .append(':').append(d.position().displayColumn()).append(" — ").append(text(d.message()))
                    .append('\n');
        }
        if (worst.size() > WORST) {
            out.append("\n…and ").append(worst.size() - WORST).append(" more.\n");
        }
        return out.toString();
    }

    private static Map<String, long[]> tally(List<Diagnostic> diagnostics,
                                             java.util.function.Function<Diagnostic, String> key) {
        Map<String, long[]> m = new TreeMap<>();
        for (Diagnostic d : diagnostics) {
            m.computeIfAbsent(key.apply(d), k -> new long[3])[d.severity().ordinal()]++;
        }
        return m;
    }

    private static long count(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    private static String s(long n) {
        return n == 1 ? "" : "s";
    }

    /** Inside a code span: no backticks, no line breaks, no table pipes. */
    private static String code(String s) {
        return s.replace('`', '\'').replace('|', '/').replaceAll("[\\r\\n]+", " ");
    }

    /** Plain text in Markdown: HTML-escaped, Markdown punctuation backslash-escaped, on one line. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r', '\n' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~', '{', '}', '+', '-', '.' ->
                        out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
