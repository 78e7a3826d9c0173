package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hindsight.SiteFixture;
import dev.hindsight.git.TestRepo;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI formats end to end: `hindsight check --format github|gitlab|sarif` on a site in a Git repository. */
class CiFormatsTest {

    private static final String BROKEN_RUNBOOK = SiteFixture.VALID_RUNBOOK.formatted("DB")
            .replace("1. Look at the dashboard.", "Look at the dashboard, TODO.");

    @TempDir
    Path tmp;

    private final ObjectMapper mapper = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    private Run check(Map<String, String> env, String format) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"check", "-s", tmp.resolve("kb").toString(), "--reference-date", "2024-03-01",
                "--format", format}, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(exit, out.toString(), err.toString());
    }

    private void site() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("kb/hindsight.yml", "title: Ops\n")
                    .write("kb/runbooks/db.md", BROKEN_RUNBOOK)
                    .write("kb/runbooks/api.md", SiteFixture.VALID_RUNBOOK.formatted("API"))
                    .commit("Alice", "2024-01-10T10:00:00Z", "Knowledge base");
        }
    }

    @Test
    void githubAnnotatesWithRepositoryPathsAndAppendsTheStepSummary() throws Exception {
        site();
        Path summary = tmp.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");

        Run run = check(Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "github");

        assertThat(run.exit()).isEqualTo(1);
        List<GithubFormatterTestAccess.Command> commands = run.out().lines().map(GithubFormatterTestAccess::parse)
                .toList();
        assertThat(commands).extracting(c -> c.properties().get("file") + ":" + c.properties().get("line") + " "
                + c.name() + " " + c.properties().get("title")).containsExactly(
                "kb/runbooks/db.md:11 error runbook-diagnosis-steps", "kb/runbooks/db.md:12 error placeholder");
        assertThat(Files.readString(summary)).startsWith("earlier step\n## Hindsight\n\n2 errors, 0 warnings, 0 notes.")
                .contains("| kb/runbooks/db\\.md | 2 | 0 | 0 |");
    }

    @Test
    void withoutTheSummaryVariableNothingIsWritten() throws Exception {
        site();

        Run run = check(Map.of(), "github");

        assertThat(run.out()).startsWith("::error file=kb/runbooks/db.md,");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".git", "kb");
        }
    }

    @Test
    void gitlabReportHasTheDocumentedFields() throws Exception {
        site();

        JsonNode report = mapper.readTree(check(Map.of(), "gitlab").out());

        assertThat(dev.hindsight.diag.GitlabFormatterTestAccess.violations(report)).isEmpty();
        assertThat(report).hasSize(2);
        assertThat(report.findValuesAsText("path")).containsOnly("kb/runbooks/db.md");
    }

    @Test
    void sarifIsValidAndItsFingerprintsAreStableAcrossRunsAndChangeWithAnEdit() throws Exception {
        site();

        String first = check(Map.of(), "sarif").out();
        String second = check(Map.of(), "sarif").out();
        // Lines added above the findings move them, but they are the same findings.
        Path db = tmp.resolve("kb/runbooks/db.md");
        Files.writeString(db, BROKEN_RUNBOOK.replace("## Overview\n", "## Overview\nA new line.\n\n"));
        String moved = check(Map.of(), "sarif").out();
        // Editing the line a finding sits on makes it another finding.
        Files.writeString(db, BROKEN_RUNBOOK.replace("Look at the dashboard, TODO.", "Check the pool, TODO."));
        String edited = check(Map.of(), "sarif").out();

        assertThat(schema().validate(first, InputFormat.JSON)).isEmpty();
        assertThat(second).isEqualTo(first);
        List<String> prints = fingerprints(first);
        assertThat(prints).hasSize(2).doesNotHaveDuplicates();
        assertThat(lines(moved)).containsExactly(13, 14);
        assertThat(fingerprints(moved)).isEqualTo(prints);
        // The Diagnosis heading (the first finding) is untouched; the TODO line (the second) was edited.
        assertThat(fingerprints(edited).get(0)).isEqualTo(prints.get(0));
        assertThat(fingerprints(edited).get(1)).isNotEqualTo(prints.get(1));
        JsonNode run = mapper.readTree(first).at("/runs/0");
        assertThat(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("kb/runbooks/db.md");
        assertThat(run.at("/tool/driver/rules/0/helpUri").asText()).endsWith("README.md#rules");
    }

    private List<String> fingerprints(String sarif) throws Exception {
        return mapper.readTree(sarif).at("/runs/0/results").findValues("partialFingerprints").stream()
                .map(n -> n.path("hindsightFinding/v1").asText()).toList();
    }

    private List<Integer> lines(String sarif) throws Exception {
        return mapper.readTree(sarif).at("/runs/0/results").findValues("startLine").stream().map(JsonNode::asInt)
                .toList();
    }

    private static Schema schema() throws Exception {
        try (InputStream in = CiFormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }
}
