package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.api.BuildOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bots, {@code .mailmap}, and freshness that means the same in a shallow and in a full clone. */
class ContributorsAndShallowTest {

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void botsAreNotContributorsButTheirCommitsStayInTheHistory() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write("a.md", "1\n").commit("Alice", "2024-01-01T00:00:00Z", "One");
            commitAs(repo, "openshift-merge-bot[bot]", "148852131+openshift-merge-bot[bot]@users.noreply.github.com",
                    "2024-01-02T00:00:00Z", repo.write("a.md", "2\n"));
            commitAs(repo, "Renovate Bot", "bot@renovateapp.com", "2024-01-03T00:00:00Z", repo.write("a.md", "3\n"));
            commitAs(repo, "Deploy", "dependabot@example.com", "2024-01-04T00:00:00Z", repo.write("a.md", "4\n"));
            repo.write("a.md", "5\n").commit("Bob", "2024-01-05T00:00:00Z", "Five");

            FileHistory a = new GitHistoryBuilder(tmp, diagnostics).call().file("a.md").orElseThrow();
            assertThat(a.commits()).hasSize(5);
            assertThat(a.commits().stream().filter(CommitInfo::bot).map(CommitInfo::author))
                    .containsExactly("Deploy", "Renovate Bot", "openshift-merge-bot[bot]");
            assertThat(a.contributors()).containsExactly("Alice", "Bob");

