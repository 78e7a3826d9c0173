package dev.hindsight.build;

import dev.hindsight.render.Reads;

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

    /**
     * The reads of the pages of the output a preview serves, indexed by what they read
     * ({@link dev.hindsight.render.Staleness}).
     */
    final class Kept implements PageReads {
        private final dev.hindsight.render.Staleness index = new dev.hindsight.render.Staleness();

        @Override
        public Reads recorder() {
            return Reads.recorder();
        }

        @Override
        public void rendered(String path, Reads reads) {
            index.rendered(path, reads);
        }

        /** What page {@code path} read when it was last rendered; null when unknown. */
        Reads of(String path) {
            return index.of(path);
        }

        /** The index of what the pages read, which tells the pages an update makes stale. */
        dev.hindsight.render.Staleness staleness() {
            return index;
        }

        /** Forgets the pages at {@code paths}, no longer part of the output. */
        void forget(java.util.Collection<String> paths) {
            index.forget(paths);
        }

        void clear() {
            index.clear();
        }
    }
}
