package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.api.BuildListener;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.Stage;
import dev.hindsight.diag.Diagnostic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check walks the Git history only when a document needs a file's history (a runbook without {@code last_reviewed},
 * whose last commit counts as its review); otherwise it reads HEAD alone, which still gives the reference date and
 * the repository's diagnostics. Real repositories made by JGit, and a shallow clone made by Git.
 */
class CheckReadsHistoryWhenNeededTest {

    @TempDir
    Path tmp;

    private static final String REVIEWED = "---\ntitle: Disk\nservice: node\nowner: sre\nlast_reviewed: 2024-01-01\n"
            + "review_every: P30D\nlast_tested: 2024-05-01\n---\n## Overview\nx\n";
    private static final String UNREVIEWED = "---\ntitle: Queue\nservice: node\nowner: sre\nlast_tested: 2024-05-01\n"
            + "---\n## Overview\nx\n";

    /** A repository whose HEAD is dated 2024-06-01, with one reviewed runbook. */
    private Path site(Path dir) throws Exception {
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("hindsight.yml", "title: Ops\n").write("runbooks/disk.md", REVIEWED)
                    .commit("Alice", "2024-01-10T00:00:00Z", "Disk runbook");
            repo.write("notes.txt", "1\n").commit("Bob", "2024-06-01T00:00:00Z", "Notes");
        }
        return dir;
    }

    @Test
    void aCheckWhoseRunbooksAreAllReviewedReadsHeadAloneAndStillDatesFromIt() throws Exception {
        Path site = site(tmp.resolve("site"));
        Run run = check(site);

        // Reviewed 2024-01-01 every 30 days: stale on HEAD's date, 2024-06-01 (no --reference-date).
        assertThat(run.stale).containsExactly("runbooks/disk.md:5:1: warning[runbook-stale]: runbook was last "
                + "reviewed 2024-01-01; a review was due 2024-01-31 (every P30D)");
        assertThat(run.gitFiles).containsExactly(0); // HEAD read, no file's history
    }

    @Test
    void aRunbookWithoutLastReviewedHasTheWalkRunAndIsDatedByItsLastCommit() throws Exception {
        Path site = site(tmp.resolve("site"));
        try (TestRepo repo = TestRepo.open(site)) {
            repo.write("runbooks/queue.md", UNREVIEWED).commit("Carol", "2024-06-02T00:00:00Z", "Queue runbook");
        }
        Run run = check(site);

        assertThat(run.stale).containsExactly(
                "runbooks/disk.md:5:1: warning[runbook-stale]: runbook was last reviewed 2024-01-01; a review was "
                        + "due 2024-01-31 (every P30D)");
        assertThat(run.gitFiles).hasSize(1);
        assertThat(run.gitFiles.get(0)).isGreaterThanOrEqualTo(3); // hindsight.yml, notes.txt and both runbooks

        // The same runbook last committed long ago: stale by its Git date.
        try (TestRepo repo = TestRepo.open(site)) {
            repo.write("notes.txt", "2\n").commit("Bob", "2024-12-01T00:00:00Z", "More notes");
        }
        assertThat(check(site).stale).contains("runbooks/queue.md:2:1: warning[runbook-stale]: runbook was last "
                + "changed in Git 2024-06-02; a review was due 2024-08-31 (every P90D)");
    }

    @Test
    void aShallowCloneIsReportedWithoutTheWalk() throws Exception {
        Path origin = site(tmp.resolve("origin"));
        Path clone = tmp.resolve("clone");
        Process p = new ProcessBuilder("git", "clone", "-q", "--depth", "1", origin.toUri().toString(), clone.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        Run run = check(clone);
        assertThat(run.all).anyMatch(d -> d.startsWith("hindsight.yml:1:1: warning[git-shallow]: the Git repository "
                + "is a shallow clone"));
        assertThat(run.gitFiles).containsExactly(0);
    }

    @Test
    void outsideARepositoryTheCheckSaysSoAsBefore() throws Exception {
        Path site = tmp.resolve("plain");
        java.nio.file.Files.createDirectories(site.resolve("runbooks"));
        java.nio.file.Files.writeString(site.resolve("hindsight.yml"), "title: Ops\n");
        java.nio.file.Files.writeString(site.resolve("runbooks/disk.md"), REVIEWED);

        Run run = check(site);
        assertThat(run.all).contains("hindsight.yml:1:1: info[git-unavailable]: the site is not inside a Git "
                + "repository; pages get no created or updated dates and no page history");
    }

    /** What a check of {@code site} reported: its runbook-stale findings, all findings, and each Git stage's count. */
    private record Run(List<String> stale, List<String> all, List<Integer> gitFiles) {
    }

    private static Run check(Path site) {
        List<Integer> gitFiles = new ArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void ended(Stage stage, int count, Duration wall) {
                if (stage == Stage.GIT) {
                    synchronized (gitFiles) {
                        gitFiles.add(count);
                    }
                }
            }
        };
        List<Diagnostic> found = new Hindsight().check(BuildOptions.check(site).withListener(listener)).diagnostics();
        return new Run(found.stream().filter(d -> d.ruleId().equals("runbook-stale")).map(Diagnostic::toString)
                .toList(), found.stream().map(Diagnostic::toString).toList(), List.copyOf(gitFiles));
    }
}
