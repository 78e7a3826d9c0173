package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale test: 10,000 commits touching 10,000 files, written straight into one pack. Asserts that
 * the history of every file came out of ONE walk, and prints how long building it took (no timing
 * assertion: the machine is shared).
 */
@Tag("scale")
class GitHistoryScaleTest {

    private static final int COMMITS = 10_000;
    private static final int PER_FOLDER = 100;
    private static final String[] AUTHORS = {"Alice Ops", "Bob Oncall", "Carol SRE", "Dan DBA", "Erin Net"};
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void tenThousandCommitsOverTenThousandFilesInOneWalk() throws Exception {
        long setupStart = System.nanoTime();
        List<List<Integer>> expected = generate(tmp);
        long setupMillis = (System.nanoTime() - setupStart) / 1_000_000;

        Diagnostics diagnostics = new Diagnostics();
        long start = System.nanoTime();
        GitHistory h = new GitHistoryBuilder(tmp.resolve("site"), diagnostics).call();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "[scale] git history of %d commits x %d files: %d ms "
                + "(repository generated and checked out in %d ms, %d cores)%n",
                COMMITS, COMMITS, millis, setupMillis, Runtime.getRuntime().availableProcessors());

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(h.historyWalks()).isEqualTo(1);
        assertThat(h.files()).hasSize(COMMITS);
        assertThat(h.headTime()).contains(time(COMMITS - 1));
        for (int f = 0; f < COMMITS; f++) {
            FileHistory fh = h.file(path(f)).orElseThrow();
            List<OffsetDateTime> times = fh.commits().stream().map(CommitInfo::time).toList();
            List<OffsetDateTime> want = expected.get(f).stream().sorted((a, b) -> b - a).map(c -> time(c)).toList();
            assertThat(times).as(path(f)).isEqualTo(want);
            assertThat(fh.created()).isEqualTo(time(f));
            assertThat(fh.uncommitted()).isFalse();
        }
        FileHistory first = h.file(path(0)).orElseThrow();
        assertThat(first.commits().get(first.commits().size() - 1).subject()).isEqualTo("Add f00000");
    }

    private static String path(int f) {
        return String.format(Locale.ROOT, "d%02d/f%05d.md", f / PER_FOLDER, f);
    }

    private static OffsetDateTime time(int commit) {
        return OffsetDateTime.ofInstant(START.plusSeconds(600L * commit), ZoneOffset.UTC);
    }

    /**
     * Commit {@code i} adds file {@code i} under {@code site/} and edits one random older file; every
     * 50th commit also edits {@code other/notes.md}, outside the site root. Returns, per file, the
     * commits that touched it.
     */
    private static List<List<Integer>> generate(Path dir) throws Exception {
        List<List<Integer>> touched = new ArrayList<>();
        ObjectId[] blobs = new ObjectId[COMMITS];
        ObjectId[] folders = new ObjectId[COMMITS / PER_FOLDER];
        Random random = new Random(42);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            Repository repo = git.getRepository();
            ObjectId head = null;
            ObjectId other = null;
            try (PackInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
                ins.checkExisting(false);
                for (int i = 0; i < COMMITS; i++) {
                    touched.add(new ArrayList<>(List.of(i)));
                    blobs[i] = blob(ins, "# Document " + i + "\n\nWritten in commit " + i + ".\n");
                    int edited = -1;
                    if (i > 0) {
                        edited = random.nextInt(i);
                        touched.get(edited).add(i);
                        blobs[edited] = blob(ins, "# Document " + edited + "\n\nEdited in commit " + i + ".\n");
                        folders[edited / PER_FOLDER] = folder(ins, blobs, edited / PER_FOLDER, i);
                    }
                    folders[i / PER_FOLDER] = folder(ins, blobs, i / PER_FOLDER, i);
                    TreeFormatter site = new TreeFormatter();
                    for (int d = 0; d <= i / PER_FOLDER; d++) {
                        site.append(String.format(Locale.ROOT, "d%02d", d), FileMode.TREE, folders[d]);
                    }
                    if (i % 50 == 0) {
                        TreeFormatter notes = new TreeFormatter();
                        notes.append("notes.md", FileMode.REGULAR_FILE, blob(ins, "notes " + i + "\n"));
                        other = ins.insert(notes);
                    }
                    TreeFormatter root = new TreeFormatter();
                    root.append("other", FileMode.TREE, other);
                    root.append("site", FileMode.TREE, ins.insert(site));
                    CommitBuilder c = new CommitBuilder();
                    c.setTreeId(ins.insert(root));
                    if (head != null) {
                        c.setParentId(head);
                    }
                    PersonIdent who = new PersonIdent(AUTHORS[i % AUTHORS.length], "a" + (i % 5) + "@example.com",
                            START.plusSeconds(600L * i), ZoneOffset.UTC);
                    c.setAuthor(who);
                    c.setCommitter(who);
                    c.setMessage(String.format(Locale.ROOT, "Add f%05d%s%n", i,
                            edited < 0 ? "" : String.format(Locale.ROOT, ", edit f%05d", edited)));
                    head = ins.insert(c);
                }
                ins.flush();
            }
            RefUpdate ru = repo.updateRef("refs/heads/main");
            ru.setNewObjectId(head);
            ru.forceUpdate();
            try (RevWalk rw = new RevWalk(repo)) {
                DirCacheCheckout checkout = new DirCacheCheckout(repo, repo.lockDirCache(),
                        rw.parseCommit(repo.resolve(Constants.HEAD)).getTree());
                checkout.setFailOnConflict(true);
                checkout.checkout();
            }
        }
        return touched;
    }

    private static ObjectId blob(PackInserter ins, String text) throws Exception {
        return ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The tree of folder {@code d} holding the files added so far (up to file {@code last}). */
    private static ObjectId folder(PackInserter ins, ObjectId[] blobs, int d, int last) throws Exception {
        TreeFormatter t = new TreeFormatter();
        for (int f = d * PER_FOLDER; f < (d + 1) * PER_FOLDER && f <= last; f++) {
            t.append(String.format(Locale.ROOT, "f%05d.md", f), FileMode.REGULAR_FILE, blobs[f]);
        }
        return ins.insert(t);
    }
}
