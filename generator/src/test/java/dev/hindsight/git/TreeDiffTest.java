package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
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

    /** File names that sort around '/' and each other in Git's tree order, as files and as folders. */
    private static final String[] NAMES = {"a", "a.b", "a-b", "a0", "a.md", "a b", "b", "B", "ü", "z", "x/"};

    /** Object ids whose bytes look like tree syntax: NULs, spaces and mode digits, as a real id may hold. */
    private static final byte[] TRICKY = {0, 0, ' ', '1', '0', '0', '6', '4', '4', '4', 'a'};

    private static final FileMode[] MODES = {FileMode.REGULAR_FILE, FileMode.REGULAR_FILE, FileMode.REGULAR_FILE,
        FileMode.EXECUTABLE_FILE, FileMode.SYMLINK, FileMode.GITLINK};

    /**
     * Random pairs of trees written with JGit: a base and a copy with files added, deleted, modified, changed in
     * mode (executable, symlink, submodule), replaced by folders and back, in subfolders and in a flat folder of up
     * to 3,000 entries; names sort around '/' ({@code a.b}, {@code a-b}, {@code a/}, {@code a0}) and object ids are
     * full of NULs, spaces and digits. Each pair is compared both ways and under several prefixes, with the index of
     * one tree derived from the other's and from scratch, against JGit's own tree walk and {@code DiffEntry.scan}.
     */
    @Test
    void matchesJGitOnRandomTreePairs(@TempDir Path dir) throws Exception {
        Random random = new Random(18);
        try (TestRepo repo = TestRepo.init(dir);
             ObjectInserter inserter = repo.git.getRepository().newObjectInserter();
             ObjectReader reader = repo.git.getRepository().newObjectReader()) {
            for (int round = 0; round < 200; round++) {
                Map<String, Entry> base = randomTree(random, round % 3 == 0 ? random.nextInt(3000) : 0);
                Map<String, Entry> changed = mutate(base, random);
                ObjectId a = write(inserter, base);
                ObjectId b = write(inserter, changed);
                inserter.flush();
                for (String prefix : new String[] {"", "big/", "a/", "a.b/", "x/", "a/a/", "missing/"}) {
                    String why = "round " + round + " under '" + prefix + "'";
                    List<String> forward = jgit(reader, a, b, prefix);
                    List<String> backward = jgit(reader, b, a, prefix);
                    TreeDiff fresh = new TreeDiff(reader);
                    assertThat(describe(fresh.diff(a, b, prefix))).as(why).isEqualTo(forward);
                    assertThat(describe(fresh.diff(b, a, prefix))).as(why).isEqualTo(backward);
                    TreeDiff newerFirst = new TreeDiff(reader);
                    assertThat(describe(newerFirst.diff(null, b, prefix))).as(why).isEqualTo(jgit(reader, null, b,
                            prefix));
                    assertThat(describe(newerFirst.diff(a, b, prefix))).as(why).isEqualTo(forward);
                    assertThat(describe(new TreeDiff(reader).diff(b, a, prefix))).as(why).isEqualTo(backward);
                }
            }
        }
    }

    private record Entry(FileMode mode, ObjectId id) {
    }

    private static TreeMap<String, Entry> randomTree(Random random, int big) {
        TreeMap<String, Entry> tree = new TreeMap<>();
        for (int k = random.nextInt(12); k >= 0; k--) {
            put(tree, randomPath(random), randomEntry(random));
        }
        for (int f = 0; f < big; f++) {
            if (random.nextInt(4) != 0) {
                put(tree, bigName(random, f), randomEntry(random));
            }
        }
        return tree;
    }

    private static String bigName(Random random, int f) {
        String name = String.format(java.util.Locale.ROOT, "big/f%05d", f);
        return random.nextInt(5) == 0 ? name + NAMES[random.nextInt(NAMES.length - 1)] : name;
    }

    private static String randomPath(Random random) {
        StringBuilder path = new StringBuilder();
        for (int depth = random.nextInt(3); depth > 0; depth--) {
            path.append(NAMES[random.nextInt(NAMES.length - 1)]).append('/');
        }
        String last = NAMES[random.nextInt(NAMES.length)];
        return path + (last.endsWith("/") ? last + "y" : last);
    }

    private static Entry randomEntry(Random random) {
        byte[] id = new byte[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = random.nextBoolean() ? TRICKY[random.nextInt(TRICKY.length)] : (byte) random.nextInt(256);
        }
        return new Entry(MODES[random.nextInt(MODES.length)], ObjectId.fromRaw(id));
    }

    /** Adds {@code path} unless a file stands where one of its folders would be, or it is a folder already. */
    private static void put(TreeMap<String, Entry> tree, String path, Entry entry) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (tree.containsKey(path.substring(0, slash))) {
                return;
            }
        }
        String after = tree.ceilingKey(path + "/");
        if (after == null || !after.startsWith(path + "/")) {
            tree.put(path, entry);
        }
    }

    private static TreeMap<String, Entry> mutate(Map<String, Entry> base, Random random) {
        TreeMap<String, Entry> tree = new TreeMap<>(base);
        for (int k = random.nextInt(6) + 1; k > 0; k--) {
            List<String> paths = new ArrayList<>(tree.keySet());
            String some = paths.isEmpty() ? "a" : paths.get(random.nextInt(paths.size()));
            Entry old = tree.get(some);
            switch (random.nextInt(7)) {
                case 0 -> put(tree, randomPath(random), randomEntry(random));
                case 1 -> put(tree, bigName(random, random.nextInt(3000)), randomEntry(random));
                case 2 -> tree.remove(some);
                case 3 -> tree.computeIfPresent(some, (p, e) -> new Entry(e.mode(), randomEntry(random).id()));
                case 4 -> tree.computeIfPresent(some, (p, e) -> new Entry(MODES[random.nextInt(MODES.length)], e.id()));
                case 5 -> { // a file becomes a folder
                    if (old != null) {
                        tree.remove(some);
                        put(tree, some + "/" + NAMES[random.nextInt(NAMES.length - 1)], old);
                    }
                }
                default -> { // a folder becomes a file
                    int slash = some.lastIndexOf('/');
                    if (slash > 0) {
                        String folder = some.substring(0, slash);
                        tree.keySet().removeIf(p -> p.startsWith(folder + "/"));
                        put(tree, folder, randomEntry(random));
                    }
                }
            }
        }
        return tree;
    }

    private static ObjectId write(ObjectInserter inserter, Map<String, Entry> tree) throws Exception {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        tree.forEach((path, e) -> {
            DirCacheEntry entry = new DirCacheEntry(path);
            entry.setFileMode(e.mode());
            entry.setObjectId(e.id());
            builder.add(entry);
        });
        builder.finish();
        return index.writeTree(inserter);
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
                            .isEqualTo(jgit(reader, parent == null ? null : parent.getTree(), commit.getTree(),
                                    prefix));
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

    /** What JGit's recursive tree walk and {@code DiffEntry.scan} (no rename detection) report. */
    private static List<String> jgit(ObjectReader reader, ObjectId parent, ObjectId commit, String prefix)
            throws Exception {
        try (TreeWalk tree = new TreeWalk(reader)) {
            tree.setRecursive(true);
            tree.setFilter(prefix.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)),
                            TreeFilter.ANY_DIFF));
            if (parent == null) {
                tree.addTree(new EmptyTreeIterator());
            } else {
                tree.addTree(parent);
            }
            tree.addTree(commit);
            TreeSet<String> out = new TreeSet<>();
            for (DiffEntry d : DiffEntry.scan(tree)) {
                String path = d.getChangeType() == DiffEntry.ChangeType.DELETE ? d.getOldPath() : d.getNewPath();
                if (path.startsWith(prefix)) { // the path filter also matches a file named like the folder
                    out.add(d.getChangeType() + " " + path);
                }
            }
            return List.copyOf(out);
        }
    }
}
