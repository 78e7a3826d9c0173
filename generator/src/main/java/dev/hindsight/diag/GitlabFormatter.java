package dev.hindsight.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Diagnostics as a GitLab Code Quality report ({@code artifacts:reports:codequality}): a JSON array
 * of {@code {description, check_name, fingerprint, severity, location: {path, lines: {begin}}}}.
 *
 * <p>Severity: a diagnostic that stopped the run from looking at the content ({@code setup},
 * {@code config}, {@code read-error}) is {@code critical}; other errors {@code major}; warnings
 * {@code minor}; notes {@code info}. Paths are relative to the repository root. Fingerprints come
 * from {@link Fingerprints}, so the merge-request widget shows new and fixed findings, not all of
 * them again. A hint is appended to the description.
 */
public final class GitlabFormatter {

    private static final Set<String> CRITICAL = Set.of("setup", "config", "read-error");

    private final String pathPrefix;
    private final Fingerprints fingerprints;

    public GitlabFormatter(String pathPrefix, Fingerprints fingerprints) {
        this.pathPrefix = RepositoryPaths.normalisePrefix(Objects.requireNonNull(pathPrefix, "pathPrefix"));
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
    }

    public String format(List<Diagnostic> diagnostics) {
        List<String> prints = fingerprints.of(diagnostics);
        ArrayNode report = JsonText.array();
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            ObjectNode issue = report.addObject();
            issue.put("description", d.hasHint() ? d.message() + " (hint: " + d.hint() + ")" : d.message());
            issue.put("check_name", d.ruleId());
            issue.put("fingerprint", prints.get(i));
            issue.put("severity", severity(d));
            ObjectNode location = issue.putObject("location");
            location.put("path", pathPrefix + d.position().file());
            location.putObject("lines").put("begin", d.position().displayLine());
        }
        return JsonText.write(report);
    }

    static String severity(Diagnostic d) {
        return switch (d.severity()) {
            case ERROR -> CRITICAL.contains(d.ruleId()) ? "critical" : "major";
            case WARNING -> "minor";
            case INFO -> "info";
        };
    }
}
