package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    private GitHistory history(Path siteRoot) {
        return new GitHistoryBuilder(siteRoot, diagnostics).call();
    }

    private List<String> diagnosticLines() {
        return diagnostics.sorted().stream().map(Object::toString).toList();
    }

    private static List<String> ids(FileHistory f) {
        return f.commits().stream().map(CommitInfo::id).toList();
    }

    private static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void createdUpdatedContributorsAndCommitsOfALinearHistory() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            RevCommit c1 = repo.write("postmortems/db.md", "v1\n").commit("Alice", "2024-03-01T10:00:00Z",
                    "Add the DB postmortem");
            RevCommit c2 = repo.write("postmortems/db.md", "v2\n").write("runbooks/redis.md", "r1\n")
                    .commit("Bob", "2024-03-02T11:30:00Z", "Timeline details\n\nFrom the chat log.");
            RevCommit c3 = repo.write("postmortems/db.md", "v3\n").commit("Carol", "2024-03-03T09:00:00Z",
                    "Action items");
            RevCommit c4 = repo.write("postmortems/db.md", "v4\n").commit("Alice", "2024-03-04T08:15:00Z",
                    "Publish");

            GitHistory h = history(tmp);

            assertThat(diagnostics.sorted()).isEmpty();
            assertThat(h.available()).isTrue();
            assertThat(h.shallow()).isFalse();
            assertThat(h.historyWalks()).isEqualTo(1);
            assertThat(h.sitePrefix()).isEmpty();
            assertThat(h.headId()).contains(c4.name());
            assertThat(h.headTime()).contains(utc("2024-03-04T08:15:00Z"));
            assertThat(h.files().keySet()).containsExactly("postmortems/db.md", "runbooks/redis.md");

            FileHistory db = h.file("postmortems/db.md").orElseThrow();
            assertThat(db.created()).isEqualTo(utc("2024-03-01T10:00:00Z"));
            assertThat(db.lastUpdated()).isEqualTo(utc("2024-03-04T08:15:00Z"));
            assertThat(db.contributors()).containsExactly("Alice", "Bob", "Carol");
            assertThat(db.commits()).containsExactly(
                    new CommitInfo(c4.name(), c4.name().substring(0, 7), utc("2024-03-04T08:15:00Z"), "Alice",
                            "Publish"),
                    new CommitInfo(c3.name(), c3.name().substring(0, 7), utc("2024-03-03T09:00:00Z"), "Carol",
                            "Action items"),
                    new CommitInfo(c2.name(), c2.name().substring(0, 7), utc("2024-03-02T11:30:00Z"), "Bob",
                            "Timeline details"),
                    new CommitInfo(c1.name(), c1.name().substring(0, 7), utc("2024-03-01T10:00:00Z"), "Alice",
                            "Add the DB postmortem"));
            assertThat(db.repositoryPath()).isEqualTo("postmortems/db.md");
            assertThat(db.uncommitted()).isFalse();
            assertThat(db.untracked()).isFalse();
            assertThat(db.approximate()).isFalse();

            FileHistory redis = h.file("runbooks/redis.md").orElseThrow();
            assertThat(ids(redis)).containsExactly(c2.name());
            assertThat(redis.created()).isEqualTo(redis.lastUpdated());
            assertThat(redis.contributors()).containsExactly("Bob");

            assertThat(h.files().values().toString()).doesNotContain("@").doesNotContain("example.com");
            assertThat(h.headDate()).contains(java.time.LocalDate.of(2024, 3, 4));
        }
    }

    @Test
    void contributorsAreSortedByCommitsThenName() {
        List<CommitInfo> commits = List.of(
                commit("Zoe"), commit("bob"), commit("Zoe"), commit("Adam"), commit("bob"), commit("Carl"));
        assertThat(FileHistory.contributors(commits)).containsExactly("Zoe", "bob", "Adam", "Carl");
    }

    private static CommitInfo commit(String author) {
        return new CommitInfo("0".repeat(40), "0000000", utc("2024-01-01T00:00:00Z"), author, "x");
    }

    @Test
    void followsRenamesAndStartsAfreshWhenAPathIsReused() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            String text = "# Redis failover\n\nA runbook long enough for Git to see the rename.\n".repeat(5);
            RevCommit c1 = repo.write("runbooks/redis.md", text).commit("Alice", "2024-01-01T00:00:00Z", "Add");
            RevCommit c2 = repo.write("runbooks/redis.md", text + "More.\n")
                    .commit("Bob", "2024-01-02T00:00:00Z", "Edit");
            RevCommit c3 = repo.move("runbooks/redis.md", "runbooks/cache/redis-sessions.md")
                    .commit("Carol", "2024-01-03T00:00:00Z", "Rename");
            RevCommit c4 = repo.write("runbooks/cache/redis-sessions.md", text + "More.\nAnd more.\n")
                    .commit("Alice", "2024-01-04T00:00:00Z", "Edit after the rename");
            RevCommit c5 = repo.write("runbooks/redis.md", "A different file now.\n")
                    .commit("Dan", "2024-01-05T00:00:00Z", "New file at the old path");

            GitHistory h = history(tmp);

            FileHistory moved = h.file("runbooks/cache/redis-sessions.md").orElseThrow();
            assertThat(ids(moved)).containsExactly(c4.name(), c3.name(), c2.name(), c1.name());
            assertThat(moved.created()).isEqualTo(utc("2024-01-01T00:00:00Z"));
            assertThat(moved.contributors()).containsExactly("Alice", "Bob", "Carol");
            assertThat(ids(h.file("runbooks/redis.md").orElseThrow())).containsExactly(c5.name());
            assertThat(h.historyWalks()).isEqualTo(1);
        }
    }

    @Test
    void deletedAndReAddedPathStartsAtTheReAddition() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("a.md", "one\n").commit("Alice", "2024-01-01T00:00:00Z", "Add");
            repo.delete("a.md").write("b.md", "keep\n").commit("Alice", "2024-01-02T00:00:00Z", "Remove");
            RevCommit c3 = repo.write("a.md", "two\n").commit("Bob", "2024-01-03T00:00:00Z", "Back");

            FileHistory a = history(tmp).file("a.md").orElseThrow();

            assertThat(ids(a)).containsExactly(c3.name());
            assertThat(a.contributors()).containsExactly("Bob");
        }
    }

    /**
     * A merge commit is left out of page history and contributors (as {@code git log --no-merges}): the
     * branch's own commits carry its changes.
     */
    @Test
    void mergeCommitsAreLeftOutOfPageHistory() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            Git git = repo.git;
            RevCommit c1 = repo.write("x.md", "x1\n").commit("Alice", "2024-02-01T00:00:00Z", "Start");
            git.branchCreate().setName("feature").call();
            git.checkout().setName("feature").call();
            RevCommit f1 = repo.write("x.md", "x1\nfeature\n").commit("Bob", "2024-02-02T00:00:00Z", "Feature x");
            RevCommit f2 = repo.write("y.md", "y\n").commit("Bob", "2024-02-03T00:00:00Z", "Feature y");
            git.checkout().setName("main").call();
            RevCommit m1 = repo.write("z.md", "z\n").commit("Alice", "2024-02-04T00:00:00Z", "Main z");
            ObjectId feature = git.getRepository().resolve("feature");
            git.merge().include(feature).setCommit(false).call();
            RevCommit merge = repo.commit("Carol", "2024-02-05T00:00:00Z", "Merge branch 'feature'");
            assertThat(merge.getParentCount()).isEqualTo(2);

            GitHistory h = history(tmp);

            assertThat(ids(h.file("x.md").orElseThrow())).containsExactly(f1.name(), c1.name());
            assertThat(ids(h.file("y.md").orElseThrow())).containsExactly(f2.name());
            assertThat(h.file("y.md").orElseThrow().created()).isEqualTo(utc("2024-02-03T00:00:00Z"));
            assertThat(ids(h.file("z.md").orElseThrow())).containsExactly(m1.name());
            assertThat(h.file("x.md").orElseThrow().contributors()).containsExactly("Alice", "Bob");
            assertThat(h.file("x.md").orElseThrow().lastUpdated()).isEqualTo(utc("2024-02-02T00:00:00Z"));
            assertThat(h.headTime()).contains(utc("2024-02-05T00:00:00Z"));
            assertThat(h.historyWalks()).isEqualTo(1);
        }
    }

    @Test
    void siteRootInASubDirectoryIgnoresTheRestOfTheRepository() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            RevCommit c1 = repo.write("example-site/runbooks/payments.md", "p1\n")
                    .write("example-site-old/runbooks/payments.md", "old\n")
                    .write("README.md", "readme\n")
                    .commit("Alice", "2024-05-01T00:00:00Z", "Site and friends");
            repo.write("README.md", "readme 2\n").write("example-site-old/runbooks/payments.md", "old 2\n")
                    .commit("Bob", "2024-05-02T00:00:00Z", "Outside only");
            RevCommit c3 = repo.write("example-site/runbooks/payments.md", "p2\n")
                    .commit("Carol", "2024-05-03T00:00:00Z", "Inside");
            repo.write("README.md", "readme 3\n").commit("Dan", "2024-05-04T00:00:00Z", "Outside again");

            GitHistory h = history(tmp.resolve("example-site"));

            assertThat(diagnostics.sorted()).isEmpty();
            assertThat(h.sitePrefix()).isEqualTo("example-site/");
            assertThat(h.files().keySet()).containsExactly("runbooks/payments.md");
            FileHistory f = h.file("runbooks/payments.md").orElseThrow();
            assertThat(f.repositoryPath()).isEqualTo("example-site/runbooks/payments.md");
            assertThat(h.repositoryPath("runbooks/payments.md")).isEqualTo("example-site/runbooks/payments.md");
            assertThat(ids(f)).containsExactly(c3.name(), c1.name());
            assertThat(f.contributors()).containsExactly("Alice", "Carol");
            // HEAD did not touch the site, yet it is still the build's reference time.
            assertThat(h.headTime()).contains(utc("2024-05-04T00:00:00Z"));
        }
    }

    @Test
    void shallowCloneWarnsOnceAndMarksDatesApproximate() throws Exception {
        Path origin = tmp.resolve("origin");
        RevCommit last;
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("site/a.md", "1\n").commit("Alice", "2024-06-01T00:00:00Z", "One");
            repo.write("site/a.md", "2\n").commit("Bob", "2024-06-02T00:00:00Z", "Two");
            last = repo.write("site/b.md", "b\n").commit("Carol", "2024-06-03T00:00:00Z", "Three");
        }
        Path clone = tmp.resolve("clone");
        Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).setDepth(1).call()
                .close();

        GitHistory h = history(clone.resolve("site"));

        assertThat(diagnosticLines()).containsExactly("hindsight.yml:1:1: warning[git-shallow]: the Git repository "
                + "is a shallow clone: created dates and contributors only cover the fetched commits and are "
                + "marked approximate; a file last changed before them has no last-updated date, and a runbook "
                + "without `last_reviewed` is stale only when even the oldest fetched commit is older than its "
                + "review interval");
        assertThat(diagnostics.sorted().get(0).hint())
                .isEqualTo("fetch the whole history: `git fetch --unshallow` (GitHub Actions: `fetch-depth: 0`)");
        assertThat(h.shallow()).isTrue();
        // The one fetched commit is the boundary: it says the files existed, not that it changed them.
        FileHistory a = h.file("a.md").orElseThrow();
        assertThat(a.approximate()).isTrue();
        assertThat(a.commits()).isEmpty();
        assertThat(a.created()).isNull();
        assertThat(a.lastUpdated()).isNull();
        assertThat(a.truncatedAt()).isEqualTo(utc("2024-06-03T00:00:00Z"));
        assertThat(a.lastUpdatedAtMost()).isEqualTo(utc("2024-06-03T00:00:00Z"));
        assertThat(a.committed()).isTrue();
        assertThat(a.contributors()).isEmpty();
        assertThat(h.file("b.md").orElseThrow().approximate()).isTrue();
        assertThat(h.headTime()).contains(utc("2024-06-03T00:00:00Z"));
    }

    @Test
    void noRepositoryMeansNoHistoryAndOneInfo() throws Exception {
        Assumptions.assumeTrue(new FileRepositoryBuilder().findGitDir(tmp.toFile()).getGitDir() == null,
                "the temporary directory is itself inside a Git repository");
        Files.writeString(tmp.resolve("a.md"), "# A\n");

        GitHistory h = history(tmp);

        assertThat(h).isSameAs(GitHistory.none());
        assertThat(h.available()).isFalse();
        assertThat(h.files()).isEmpty();
        assertThat(h.file("a.md")).isEmpty();
        assertThat(h.headTime()).isEmpty();
        assertThat(h.historyWalks()).isZero();
        assertThat(diagnosticLines()).containsExactly("hindsight.yml:1:1: info[git-unavailable]: the site is not "
                + "inside a Git repository; pages get no created or updated dates and no page history");
    }

    @Test
    void uncommittedAndUntrackedFilesAreFlaggedNeverDated() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            RevCommit c1 = repo.write("a.md", "a\n").write("b.md", "b\n").write(".gitignore", "ignored.md\n")
                    .commit("Alice", "2024-07-01T00:00:00Z", "Two files");
            repo.write("a.md", "a, edited but not committed\n");
            repo.write("c.md", "new, untracked\n");
            repo.write("d.md", "new, staged\n");
            repo.git.add().addFilepattern("d.md").call();
            repo.write("ignored.md", "ignored\n");

            GitHistory h = history(tmp);

            assertThat(diagnostics.sorted()).isEmpty();
            FileHistory a = h.file("a.md").orElseThrow();
            assertThat(a.uncommitted()).isTrue();
            assertThat(a.untracked()).isFalse();
            assertThat(ids(a)).containsExactly(c1.name());
            assertThat(a.lastUpdated()).isEqualTo(utc("2024-07-01T00:00:00Z"));

            assertThat(h.file("b.md").orElseThrow().uncommitted()).isFalse();

            FileHistory c = h.file("c.md").orElseThrow();
            assertThat(c.untracked()).isTrue();
            assertThat(c.uncommitted()).isTrue();
            assertThat(c.commits()).isEmpty();
            assertThat(c.created()).isNull();
            assertThat(c.lastUpdated()).isNull();
            assertThat(c.contributors()).isEmpty();

            FileHistory d = h.file("d.md").orElseThrow();
            assertThat(d.untracked()).isFalse();
            assertThat(d.uncommitted()).isTrue();
            assertThat(d.commits()).isEmpty();

            assertThat(h.file("ignored.md")).isEmpty();
        }
    }

    @Test
    void damagedRepositoryIsOneWarningAndNoHistory() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            RevCommit c1 = repo.write("a.md", "a\n").commit("Alice", "2024-07-01T00:00:00Z", "One");
            repo.write("a.md", "b\n").commit("Alice", "2024-07-02T00:00:00Z", "Two");
            String id = c1.name();
            Files.delete(tmp.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2)));

            GitHistory h = history(tmp);

            assertThat(h).isSameAs(GitHistory.none());
            assertThat(diagnosticLines()).containsExactly("hindsight.yml:1:1: warning[git-error]: cannot read the "
                    + "Git history: Missing commit " + id + "; pages get no Git dates");
        }
    }

    @Test
    void repositoryWithoutCommitsHasNoDates() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("a.md", "a\n");

            GitHistory h = history(tmp);

            assertThat(h.available()).isTrue();
            assertThat(h.headTime()).isEmpty();
            assertThat(h.file("a.md").orElseThrow().untracked()).isTrue();
            assertThat(diagnosticLines()).containsExactly("hindsight.yml:1:1: info[git-unavailable]: the Git "
                    + "repository has no commit yet; pages get no created or updated dates");
        }
    }

    @Test
    void runsOnAnotherThread() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("a.md", "a\n").commit("Alice", "2024-07-01T00:00:00Z", "One");
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                GitHistory h = pool.submit(new GitHistoryBuilder(tmp, diagnostics)).get();
                assertThat(h.file("a.md").orElseThrow().contributors()).containsExactly("Alice");
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void prefixOfTheSiteRoot() {
        assertThat(GitHistoryBuilder.prefixOf(Path.of(""))).isEmpty();
        assertThat(GitHistoryBuilder.prefixOf(Path.of("a", "b"))).isEqualTo("a/b/");
    }
}
