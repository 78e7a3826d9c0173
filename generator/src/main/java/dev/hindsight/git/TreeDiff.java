package dev.hindsight.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * The paths that differ between two trees, found by comparing the raw tree objects entry by entry:
 * equal entries (same name, mode and object id) are skipped without building a path, and equal
 * subtrees without being opened. The result matches a recursive {@code TreeWalk} with
 * {@code ANY_DIFF} and {@code DiffEntry.scan} without rename detection: a file replaced by a folder is a deletion
 * plus additions, and so is a file whose content changes along with its kind (file, symbolic link, submodule).
 *
 * <p>A folder of thousands of files changes in almost every commit; a generic tree walk parses and
 * path-compares every entry of both versions each time, which made the history walk the slowest
 * stage of a build. Trees read are kept in a small cache (64 trees, 32 MiB): walking back, a commit's parent
 * tree is the tree of the next commit walked. A tree read for a comparison gets its entry offsets from the
 * other side's (only where their bytes differ is it parsed), so the cost of a commit follows what it changed
 * rather than the size of the folder, but for reading and comparing the raw bytes. One instance per walk; not
 * thread-safe.
 */
final class TreeDiff {

    /** What changed under the prefix: paths relative to the repository, each list in tree order. */
    record Changes(List<String> added, List<String> modified, List<String> deleted) {
        boolean isEmpty() {
            return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
        }
    }

    private static final int CACHED_TREES = 64;
    /** Beyond this many bytes of raw trees, the least recently used are dropped (but always keeping a few). */
    private static final long CACHED_BYTES = 32L << 20;
    private static final int KEPT_TREES = 4;
    private static final int TREE_MODE = FileMode.TREE.getBits();

