package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CI job pointed at the wrong folder must not go green: no configuration, or no documents, is an error. */
class EmptySiteTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Markdown a team already has, in folders Hindsight does not know. */
    private static final String UNMAPPED = """
            -- docs/incidents/2024-01-01-db.md --
            # DB outage
            -- docs/incidents/2024-02-01-cache.md --
            # Cache outage
            -- docs/incidents/2024-03-01-dns.md --
            # DNS outage
            -- ops/api.md --
            # API runbook
            -- README.md --
            # Readme
            """;

    private static final String NO_GIT = "hindsight.yml:1:1: info[git-unavailable]: the site is not inside a Git "
            + "repository; pages get no created or updated dates and no page history\n"
            + "  hint: without Git, pass --reference-date for the overdue and stale checks\n";

    @Test
    void checkWithoutConfigurationIsAConfigurationErrorThatNamesTheMarkdownFolders() {
        SiteFixture.write(tmp, UNMAPPED);
        assertThat(run("check", "--source", tmp.toString())).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("hindsight.yml:1:1: error[no-config]: no hindsight.yml in "
                + tmp.toAbsolutePath().normalize() + ": this folder is not a Hindsight knowledge base\n"
                + "  hint: Markdown files here: docs/incidents/ (3), ./ (1), ops/ (1); `hindsight adopt` writes a "
                + "hindsight.yml that fits them (or map your folders to kinds yourself, such as `kinds: {postmortem: "
                + "{folders: [docs/incidents]}}`); or point --source at the folder that holds hindsight.yml\n");
        assertThat(err.toString()).isEqualTo("hindsight: 0 documents, 1 error, 0 warnings\n");
    }

    @Test
    void anEmptyFolderWithoutConfigurationSaysSo() {
        assertThat(run("build", "--source", tmp.toString(), "--output", tmp.resolve("target/site").toString()))
                .isEqualTo(2);
        assertThat(out.toString()).isEqualTo("hindsight.yml:1:1: error[no-config]: no hindsight.yml in "
                + tmp.toAbsolutePath().normalize() + ": this folder is not a Hindsight knowledge base\n"
                + "  hint: there is no Markdown file here either: point --source at the folder that holds "
                + "hindsight.yml, or start a knowledge base with `hindsight init`\n");
        assertThat(tmp.resolve("target/site")).doesNotExist();
    }

    @Test
    void checkWithConfigurationButNoRecognizedDocumentIsAnError() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n" + UNMAPPED);
        assertThat(run("check", "--source", tmp.toString(), "--reference-date", "2024-05-01")).isEqualTo(1);
        String skipped = ":1:1: info[unknown-kind]: not in a document folder and has no `type:`; skipped\n";
        assertThat(out.toString()).isEqualTo("README.md" + skipped
                + "docs/incidents/2024-01-01-db.md" + skipped
                + "docs/incidents/2024-02-01-cache.md" + skipped
                + "docs/incidents/2024-03-01-dns.md" + skipped
                + "hindsight.yml:1:1: error[no-documents]: no documents recognized: "
                + "no Markdown file is in a kind's folder (postmortems/, runbooks/) or has a `type:`\n"
                + "  hint: Markdown files here: docs/incidents/ (3), ./ (1), ops/ (1); `hindsight adopt --force` "
                + "rewrites hindsight.yml to fit them, or map them to kinds in it, such as "
                + "`kinds: {postmortem: {folders: [docs/incidents]}}`\n"
                + NO_GIT
                + "ops/api.md" + skipped);
        assertThat(err.toString()).isEqualTo("hindsight: reading 5 Markdown files\nhindsight: checking 0 documents\n"
                + "hindsight: 0 documents, 1 error, 0 warnings\n");
    }

    @Test
    void buildWithNoDocumentsFailsAndPublishesNothing() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n");
        Path output = tmp.resolve("target/site");
        assertThat(run("build", "--source", tmp.toString(), "--output", output.toString(),
                "--reference-date", "2024-05-01")).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("hindsight.yml:1:1: error[no-documents]: no documents recognized: "
                + "no Markdown file is in a kind's folder (postmortems/, runbooks/) or has a `type:`\n"
                + "  hint: there is no Markdown file here: write one with `hindsight new postmortem \"TITLE\"` "
                + "or `hindsight new runbook \"TITLE\" --service ID`\n"
                + NO_GIT);
        assertThat(err.toString()).isEqualTo("hindsight: reading 0 Markdown files\nhindsight: checking 0 documents\n"
                + "hindsight: 0 documents, 1 error, 0 warnings\n");
        assertThat(output).doesNotExist();
    }

    @Test
    void bothAreDiagnosticsInJsonAndSarif() throws Exception {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n");
        assertThat(run("check", "--source", tmp.toString(), "--format", "json")).isEqualTo(1);
        assertThat(out.toString()).contains("""
                    {
                      "file": "hindsight.yml",
                      "line": 1,
                      "column": 1,
                      "severity": "error",
                      "rule": "no-documents",
                      "message": "no documents recognized: no Markdown file is in a kind's folder (postmortems/, \
                runbooks/) or has a `type:`",
                """);
        out.getBuffer().setLength(0);
        assertThat(run("check", "--source", tmp.toString(), "--format", "sarif")).isEqualTo(1);
        assertThat(out.toString()).contains("\"ruleId\": \"no-documents\"").contains("\"uri\": \"hindsight.yml\"");

        Files.delete(tmp.resolve("hindsight.yml"));
        out.getBuffer().setLength(0);
        assertThat(run("check", "--source", tmp.toString(), "--format", "json")).isEqualTo(2);
        assertThat(out.toString()).contains("""
                    {
                      "file": "hindsight.yml",
                      "line": 1,
                      "column": 1,
                      "severity": "error",
                      "rule": "no-config",
                      "message": "no hindsight.yml in \
                """ + tmp.toAbsolutePath().normalize() + ": this folder is not a Hindsight knowledge base\",\n");
        out.getBuffer().setLength(0);
        assertThat(run("check", "--source", tmp.toString(), "--format", "sarif")).isEqualTo(2);
        assertThat(out.toString()).contains("\"ruleId\": \"no-config\"").contains("\"uri\": \"hindsight.yml\"");
    }

    @Test
    void aDocumentFoundByItsTypeCounts() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n"
                + "-- notes/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A").replace("---\ntitle", "---\ntype: runbook\ntitle"));
        assertThat(run("check", "--source", tmp.toString(), "--reference-date", "2024-02-01")).isZero();
        assertThat(err.toString()).isEqualTo("hindsight: reading 1 Markdown file\nhindsight: checking 1 document\n"
                + "hindsight: 1 document, 0 errors, 0 warnings\n");
    }
}
