package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed history kept in a {@link HistoryStore}: read back, it gives exactly the history a walk gives
 * (renames, merges, bots, a shallow boundary), and anything the walk depends on besides HEAD names another entry.
 */
class HistoryStoreTest {

    @TempDir
    Path tmp;

    /** A store in memory that counts what it is asked. */
    private static final class MemoryStore implements HistoryStore {
        final Map<String, byte[]> entries = new HashMap<>();
        int reads;
        int hits;
        int writes;

        @Override
        public Optional<byte[]> read(String key) {
            reads++;
            byte[] b = entries.get(key);
            if (b != null) {
                hits++;
            }
            return Optional.ofNullable(b).map(byte[]::clone);
        }

        @Override
        public void write(String key, byte[] bytes) {
            writes++;
            entries.put(key, bytes.clone());
        }
    }

    private static GitHistory read(Path site, List<String> bots, HistoryStore store) {
        return new GitHistoryBuilder(site, new Diagnostics(), bots, store).call();
    }

    /** Walked, then stored, then read from the store: all three equal; the last walks nothing. */
    private static void assertKeptEqual(Path site, List<String> bots, MemoryStore store) {
        GitHistory walked = read(site, bots, HistoryStore.NONE);
        int writes = store.writes;
        GitHistory first = read(site, bots, store);
        assertThat(store.writes).as("stored after a walk").isEqualTo(writes + 1);
        GitHistory kept = read(site, bots, store);
        assertThat(store.writes).as("read back, not walked again").isEqualTo(writes + 1);
        assertThat(walked.historyWalks()).isEqualTo(1);
        assertThat(first.historyWalks()).isEqualTo(1);
        assertThat(kept.historyWalks()).isZero();
        for (GitHistory h : List.of(first, kept)) {
            assertThat(h.files()).isEqualTo(walked.files());
            assertThat(h.headId()).isEqualTo(walked.headId());
            assertThat(h.headTime()).isEqualTo(walked.headTime());
            assertThat(h.shallow()).isEqualTo(walked.shallow());
            assertThat(h.sitePrefix()).isEqualTo(walked.sitePrefix());
        }
    }

    @Test
    void aRunThatShowsNoCommitsGetsWholeIdsAndOtherwiseTheSameHistoryWalkedOrKept() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
            repo.write("kb/hindsight.yml", "title: Ops\n").write("kb/runbooks/redis.md", "# Redis\n")
                    .commit("Alice", "2024-01-01T00:00:00Z", "Start");
            repo.write("kb/runbooks/redis.md", "# Redis\n\nMore.\n").commit("Bob", "2024-02-01T00:00:00Z", "More");
            Path site = tmp.resolve("repo/kb");
            MemoryStore store = new MemoryStore();
            GitHistory shown = read(site, null, HistoryStore.NONE);

