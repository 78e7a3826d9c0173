package dev.hindsight.build;

import dev.hindsight.render.Reads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where what each page read while it rendered goes: a preview session keeps it ({@link Kept}) to tell
 * which pages the next change makes stale; a one-shot build records nothing ({@link #NONE}).
 */
interface PageReads {

    PageReads NONE = Nothing.NOTHING;

    /** A fresh recorder for one page's rendering. */
    Reads recorder();

    /** Page {@code path} was rendered (and written) having read {@code reads}. */
    void rendered(String path, Reads reads);

    /** Records nothing. */
    enum Nothing implements PageReads {
        NOTHING;

        @Override
        public Reads recorder() {
            return Reads.none();
        }

        @Override
        public void rendered(String path, Reads reads) {
            // a one-shot build keeps nothing
        }
    }

    /** The reads of the pages of the output a preview serves, by page path. */
    final class Kept implements PageReads {
        private final Map<String, Reads> byPath = new ConcurrentHashMap<>();

        @Override
        public Reads recorder() {
            return Reads.recorder();
        }

        @Override
        public void rendered(String path, Reads reads) {
            byPath.put(path, reads);
        }

        /** What page {@code path} read when it was last rendered; null when unknown. */
        Reads of(String path) {
            return byPath.get(path);
        }

        void retainOnly(java.util.Collection<String> paths) {
            byPath.keySet().retainAll(new java.util.HashSet<>(paths));
        }

        void clear() {
            byPath.clear();
        }
    }
}
