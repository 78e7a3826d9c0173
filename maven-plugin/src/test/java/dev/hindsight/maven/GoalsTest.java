package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check and build as Maven runs them: parameters in, log lines and at most one exception out. */
class GoalsTest {

    @TempDir
    Path tmp;

    final RecordingLog log = new RecordingLog();

    private <T extends AbstractHindsightMojo> T configure(T mojo, Path site) {
        mojo.setLog(log);
        mojo.environment = name -> null;
        Mojos.set(mojo, "siteDirectory", site.toFile());
        Mojos.set(mojo, "failOn", "error");
        Mojos.set(mojo, "referenceDate", "2026-03-01");
        Mojos.set(mojo, "reportsDirectory", tmp.resolve("reports").toFile());
        return mojo;
    }

    /** The log without the note that the temporary site is not in a Git repository. */
    private java.util.List<String> lines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        boolean skipHint = false;
        for (String line : log.lines) {
            if (line.contains("[git-unavailable]")) {
                skipHint = true;
                continue;
            }
            if (skipHint && line.startsWith("[INFO]   hint:")) {
                continue;
            }
            skipHint = false;
            out.add(line);
        }
        return out;
    }

    private CheckMojo check(Path site) {
        return configure(new CheckMojo(), site);
    }

    private BuildMojo build(Path site, Path output) {
        return Mojos.set(configure(new BuildMojo(), site), "outputDirectory", output.toFile());
    }

    @Test
    void aValidSitePassesAndSaysSo() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");

        check(site).execute();

        assertThat(lines()).containsExactly("[INFO] Hindsight: reading 1 Markdown file",
                "[INFO] Hindsight: checking 1 document",
                "[INFO] Hindsight found 0 errors and 0 warnings in " + site);
    }

    @Test
    void buildLogsALinePerStageAndWithTimingsTheTableOfEveryStage() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        Path out = tmp.resolve("out");

        Mojos.set(build(site, out), "timings", true).execute();

        List<String> lines = lines();
        assertThat(lines.subList(0, 3)).containsExactly("[INFO] Hindsight: reading 1 Markdown file",
                "[INFO] Hindsight: checking 1 document", "[INFO] Hindsight: writing 27 pages");
        int heading = lines.indexOf("[INFO] Hindsight timings (git runs alongside read and parse, search alongside "
                + "render):");
        assertThat(heading).isPositive();
        assertThat(lines.get(heading + 1)).matches("\\[INFO] stage +time +items +heap after +peak RSS");
        assertThat(lines.subList(heading + 2, heading + 10).stream().map(l -> l.split(" +")[1]))
                .containsExactly("read", "git", "parse", "validate", "render", "search", "write", "total");
        assertThat(lines.get(heading + 5)).matches("\\[INFO] validate +\\d+\\.\\d\\d s +1 +\\d+ MiB +(\\d+ MiB|n/a)");
        assertThat(lines.subList(heading + 10, lines.size())).containsExactly(
                "[INFO] Hindsight found 0 errors and 0 warnings in " + site, "[INFO] Hindsight wrote 27 pages to " + out);
    }

    @Test
    void everyDiagnosticIsPrintedCompilerStyleThenTheBuildFailsOnce() {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2025-01-01");
        Sites.write(site, "runbooks/checkout.md", Sites.VALID_RUNBOOK.formatted("2025-01-01")
                .replace("## Escalation", "## Contacts of people").replace("1. Check", "Check"));

        assertThatThrownBy(() -> check(site).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Hindsight found 2 errors and 1 warning in " + site);

        String file = site.resolve("runbooks/checkout.md").toString();
        assertThat(lines()).containsExactly("[INFO] Hindsight: reading 1 Markdown file",
                "[INFO] Hindsight: checking 1 document",
                "[WARNING] " + file + ":[5,1] [runbook-stale] runbook was last reviewed 2025-01-01; "
                        + "a review was due 2025-04-01 (every P90D)",
                "[WARNING]   hint: review it, check the commands still work, and update `last_reviewed`",
                "[ERROR] " + file + ":[7,1] [required-section] missing required section \"Escalation\"",
                "[ERROR]   hint: add a heading named \"Escalation\" or \"Escalations\" or \"Contacts\" or "
                        + "\"Who to call\" or \"Escalation path\"",
                "[ERROR] " + file + ":[16,1] [runbook-diagnosis-steps] the Diagnosis section has no numbered list of steps",
                "[ERROR]   hint: write the steps as a numbered list (1. 2. 3.)");
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2025-01-01");
        check(site).execute();
        assertThat(lines()).last().isEqualTo("[INFO] Hindsight found 0 errors and 1 warning in " + site);

        CheckMojo strict = Mojos.set(check(site), "failOn", "warning");
        assertThatThrownBy(strict::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Hindsight found 0 errors and 1 warning in " + site + " (`<failOn>` is warning)");
    }

    @Test
    void theReferenceDateFallsBackToSourceDateEpochThenToTheBuildsDate() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2025-01-01");
        CheckMojo fromEpoch = Mojos.set(check(site), "referenceDate", null);
        fromEpoch.environment = name -> name.equals("SOURCE_DATE_EPOCH") ? "1772323200" : null;
        fromEpoch.execute();
        assertThat(log.lines).anyMatch(l -> l.contains("a review was due 2025-04-01"));

        // Neither: "today" is the build's date (UTC), so a runbook last reviewed in 2025 is stale today too.
        log.lines.clear();
        Mojos.set(check(site), "referenceDate", null).execute();
        assertThat(log.lines).anyMatch(l -> l.contains("[runbook-stale]") && l.contains("a review was due 2025-04-01"))
                .noneMatch(l -> l.contains("[reference-date]"));
    }

    @Test
    void setupProblemsSpeakPom() {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> check(missing).execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessage("`<siteDirectory>` " + missing + " does not exist");

        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        assertThatThrownBy(() -> Mojos.set(check(site), "failOn", "info").execute())
                .isInstanceOf(MojoExecutionException.class).hasMessage("`<failOn>` takes error or warning, not 'info'");
        assertThatThrownBy(() -> Mojos.set(check(site), "referenceDate", "yesterday").execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("`<referenceDate>` must be a date like 2024-03-05, not 'yesterday'");

        Path inside = site.resolve("public");
        assertThatThrownBy(() -> build(site, inside).execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("`<outputDirectory>` " + inside + ": output directory " + inside
                        + " is inside the source directory");
    }

    @Test
    void aBrokenConfigurationIsASetupFailureAfterItsDiagnostics() {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        Sites.write(site, "hindsight.yml", "title: Test\ntitel: typo\n");

        assertThatThrownBy(() -> check(site).execute()).isInstanceOf(MojoExecutionException.class)
                .hasMessage("`<siteDirectory>` " + site + ": 1 error in its setup (hindsight.yml or templates/, listed above)");
        assertThat(lines()).first().asString().startsWith("[ERROR] " + site.resolve("hindsight.yml") + ":[2,1] [");
    }

    @Test
    void buildWritesTheSiteAndTheRequestedReports() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2025-01-01");
        Path out = tmp.resolve("out");
        BuildMojo build = Mojos.set(build(site, out), "reportFormats", List.of("SARIF", "json", "sarif"));

        build.execute();

        assertThat(out.resolve("runbooks/checkout/index.html")).isRegularFile();
        Path reports = tmp.resolve("reports");
        JsonNode sarif = new ObjectMapper().readTree(reports.resolve("hindsight.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).contains("runbook-stale");
        JsonNode json = new ObjectMapper().readTree(reports.resolve("hindsight.json").toFile());
        assertThat(json.at("/diagnostics").findValuesAsText("rule")).contains("runbook-stale");
        assertThat(log.lines).contains("[INFO] Hindsight SARIF report: " + reports.resolve("hindsight.sarif"),
                "[INFO] Hindsight JSON report: " + reports.resolve("hindsight.json"),
                "[INFO] Hindsight wrote 27 pages to " + out);
    }

    @Test
    void reportsAreWrittenWhenTheBuildFailsToo() {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2025-01-01");
        CheckMojo check = Mojos.set(Mojos.set(check(site), "failOn", "warning"), "reportFormats", List.of("sarif"));
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class);
        assertThat(tmp.resolve("reports/hindsight.sarif")).content().contains("runbook-stale");
    }

    @Test
    void anUnknownReportFormatIsRefusedBeforeAnythingRuns() {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        assertThatThrownBy(() -> Mojos.set(check(site), "reportFormats", List.of("html")).execute())
                .isInstanceOf(MojoExecutionException.class).hasMessage("`<reportFormats>` takes sarif, json and gitlab, not 'html'");
        assertThat(log.lines).isEmpty();
    }

    @Test
    void skipDoesNothingAtAll() throws Exception {
        CheckMojo check = Mojos.set(check(tmp.resolve("missing")), "skip", true);
        check.execute();
        assertThat(log.lines).containsExactly("[INFO] Skipping Hindsight (hindsight.skip)");
    }
}