            for (int run = 0; run < 2; run++) { // walked and stored, then read from the store
                GitHistory checked = new GitHistoryBuilder(site, new Diagnostics(), null, store).withoutShortIds().call();

                assertThat(checked.historyWalks()).isEqualTo(run == 0 ? 1 : 0);
                List<CommitInfo> full = checked.files().get("runbooks/redis.md").commits();
                List<CommitInfo> abbreviated = shown.files().get("runbooks/redis.md").commits();
                assertThat(full).hasSize(2);
                assertThat(full).allSatisfy(c -> assertThat(c.shortId()).isEqualTo(c.id()).hasSize(40));
                assertThat(abbreviated).allSatisfy(c -> assertThat(c.shortId()).hasSize(7).isEqualTo(c.id().substring(0, 7)));
                assertThat(full).extracting(CommitInfo::id, CommitInfo::time, CommitInfo::author, CommitInfo::subject)
                        .isEqualTo(abbreviated.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.time(),
                                c.author(), c.subject())).toList());
            }
            GitHistory kept = read(site, null, store); // the same entry, now for pages: abbreviated
            assertThat(kept.historyWalks()).isZero();
            assertThat(kept.files()).isEqualTo(shown.files());
        }
    }

    @Test
    void renamesMergesAndBotsReadBackAsWalked() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
            String text = "# Redis failover\n\nA runbook long enough for Git to see the rename.\n".repeat(5);
            repo.write("kb/hindsight.yml", "title: Ops\n").write("kb/runbooks/redis.md", text)
                    .write("README.md", "outside\n").commit("Alice", "2024-01-01T00:00:00Z", "Start");
            repo.move("kb/runbooks/redis.md", "kb/runbooks/cache/redis.md")
                    .commit("Bob", "2024-01-02T00:00:00Z", "Move");
            RevCommit base = repo.write("kb/runbooks/cache/redis.md", text + "More.\n")
                    .commit("dependabot[bot]", "2024-01-03T00:00:00Z", "Bump\n\nwith a body");
            repo.git.checkout().setCreateBranch(true).setName("side").call();
            repo.write("kb/postmortems/p.md", "# P\n").commit("Carol", "2024-01-04T00:00:00Z", "Side");
            repo.git.checkout().setName("main").call();
            repo.write("kb/runbooks/cache/redis.md", text + "More.\nAnd more.\n")
                    .commit("Alice", "2024-01-05T00:00:00Z", "Main");
            repo.git.merge().include(repo.git.getRepository().resolve("side")).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                    .setCommit(true).setMessage("Merge side").call();
            assertThat(base).isNotNull();
        }
        Path site = tmp.resolve("repo/kb");
        MemoryStore store = new MemoryStore();
        assertKeptEqual(site, null, store);
        GitHistory kept = read(site, null, store);
        FileHistory redis = kept.file("runbooks/cache/redis.md").orElseThrow();
        assertThat(redis.commits()).extracting(CommitInfo::subject).containsExactly("Main", "Bump", "Move", "Start");
        assertThat(redis.commits()).extracting(CommitInfo::shortId).allMatch(s -> s.length() == 7);
        assertThat(redis.contributors()).containsExactly("Alice", "Bob");
        // another bot list is another entry: the walk marks bots
        assertKeptEqual(site, List.of("alice"), store);
        assertThat(read(site, List.of("alice"), store).file("runbooks/cache/redis.md").orElseThrow().contributors())
                .containsExactly("Bob", "dependabot[bot]");
        assertThat(store.entries).hasSize(2);
    }

    @Test
    void aShallowBoundaryReadsBackAndDeepeningIsAnotherEntry() throws Exception {
        Path origin = tmp.resolve("origin");
        try (TestRepo repo = TestRepo.init(origin)) {
            repo.write("hindsight.yml", "title: Ops\n")
                    .write("runbooks/disk.md", "---\ntitle: Disk\n---\n## Overview\nx\n")
                    .commit("Alice", "2023-01-10T00:00:00Z", "Disk runbook");
            repo.write("notes.txt", "1\n").commit("Bob", "2023-02-01T00:00:00Z", "Notes");
            repo.write("notes.txt", "2\n").commit("Bob", "2024-06-01T00:00:00Z", "More notes");
        }
        Path clone = tmp.resolve("clone");
        git(tmp, "clone", "-q", "--depth", "2", origin.toUri().toString(), clone.toString());
        MemoryStore store = new MemoryStore();
        assertKeptEqual(clone, null, store);
        FileHistory disk = read(clone, null, store).file("runbooks/disk.md").orElseThrow();
        assertThat(disk.truncatedAt()).isNotNull();
        assertThat(disk.approximate()).isTrue();

        git(clone, "fetch", "-q", "--deepen", "1");
        assertKeptEqual(clone, null, store); // the same HEAD, another boundary: walked again
        // the boundary moved a commit back (the runbook's own commit is now the boundary)
        assertThat(disk.truncatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2023-02-01T00:00:00Z"));
        assertThat(read(clone, null, store).file("runbooks/disk.md").orElseThrow().truncatedAt())
                .isEqualTo(java.time.OffsetDateTime.parse("2023-01-10T00:00:00Z"));
        assertThat(store.entries).hasSize(2);
    }

    @Test
    void aDamagedOrForeignEntryIsWalkedAgain() throws Exception {
        try (TestRepo repo = TestRepo.init(tmp.resolve("repo"))) {
            repo.write("hindsight.yml", "title: Ops\n").write("runbooks/a.md", "# A\n")
                    .commit("Alice", "2024-01-01T00:00:00Z", "Start");
        }
        Path site = tmp.resolve("repo");
        MemoryStore store = new MemoryStore();
        assertKeptEqual(site, null, store);
        String key = store.entries.keySet().iterator().next();
        byte[] good = store.entries.get(key);
        List<byte[]> damaged = List.of(new byte[0], java.util.Arrays.copyOf(good, good.length - 1),
                flipped(good, good.length / 2), flipped(good, 20), "not a history".getBytes(StandardCharsets.UTF_8));
        for (byte[] bad : damaged) {
            store.entries.put(key, bad);
            GitHistory again = read(site, null, store);
            assertThat(again.historyWalks()).isEqualTo(1);
            assertThat(again.files()).isEqualTo(read(site, null, HistoryStore.NONE).files());
            assertThat(store.entries.get(key)).isEqualTo(good); // written again, whole
        }
        // a whole entry under another key (another HEAD's, say) is not taken for this one
        store.entries.put("another", good);
        assertThat(CommittedHistory.read(good, "another", null)).isNull();
    }

    private static byte[] flipped(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x01;
        return copy;
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
