package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TreeDiff} reports exactly what JGit's recursive tree walk reports, commit by commit. */
class TreeDiffTest {

    /** Names chosen to exercise Git's tree order: "a" the folder sorts after "a.md" and "a-b". */
    private static final String[] PATHS = {
        "site/a.md", "site/a-b.md", "site/a/x.md", "site/a/y/z.md", "site/a0.md", "site/b.md", "site/B.md",
        "site/ünïcode.md", "site/deep/er/still/file.md", "other/a.md", "site.md", "sitea/x.md", "top.md",
    };

    @Test
    void matchesJGitOnARandomHistory(@TempDir Path dir) throws Exception {
        List<RevCommit> commits = new ArrayList<>();
        Random random = new Random(7);
        try (TestRepo repo = TestRepo.init(dir)) {
            repo.write("site/a.md", "first\n");
            commits.add(repo.commit("Alice Ops", "2024-01-01T00:00:00Z", "start"));
            for (int i = 1; i < 120; i++) {
                for (int k = random.nextInt(3) + 1; k > 0; k--) {
                    String path = PATHS[random.nextInt(PATHS.length)];
                    Path file = dir.resolve(path);
                    if (Files.isRegularFile(file) && random.nextInt(3) == 0) {
                        repo.delete(path);
                    } else if (Files.isDirectory(file)) {
                        continue;
                    } else if (clearsTheWay(dir, path)) {
                        repo.write(path, "v" + i + " of " + path + "\n");
                    }
                }
                commits.add(repo.commit("Alice Ops",
                        String.format(java.util.Locale.ROOT, "2024-01-%02dT00:00:00Z", i % 28 + 1), "change " + i));
            }
            // A file that becomes a folder, and back.
            repo.delete("site/b.md").write("site/b.md/inner.md", "now a folder\n");
            commits.add(repo.commit("Alice Ops", "2024-02-01T00:00:00Z", "file to folder"));
            assertMatchesJGit(repo, commits, "", "site/", "site/a/", "missing/");
        }
    }

    /**
     * A folder of hundreds of files where each commit changes a few anywhere in it (first, last,
     * neighbours, additions and deletions together): the stretches skipped as equal bytes must hide
     * no change.
     */
    @Test
    void matchesJGitInABigFolder(@TempDir Path dir) throws Exception {
        List<RevCommit> commits = new ArrayList<>();
        Random random = new Random(11);
        try (TestRepo repo = TestRepo.init(dir)) {
            for (int f = 0; f < 300; f += 2) {
                repo.write(String.format(java.util.Locale.ROOT, "kb/runbooks/r%03d.md", f), "start\n");
            }
            commits.add(repo.commit("Alice Ops", "2024-01-01T00:00:00Z", "start"));
            for (int i = 1; i < 80; i++) {
                for (int k = random.nextInt(5) + 1; k > 0; k--) {
                    int f = switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> 299;
                        default -> random.nextInt(300);
                    };
                    String path = String.format(java.util.Locale.ROOT, "kb/runbooks/r%03d.md", f);
                    if (Files.isRegularFile(dir.resolve(path)) && random.nextInt(3) == 0) {
                        repo.delete(path);
                    } else {
                        repo.write(path, "v" + i + "\n");
                    }
                    if (random.nextInt(10) == 0) {
                        repo.write("kb/runbooks/sub/s" + random.nextInt(3) + ".md", "v" + i + "\n");
                    }
                }
                commits.add(repo.commit("Alice Ops",
                        String.format(java.util.Locale.ROOT, "2024-01-%02dT00:00:00Z", i % 28 + 1), "change " + i));
            }
            assertMatchesJGit(repo, commits, "", "kb/", "kb/runbooks/");
        }
    }

    /** Every commit's diff against its first parent, under each prefix, as JGit's tree walk reports it. */
    private static void assertMatchesJGit(TestRepo repo, List<RevCommit> commits, String... prefixes)
            throws Exception {
        try (ObjectReader reader = repo.git.getRepository().newObjectReader();
             RevWalk walk = new RevWalk(reader)) {
            for (String prefix : prefixes) {
                TreeDiff differ = new TreeDiff(reader);
                for (RevCommit c : commits) {
                    RevCommit commit = walk.parseCommit(c);
                    RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
                    TreeDiff.Changes ours = differ.diff(parent == null ? null : parent.getTree(),
                            commit.getTree(), prefix);
                    assertThat(describe(ours)).as("%s in %s", commit.getShortMessage(), prefix)
                            .isEqualTo(jgit(repo, reader, parent, commit, prefix));
                }
            }
        }
    }

    /** Whether {@code path} can be written: no file where one of its folders would be. */
    private static boolean clearsTheWay(Path dir, String path) {
        for (Path p = dir.resolve(path).getParent(); !p.equals(dir); p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(TreeDiff.Changes changes) {
        TreeSet<String> out = new TreeSet<>();
        changes.added().forEach(p -> out.add("ADD " + p));
        changes.modified().forEach(p -> out.add("MODIFY " + p));
        changes.deleted().forEach(p -> out.add("DELETE " + p));
        return List.copyOf(out);
    }

    private static List<String> jgit(TestRepo repo, ObjectReader reader, RevCommit parent, RevCommit commit,
                                     String prefix) throws Exception {
        try (TreeWalk tree = new TreeWalk(repo.git.getRepository(), reader)) {
            tree.setRecursive(true);
            tree.setFilter(prefix.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)),
                            TreeFilter.ANY_DIFF));
            if (parent == null) {
                tree.addTree(new EmptyTreeIterator());
            } else {
                tree.addTree(parent.getTree());
            }
            tree.addTree(commit.getTree());
            TreeSet<String> out = new TreeSet<>();
            for (DiffEntry d : DiffEntry.scan(tree)) {
                out.add(d.getChangeType() + " " + (d.getChangeType() == DiffEntry.ChangeType.DELETE
                        ? d.getOldPath() : d.getNewPath()));
            }
            return List.copyOf(out);
        }
    }
}
