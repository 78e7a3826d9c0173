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
 * {@code ANY_DIFF} (a file replaced by a folder is a deletion plus additions), without rename detection.
 *
 * <p>A folder of thousands of files changes in almost every commit; a generic tree walk parses and
 * path-compares every entry of both versions each time, which made the history walk the slowest
 * stage of a build. Trees read are kept in a small cache: walking back, a commit's parent tree is
 * the tree of the next commit walked. One instance per walk; not thread-safe.
 */
final class TreeDiff {

    /** What changed under the prefix: paths relative to the repository, each list in tree order. */
    record Changes(List<String> added, List<String> modified, List<String> deleted) {
        boolean isEmpty() {
            return added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
        }
    }

    private static final int CACHED_TREES = 64;
    private static final int TREE_MODE = FileMode.TREE.getBits();

    private final ObjectReader reader;
    private final Map<ObjectId, Tree> trees = new LinkedHashMap<>(CACHED_TREES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Tree> eldest) {
            return size() > CACHED_TREES;
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
        Tree tree = trees.get(id);
        if (tree == null) {
            tree = new Tree(reader.open(id, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE));
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
        Tree a = oldId == null ? new Tree(new byte[0]) : load(oldId);
        Tree b = newId == null ? new Tree(new byte[0]) : load(newId);
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
                    } else {
                        out.modified().add(path + b.name(j));
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

        Tree(byte[] raw) {
            int[] s = new int[64];
            int n = 0;
            int p = 0;
            while (p < raw.length) {
                if (n + 2 > s.length) {
                    s = Arrays.copyOf(s, s.length * 2);
                }
                s[n++] = p;
                while (raw[p] != 0) { // mode and name hold no NUL
                    p++;
                }
                p += 1 + Constants.OBJECT_ID_LENGTH;
            }
            s[n] = raw.length;
            this.raw = raw;
            this.starts = s;
            this.count = n;
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

        /** Same mode and object id (the names are known to be equal). */
        boolean sameAs(int i, Tree o, int j) {
            return mode(i) == o.mode(j) && Arrays.equals(raw, nameEnd(i) + 1, starts[i + 1], o.raw,
                    o.nameEnd(j) + 1, o.starts[j + 1]);
        }
    }
}
