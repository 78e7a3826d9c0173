package dev.hindsight.git;

import java.util.Optional;

/**
 * Where a {@link GitHistoryBuilder} keeps the committed part of a history between runs (the build's disk cache):
 * opaque bytes under a key that already names everything they depend on. A store must hand back exactly what was
 * written under a key, or nothing; the builder checks what it reads and treats anything it cannot use as a miss.
 */
public interface HistoryStore {

    /** Keeps nothing: every run walks the history. */
    HistoryStore NONE = new HistoryStore() {
        @Override
        public Optional<byte[]> read(String key) {
            return Optional.empty();
        }

        @Override
        public void write(String key, byte[] bytes) {
            // nothing kept
        }
    };

    /** The bytes written under {@code key}, or empty. Never throws. */
    Optional<byte[]> read(String key);

    /** Keeps {@code bytes} under {@code key} (atomically: a reader sees all or nothing). Never throws. */
    void write(String key, byte[] bytes);
}
