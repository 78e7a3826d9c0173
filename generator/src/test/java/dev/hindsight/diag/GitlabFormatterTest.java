package dev.hindsight.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitlabFormatterTest {

    /*
     * The fields GitLab documents for a Code Quality report (docs.gitlab.com, "Code Quality", "Import
     * Code Quality results from a CI/CD job": description, check_name, fingerprint, severity,
     * location.path, location.lines.begin are required; severity is one of these).
     */
    private static final Set<String> SEVERITIES = Set.of("info", "minor", "major", "critical", "blocker");

    private static final List<Diagnostic> SAMPLE = List.of(
            new Diagnostic(Severity.ERROR, "setup", Position.ofFile("."), "cannot read the site", ""),
            new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/db.md", 12, 3),
                    "entry 14:05 comes after 14:10", "sort the timeline"),
            new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/db.md", 14, 3),
                    "entry 14:05 comes after 14:10", ""),
            new Diagnostic(Severity.WARNING, "runbook-stale", Position.ofFile("runbooks/db.md"), "stale", ""),
            new Diagnostic(Severity.INFO, "sitemap", Position.of("hindsight.yml", 2, 1), "no base_url", ""));

    private final ObjectMapper mapper = new ObjectMapper();

    /** The report against the documented fields: each required, typed as GitLab reads them. */
    static List<String> violations(JsonNode report) {
        List<String> out = new ArrayList<>();
        if (!report.isArray()) {
            return List.of("the report is not a JSON array");
        }
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < report.size(); i++) {
            JsonNode issue = report.get(i);
            for (String field : List.of("description", "check_name", "fingerprint", "severity")) {
                if (!issue.path(field).isTextual() || issue.path(field).asText().isEmpty()) {
                    out.add(i + ": " + field + " is not a non-empty string");
                }
            }
            if (!SEVERITIES.contains(issue.path("severity").asText())) {
                out.add(i + ": severity " + issue.path("severity"));
            }
            if (!fingerprints.add(issue.path("fingerprint").asText())) {
                out.add(i + ": fingerprint repeats");
            }
            if (!issue.at("/location/path").isTextual() || issue.at("/location/path").asText().startsWith("/")) {
                out.add(i + ": location.path is not a relative path");
            }
            if (!issue.at("/location/lines/begin").isInt() || issue.at("/location/lines/begin").asInt() < 1) {
                out.add(i + ": location.lines.begin is not a line number");
            }
        }
        return out;
    }

    @Test
    void writesTheCodeQualityFieldsGitlabDocuments() throws Exception {
        String json = new GitlabFormatter("example-site/", Fingerprints.withoutSource()).format(SAMPLE);
        JsonNode report = mapper.readTree(json);

        assertThat(violations(report)).isEmpty();
        assertThat(report.findValuesAsText("severity")).containsExactly("critical", "major", "major", "minor", "info");
        assertThat(report.findValuesAsText("check_name"))
                .containsExactly("setup", "timeline-order", "timeline-order", "runbook-stale", "sitemap");
        JsonNode second = report.get(1);
        assertThat(second.path("description").asText()).isEqualTo("entry 14:05 comes after 14:10 (hint: sort the timeline)");
        assertThat(second.at("/location/path").asText()).isEqualTo("example-site/postmortems/db.md");
        assertThat(second.at("/location/lines/begin").asInt()).isEqualTo(12);
        assertThat(report.get(3).at("/location/lines/begin").asInt()).isEqualTo(1);
        assertThat(second.path("fingerprint").asText()).matches("[0-9a-f]{32}");
    }

    @Test
    void anEmptyRunIsAnEmptyArray() {
        assertThat(new GitlabFormatter("", Fingerprints.withoutSource()).format(List.of())).isEqualTo("[]\n");
    }
}
