package dev.hindsight.changed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.cli.Main;
import dev.hindsight.git.TestRepo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --changed} on real repositories made with JGit: a branch off main, checked against it. */
class ChangedCheckTest {

    private static final String OLD_POSTMORTEM = """
            ---
            title: Old outage
            id: INC-2024-001
            runbooks: [db, cache]
            ---
            # Summary
            See [the DB runbook](../runbooks/db.md) and [the cache runbook](../runbooks/cache.md).
            """;

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run check(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 5];
        all[0] = "check";
        all[1] = "--source";
        all[2] = tmp.resolve("kb").toString();
        all[3] = "--reference-date";
        all[4] = "2024-03-01";
        System.arraycopy(args, 0, all, 5, args.length);
        int exit = Main.run(all, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String runbook(String title) {
        return SiteFixture.VALID_RUNBOOK.formatted(title);
    }

    /** main: three runbooks and an old postmortem with problems of its own; returns the base commit. */
    private RevCommit mainBranch(TestRepo repo) throws Exception {
        return repo.write("kb/hindsight.yml", "title: Ops\n")
                .write("kb/runbooks/api.md", runbook("API"))
                .write("kb/runbooks/db.md", runbook("DB").replace("owner: platform\n",
                        "owner: platform\nalerts: [DbPoolExhausted]\n"))
                .write("kb/runbooks/cache.md", runbook("Cache"))
                .write("kb/postmortems/2024-01-old.md", OLD_POSTMORTEM)
                .write("README.md", "outside the site\n")
                .commit("Alice", "2024-01-10T10:00:00Z", "Knowledge base");
    }

    @Test
    void reportsChangedDocumentsAndWhatTheirChangesBrokeElsewhereButNotOldProblems() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            RevCommit base = mainBranch(repo);
            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("kb/runbooks/api.md", runbook("API").replace("```sh\nkubectl rollout restart deploy/api\n```\n",
                            "Restart it.\n"))       // edited: now without a code block
                    .delete("kb/runbooks/cache.md")  // deleted: the old postmortem links to it
                    .move("kb/runbooks/db.md", "kb/runbooks/database.md") // renamed, keeps its alert
                    .commit("Bob", "2024-02-01T10:00:00Z", "Rework runbooks");

            Run full = check(Map.of());
            Run changed = check(Map.of(), "--changed", "main");

            assertThat(full.out()).contains("postmortems/2024-01-old.md:6:1: error[required-section]: missing required section \"Impact\"");
            assertThat(changed.out()).isEqualTo("""
                    postmortems/2024-01-old.md:4:12: error[unknown-runbook]: unknown runbook `db`
                      hint: use the id of a runbook (its `id:` or file name without .md)
                    postmortems/2024-01-old.md:4:16: error[unknown-runbook]: unknown runbook `cache`
                      hint: use the id of a runbook (its `id:` or file name without .md)
                    postmortems/2024-01-old.md:7:5: error[broken-link]: link `../runbooks/db.md` points to runbooks/db.md, which is not a document
                      hint: check the file name; links are relative to this file's folder
                    postmortems/2024-01-old.md:7:45: error[broken-link]: link `../runbooks/cache.md` points to runbooks/cache.md, which is not a document
                      hint: check the file name; links are relative to this file's folder
                    runbooks/api.md:13:1: error[runbook-mitigation-code]: the Mitigation section has no code block
                      hint: give the rollback, restart or failover commands in a fenced code block (```)
                    """);
            assertThat(changed.exit()).isEqualTo(1);
            // The renamed runbook keeps its alert: the alert's stable address now forwards to the new page.
            Path site = tmp.resolve("site");
            new dev.hindsight.Hindsight().build(dev.hindsight.api.BuildOptions.build(tmp.resolve("kb"), site)
                    .withReferenceDate(java.time.LocalDate.of(2024, 3, 1)));
            assertThat(org.jsoup.Jsoup.parse(site.resolve("alerts/DbPoolExhausted/index.html").toFile(), "UTF-8")
                    .selectFirst("a#runbook-link").attr("href")).isEqualTo("../../runbooks/database/index.html#mitigation");
            assertThat(changed.err()).contains("in what changed since " + base.name().substring(0, 12)
                    + " (merge base with main, 2 files changed)");
        }
    }

    @Test
    void anUntouchedDocumentsOldProblemDoesNotFailTheCheck() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            mainBranch(repo);
            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("kb/runbooks/search.md", runbook("Search")) // a clean new runbook, not committed yet
                    .write("kb/runbooks/cache.md", runbook("Cache").replace("The API.", "The cache."));

            Run changed = check(Map.of(), "--changed");

            assertThat(changed.out()).isEmpty();
            assertThat(changed.exit()).isZero();
            assertThat(changed.err()).contains("(merge base with main, 2 files changed)");
            assertThat(check(Map.of()).exit()).isEqualTo(1);
        }
    }

    @Test
    void findsTheTargetBranchOfAPullRequest() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            mainBranch(repo);
            repo.git.branchRename().setOldName("main").setNewName("trunk").call();
            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("kb/runbooks/api.md", "---\ntitle: API\n---\n").commit("Bob", "2024-02-01T10:00:00Z", "x");

            Run noDefault = check(Map.of(), "--changed");
            Run pr = check(Map.of("GITHUB_BASE_REF", "trunk"), "--changed");

            assertThat(noDefault.exit()).isEqualTo(2);
            assertThat(noDefault.err()).isEqualTo("hindsight: --changed: cannot find the default branch (tried "
                    + "origin/main, origin/master, main, master); name the reference: `--changed origin/main`\n");
            assertThat(pr.err()).contains("(merge base with trunk, 1 file changed)");
            assertThat(pr.out()).startsWith("runbooks/api.md:").doesNotContain("postmortems/");
        }
    }

    @Test
    void aShallowCloneWithoutTheMergeBaseSaysWhatToFetch() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            mainBranch(repo);
            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            RevCommit tip = repo.write("kb/runbooks/api.md", "---\ntitle: API\n---\n")
                    .commit("Bob", "2024-02-01T10:00:00Z", "x");
            // What a depth-1 clone of the branch leaves: its tip is a boundary without parents.
            Files.writeString(tmp.resolve(".git/shallow"), tip.name() + "\n", StandardCharsets.US_ASCII);

            Run run = check(Map.of(), "--changed", "main");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("hindsight: --changed: this is a shallow clone and the merge base of "
                    + "HEAD and `main` is not in it; fetch the history it needs: `git fetch --unshallow origin` (or "
                    + "`git fetch --deepen=N` until the branch point is in), GitHub Actions: actions/checkout with "
                    + "`fetch-depth: 0`, GitLab CI: `GIT_DEPTH: \"0\"`\n");
        }
    }

    @Test
    void selectKeepsChangedFilesAndNewCrossDocumentFindingsOnly() {
        var old = new dev.hindsight.diag.Diagnostic(dev.hindsight.diag.Severity.ERROR, "broken-link",
                dev.hindsight.diag.Position.of("a.md", 3, 1), "link target `x.md` does not exist", "");
        var fresh = new dev.hindsight.diag.Diagnostic(dev.hindsight.diag.Severity.ERROR, "broken-link",
                dev.hindsight.diag.Position.of("a.md", 4, 1), "link target `y.md` does not exist", "");
        var local = new dev.hindsight.diag.Diagnostic(dev.hindsight.diag.Severity.ERROR, "placeholder",
                dev.hindsight.diag.Position.of("a.md", 5, 1), "TODO left", "");
        var mine = local.withSeverity(dev.hindsight.diag.Severity.WARNING);
        var inChanged = new dev.hindsight.diag.Diagnostic(mine.severity(), mine.ruleId(),
                dev.hindsight.diag.Position.of("b.md", 1, 1), mine.message(), "");

        // Only in this run, but no change elsewhere causes a stale runbook (the base copy has no Git dates).
        var stale = new dev.hindsight.diag.Diagnostic(dev.hindsight.diag.Severity.WARNING, "runbook-stale",
                dev.hindsight.diag.Position.of("a.md", 2, 1), "runbook was last reviewed 2024-01-01", "");

        assertThat(ChangedCheck.select(List.of(old, fresh, local, stale, inChanged), List.of(old, local),
                java.util.Set.of("b.md"))).containsExactly(fresh, inChanged);
    }
}