    private final ObjectReader reader;
    private long cachedBytes;
    private final Map<ObjectId, Tree> trees = new LinkedHashMap<>(CACHED_TREES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Tree> eldest) {
            boolean drop = size() > CACHED_TREES || size() > KEPT_TREES && cachedBytes > CACHED_BYTES;
            if (drop) {
                cachedBytes -= eldest.getValue().raw.length;
            }
            return drop;
        }
    };

    TreeDiff(ObjectReader reader) {
        this.reader = reader;
    }

    /**
     * The changes from {@code oldTree} (null: nothing, as for a root commit) to {@code newTree},
     * restricted to {@code prefix} ("" for the whole tree, else a folder path ending in "/").
     */
    Changes diff(ObjectId oldTree, ObjectId newTree, String prefix) throws IOException {
        Changes out = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        ObjectId a = oldTree == null ? null : descend(oldTree, prefix);
        ObjectId b = descend(newTree, prefix);
        if (a == null ? b != null : !a.equals(b)) {
            compare(a, b, prefix, out);
        }
        return out;
    }

    /** The tree at folder {@code prefix} below {@code tree}, or null when there is none. */
    private ObjectId descend(ObjectId tree, String prefix) throws IOException {
        ObjectId id = tree;
        int from = 0;
        while (id != null && from < prefix.length()) {
            int slash = prefix.indexOf('/', from);
            byte[] name = prefix.substring(from, slash).getBytes(StandardCharsets.UTF_8);
            id = load(id).child(name);
            from = slash + 1;
        }
        return id;
    }

    private Tree load(ObjectId id) throws IOException {
        return load(id, null);
    }

    /**
     * The tree {@code id}; when it must be read and {@code near} (a tree likely to share most of its bytes, such as
     * the other side of the comparison) is given, its entry index is derived from {@code near}'s.
     */
    private Tree load(ObjectId id, Tree near) throws IOException {
        Tree tree = trees.get(id);
        if (tree == null) {
            byte[] raw = reader.open(id, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
            tree = near == null ? new Tree(raw) : near.neighbour(raw);
            cachedBytes += raw.length;
            trees.put(id.copy(), tree);
        }
        return tree;
    }

    /**
     * Both trees (either may be null: absent) at folder {@code path} ("" or ending in "/"), merged in
     * tree order. Stretches the two raw objects share byte for byte are skipped with one vectorised
     * {@link Arrays#mismatch}: starting at entry boundaries, equal bytes are equal entries, so only the
     * entries where the bytes first differ are looked at. A folder of 25,000 files where one changed
     * costs two such scans instead of 25,000 entry comparisons.
     */
    private void compare(ObjectId oldId, ObjectId newId, String path, Changes out) throws IOException {
        Tree a;
        Tree b;
        if (oldId == null || newId == null) {
            a = oldId == null ? new Tree(new byte[0]) : load(oldId);
            b = newId == null ? new Tree(new byte[0]) : load(newId);
        } else if (trees.containsKey(newId)) { // walking back from HEAD, the newer tree was read the step before
            b = load(newId);
            a = load(oldId, b);
        } else {
            a = load(oldId);
            b = load(newId, a);
        }
        int i = 0;
        int j = 0;
        while (i < a.count || j < b.count) {
            if (i < a.count && j < b.count) {
                int from = a.starts[i];
                int to = b.starts[j];
                int m = Arrays.mismatch(a.raw, from, a.raw.length, b.raw, to, b.raw.length);
                if (m < 0) {
                    return;
                }
                i = a.entryAt(from + m);
                j = b.entryAt(to + m);
            }
            int order = i >= a.count ? 1 : j >= b.count ? -1 : a.compare(i, b, j);
            if (order < 0) {
                gone(a, i++, path, out);
            } else if (order > 0) {
                added(b, j++, path, out);
            } else {
                if (!a.sameAs(i, b, j)) {
                    if (a.isTree(i)) {
                        compare(a.id(i), b.id(j), path + a.name(i) + "/", out);
                    } else if (a.type(i) == b.type(j) || a.sameId(i, b, j)) {
                        out.modified().add(path + b.name(j));
                    } else { // new content of another kind (file, link, submodule): as JGit's DiffEntry.scan has it
                        out.deleted().add(path + a.name(i));
                        out.added().add(path + b.name(j));
                    }
                }
                i++;
                j++;
            }
        }
    }

    private void gone(Tree a, int i, String path, Changes out) throws IOException {
        if (a.isTree(i)) {
            compare(a.id(i), null, path + a.name(i) + "/", out);
        } else {
            out.deleted().add(path + a.name(i));
        }
    }

    private void added(Tree b, int j, String path, Changes out) throws IOException {
        if (b.isTree(j)) {
            compare(null, b.id(j), path + b.name(j) + "/", out);
        } else {
            out.added().add(path + b.name(j));
        }
    }

    /**
     * One raw tree object, {@code mode SP name NUL id} per entry, with the offset where each entry
     * starts (found once per tree: a tree is read once as a commit's tree and once as its child's parent).
     */
    private static final class Tree {
        final byte[] raw;
        /** Entry offsets, then {@code raw.length}. */
        final int[] starts;
        final int count;

        /** Indexes every entry of {@code raw}. */
        Tree(byte[] raw) {
            int[] s = new int[64];
            int n = 0;
            int p = 0;
            while (p < raw.length) {
                if (n + 2 > s.length) {
                    s = Arrays.copyOf(s, s.length * 2);
                }
                s[n++] = p;
                p = next(raw, p);
            }
            s[n] = raw.length;
            this.raw = raw;
            this.starts = s;
            this.count = n;
        }

        private Tree(byte[] raw, int[] starts, int count) {
            this.raw = raw;
            this.starts = starts;
            this.count = count;
        }

        /** The offset of the entry after the one at {@code p}. */
        private static int next(byte[] raw, int p) {
            int q = p;
            while (raw[q] != 0) { // mode and name hold no NUL
                q++;
            }
            return q + 1 + Constants.OBJECT_ID_LENGTH;
        }

        /**
         * The tree {@code other}, indexed with the help of this one's index: entries before the first differing
         * byte are this tree's, and once an entry of {@code other} starts inside the common tail at a place where
         * one of this tree starts too, the rest are this tree's moved by the difference in length. Only the
         * entries in between are parsed, so a folder of thousands of files where one changed costs two vectorised
         * comparisons and a copy of the offsets instead of a scan of every entry.
         */
        Tree neighbour(byte[] other) {
            int prefix = Arrays.mismatch(raw, other);
            if (prefix < 0) {
                return new Tree(other, starts, count);
            }
            int shift = other.length - raw.length;
            int tailFrom = other.length - commonSuffix(raw, other); // in other
            int first = entryAt(prefix); // starts[first] <= prefix: an entry of both
            int[] s = Arrays.copyOf(starts, Math.max(count + 2, 64));
            int n = first;
            int p = starts[first];
            while (p < other.length) {
                if (p >= tailFrom) {
                    int k = Arrays.binarySearch(starts, first, count, p - shift);
                    if (k >= 0) { // the same bytes from here to the end: the same entries
                        int rest = count - k;
                        if (n + rest + 1 > s.length) {
                            s = Arrays.copyOf(s, n + rest + 1);
                        }
                        for (int e = 0; e < rest; e++) {
                            s[n + e] = starts[k + e] + shift;
                        }
                        n += rest;
                        s[n] = other.length;
                        return new Tree(other, s, n);
                    }
                }
                if (n + 2 > s.length) {
                    s = Arrays.copyOf(s, s.length * 2);
                }
                s[n++] = p;
                p = next(other, p);
            }
            s[n] = other.length;
            return new Tree(other, s, n);
        }

        /** How many bytes {@code a} and {@code b} share at their ends. */
        private static int commonSuffix(byte[] a, byte[] b) {
            int max = Math.min(a.length, b.length);
            int done = 0;
            int block = 256;
            boolean grow = true;
            // Blocks compared vectorised from the ends, halved once one differs; the last few bytes one by one.
            while (block >= 16) {
                if (done + block <= max && Arrays.equals(a, a.length - done - block, a.length - done,
                        b, b.length - done - block, b.length - done)) {
                    done += block;
                    block = grow ? Math.min(block * 2, 1 << 16) : block;
                } else {
                    grow = false;
                    block /= 2;
                }
            }
            while (done < max && a[a.length - 1 - done] == b[b.length - 1 - done]) {
                done++;
            }
            return done;
        }

        /** The entry holding byte {@code offset}; {@link #count} from the end of the object on. */
        int entryAt(int offset) {
            int k = Arrays.binarySearch(starts, 0, count + 1, offset);
            return k >= 0 ? k : -k - 2;
        }

        int mode(int i) {
            int m = 0;
            for (int p = starts[i]; raw[p] != ' '; p++) {
                m = (m << 3) + (raw[p] - '0');
            }
            return m;
        }

        /** The kind of entry (file, symbolic link, submodule, folder), as {@code FileMode.TYPE_MASK} has it. */
        int type(int i) {
            return mode(i) & FileMode.TYPE_MASK;
        }

        boolean isTree(int i) {
            return mode(i) == TREE_MODE;
        }

        int nameStart(int i) {
            int p = starts[i];
            while (raw[p] != ' ') {
                p++;
            }
            return p + 1;
        }

        /** The NUL after the name. */
        int nameEnd(int i) {
            return starts[i + 1] - Constants.OBJECT_ID_LENGTH - 1;
        }

        String name(int i) {
            int from = nameStart(i);
            return new String(raw, from, nameEnd(i) - from, StandardCharsets.UTF_8);
        }

        ObjectId id(int i) {
            return ObjectId.fromRaw(raw, nameEnd(i) + 1);
        }

        /** The folder named {@code name}, or null when there is none. */
        ObjectId child(byte[] name) {
            for (int i = 0; i < count; i++) {
                int from = nameStart(i);
                if (isTree(i) && Arrays.equals(raw, from, nameEnd(i), name, 0, name.length)) {
                    return id(i);
                }
            }
            return null;
        }

        /** Git's tree order: names as bytes, a folder's name read as if it ended in '/'. */
        int compare(int i, Tree o, int j) {
            int s1 = nameStart(i);
            int e1 = nameEnd(i);
            int s2 = o.nameStart(j);
            int e2 = o.nameEnd(j);
            int mismatch = Arrays.mismatch(raw, s1, e1, o.raw, s2, e2);
            if (mismatch < 0) {
                return Boolean.compare(isTree(i), o.isTree(j));
            }
            int c1 = s1 + mismatch < e1 ? raw[s1 + mismatch] & 0xff : isTree(i) ? '/' : 0;
            int c2 = s2 + mismatch < e2 ? o.raw[s2 + mismatch] & 0xff : o.isTree(j) ? '/' : 0;
            return Integer.compare(c1, c2);
        }

        boolean sameId(int i, Tree o, int j) {
            return Arrays.equals(raw, nameEnd(i) + 1, starts[i + 1], o.raw, o.nameEnd(j) + 1, o.starts[j + 1]);
        }

        /** Same mode and object id (the names are known to be equal). */
        boolean sameAs(int i, Tree o, int j) {
            return mode(i) == o.mode(j) && Arrays.equals(raw, nameEnd(i) + 1, starts[i + 1], o.raw,
                    o.nameEnd(j) + 1, o.starts[j + 1]);
        }
    }
}
