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
    private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(CACHED_TREES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, byte[]> eldest) {
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
            id = child(load(id), name);
            from = slash + 1;
        }
        return id;
    }

    private static ObjectId child(byte[] raw, byte[] name) {
        for (int p = 0; p < raw.length; ) {
            int mode = 0;
            while (raw[p] != ' ') {
                mode = (mode << 3) + (raw[p++] - '0');
            }
            int nameStart = ++p;
            while (raw[p] != 0) {
                p++;
            }
            int idStart = p + 1;
            if (mode == TREE_MODE && Arrays.equals(raw, nameStart, p, name, 0, name.length)) {
                return ObjectId.fromRaw(raw, idStart);
            }
            p = idStart + Constants.OBJECT_ID_LENGTH;
        }
        return null;
    }

    private byte[] load(ObjectId id) throws IOException {
        byte[] raw = trees.get(id);
        if (raw == null) {
            raw = reader.open(id, Constants.OBJ_TREE).getCachedBytes(Integer.MAX_VALUE);
            trees.put(id.copy(), raw);
        }
        return raw;
    }

    /** Both trees (either may be null: absent) at folder {@code path} ("" or ending in "/"). */
    private void compare(ObjectId oldId, ObjectId newId, String path, Changes out) throws IOException {
        Entries a = new Entries(oldId == null ? new byte[0] : load(oldId));
        Entries b = new Entries(newId == null ? new byte[0] : load(newId));
        a.next();
        b.next();
        while (!a.done() || !b.done()) {
            int order = a.done() ? 1 : b.done() ? -1 : a.compareTo(b);
            if (order < 0) {
                gone(a, path, out);
                a.next();
            } else if (order > 0) {
                added(b, path, out);
                b.next();
            } else {
                if (!a.sameAs(b)) {
                    if (a.isTree()) {
                        compare(a.id(), b.id(), path + a.name() + "/", out);
                    } else {
                        out.modified().add(path + b.name());
                    }
                }
                a.next();
                b.next();
            }
        }
    }

    private void gone(Entries a, String path, Changes out) throws IOException {
        if (a.isTree()) {
            compare(a.id(), null, path + a.name() + "/", out);
        } else {
            out.deleted().add(path + a.name());
        }
    }

    private void added(Entries b, String path, Changes out) throws IOException {
        if (b.isTree()) {
            compare(null, b.id(), path + b.name() + "/", out);
        } else {
            out.added().add(path + b.name());
        }
    }

    /** A cursor over the entries of one raw tree object: {@code mode SP name NUL id}. */
    private static final class Entries {
        private final byte[] raw;
        private int next;
        private int start = -1;
        private int mode;
        private int nameStart;
        private int nameEnd;

        Entries(byte[] raw) {
            this.raw = raw;
        }

        boolean done() {
            return start >= raw.length;
        }

        void next() {
            start = next;
            if (start >= raw.length) {
                return;
            }
            int p = start;
            int m = 0;
            while (raw[p] != ' ') {
                m = (m << 3) + (raw[p++] - '0');
            }
            mode = m;
            nameStart = ++p;
            while (raw[p] != 0) {
                p++;
            }
            nameEnd = p;
            next = p + 1 + Constants.OBJECT_ID_LENGTH;
        }

        boolean isTree() {
            return mode == TREE_MODE;
        }

        String name() {
            return new String(raw, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
        }

        ObjectId id() {
            return ObjectId.fromRaw(raw, nameEnd + 1);
        }

        /** Git's tree order: names as bytes, a folder's name read as if it ended in '/'. */
        int compareTo(Entries o) {
            int mismatch = Arrays.mismatch(raw, nameStart, nameEnd, o.raw, o.nameStart, o.nameEnd);
            if (mismatch < 0) {
                return Boolean.compare(isTree(), o.isTree());
            }
            int c1 = nameStart + mismatch < nameEnd ? raw[nameStart + mismatch] & 0xff : isTree() ? '/' : 0;
            int c2 = o.nameStart + mismatch < o.nameEnd ? o.raw[o.nameStart + mismatch] & 0xff : o.isTree() ? '/' : 0;
            return Integer.compare(c1, c2);
        }

        /** Same mode and object id (the names are known to be equal). */
        boolean sameAs(Entries o) {
            return mode == o.mode && Arrays.equals(raw, nameEnd + 1, next, o.raw, o.nameEnd + 1, o.next);
        }
    }
}