            // git.bots replaces the patterns: here only "alice" is a bot, and every other author counts.
            FileHistory own = new GitHistoryBuilder(tmp, diagnostics, List.of("ALICE")).call().file("a.md")
                    .orElseThrow();
            assertThat(own.contributors()).containsExactly("Bob", "Deploy", "Renovate Bot",
                    "openshift-merge-bot[bot]");
        }
    }

    @Test
    void gitBotsInHindsightYml() {
        Diagnostics d = new Diagnostics();
        var parser = new dev.hindsight.config.ConfigParser(new dev.hindsight.source.YamlReader());
        assertThat(parser.parse("title: T\ngit:\n  bots: [ci-robot, \"[bot]\"]\n", d).git().bots())
                .containsExactly("ci-robot", "[bot]");
        assertThat(parser.parse("title: T\ngit:\n  bots: []\n", d).git().bots()).isEmpty();
        assertThat(parser.parse("title: T\n", d).git().bots()).isNull(); // the built-in list
        assertThat(d.sorted()).isEmpty();
    }

    @Test
    void mailmapJoinsTheIdentitiesOfOnePerson() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            repo.write(".mailmap", """
                    # canonical names
                    Alice Example <alice@example.com>
                    Alice Example <alice@example.com> <ALICE@old.example>
                    <bob@example.com> Bobby <bob@laptop.local>
                    Robert Bot <robot@example.com> ci <ci@example.com>
                    not a mapping line
                    """);
            commitAs(repo, "alice", "alice@example.com", "2024-01-01T00:00:00Z", repo.write("a.md", "1\n"));
            commitAs(repo, "A. E.", "alice@old.example", "2024-01-02T00:00:00Z", repo.write("a.md", "2\n"));
            commitAs(repo, "Bobby", "bob@laptop.local", "2024-01-03T00:00:00Z", repo.write("a.md", "3\n"));
            commitAs(repo, "ci", "ci@example.com", "2024-01-04T00:00:00Z", repo.write("a.md", "4\n"));
            commitAs(repo, "ci", "other@example.com", "2024-01-05T00:00:00Z", repo.write("a.md", "5\n"));

            FileHistory a = new GitHistoryBuilder(tmp, diagnostics).call().file("a.md").orElseThrow();
            assertThat(a.commits().stream().map(CommitInfo::author))
                    .containsExactly("ci", "Robert Bot", "Bobby", "Alice Example", "Alice Example");
            assertThat(a.contributors()).containsExactly("Alice Example", "Bobby", "Robert Bot", "ci");
        }
    }

    @Test
    void mailmapParsesTheFourDocumentedForms() {
        Mailmap m = Mailmap.parse("""
                Proper One <one@x>
                <proper2@x> <two@x>
                Proper Three <proper3@x> <three@x>
                Proper Four <proper4@x> Commit Four <four@x>   # comment
                """);
        assertThat(m.map("c1", "ONE@x")).isEqualTo(new Mailmap.Person("Proper One", "ONE@x"));
        assertThat(m.map("c2", "two@x")).isEqualTo(new Mailmap.Person("c2", "proper2@x"));
        assertThat(m.map("c3", "three@x")).isEqualTo(new Mailmap.Person("Proper Three", "proper3@x"));
        assertThat(m.map("commit four", "four@x")).isEqualTo(new Mailmap.Person("Proper Four", "proper4@x"));
        assertThat(m.map("someone else", "four@x")).isEqualTo(new Mailmap.Person("someone else", "four@x"));
    }

    /**
     * A runbook without {@code last_reviewed}, last changed in January 2023; HEAD in June 2024 changes
     * something else. The full clone calls it stale. A clone of depth 2 does not see the January change,
     * but its boundary (February 2023) is already older than the review interval: stale as well, with
     * the date given as an upper bound. A clone of depth 1 knows nothing of the runbook's past: its date
     * is unknown (never "fresh", which is what a shallow clone used to say of every file).
     */
    @Test
    void freshnessDoesNotFlipBetweenAShallowAndAFullClone() throws Exception {
        Path origin = tmp.resolve("origin");
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("hindsight.yml", "title: Ops\n")
                    .write("runbooks/disk.md", "---\ntitle: Disk\nservice: node\nowner: sre\n---\n## Overview\nx\n")
                    .commit("Alice", "2023-01-10T00:00:00Z", "Disk runbook");
            repo.write("notes.txt", "1\n").commit("Bob", "2023-02-01T00:00:00Z", "Notes");
            repo.write("notes.txt", "2\n").commit("Bob", "2024-06-01T00:00:00Z", "More notes");
        }
        List<String> full = stale(clone(origin, "full", 0));
        List<String> depth2 = stale(clone(origin, "depth2", 2));
        List<String> depth1 = stale(clone(origin, "depth1", 1));

        assertThat(full).containsExactly("runbooks/disk.md:2:1: warning[runbook-stale]: runbook was last changed "
                + "in Git 2023-01-10; a review was due 2023-04-10 (every P90D)");
        assertThat(depth2).containsExactly("runbooks/disk.md:2:1: warning[runbook-stale]: runbook was last changed "
                + "in Git on or before 2023-02-01; a review was due 2023-05-02 (every P90D)");
        assertThat(depth1).containsExactly("runbooks/disk.md:2:1: warning[runbook-stale]: runbook has no "
                + "`last_reviewed` date");
    }

    private List<String> stale(Path site) {
        return new Hindsight().check(BuildOptions.check(site)).diagnostics().stream()
                .filter(d -> d.ruleId().equals("runbook-stale")).map(Diagnostic::toString).toList();
    }

    /** {@code git clone [--depth N] file://origin}: the real Git, as CI's checkout does it. */
    private Path clone(Path origin, String name, int depth) throws Exception {
        Path dir = tmp.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "clone", "-q"));
        if (depth > 0) {
            cmd.addAll(List.of("--depth", String.valueOf(depth)));
        }
        cmd.addAll(List.of(origin.toUri().toString(), dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return dir;
    }

    private static void commitAs(TestRepo repo, String name, String email, String iso, TestRepo unused)
            throws Exception {
        repo.git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent(name, email, java.time.Instant.parse(iso), java.time.ZoneOffset.UTC);
        repo.git.commit().setAuthor(who).setCommitter(who).setMessage("by " + name).setSign(false).call();
    }
}
