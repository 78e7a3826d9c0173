package dev.hindsight.build;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.model.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed documents kept between the builds of one preview session, keyed by source path and
 * checked against the file's size and modification time: an unchanged file is never parsed twice.
 * The diagnostics its reading produced are kept with it and reported again.
 */
final class DocumentCache {

    record Entry(long size, long modified, Document document, List<Diagnostic> diagnostics) {
        Entry {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    Entry get(String path, long size, long modified) {
        Entry e = entries.get(path);
        return e != null && e.size() == size && e.modified() == modified ? e : null;
    }

    void put(String path, Entry entry) {
        entries.put(path, entry);
    }

    void remove(String path) {
        entries.remove(path);
    }

    /** Whether the last scan found a file at {@code path} (whether or not it was a document). */
    boolean contains(String path) {
        return entries.containsKey(path);
    }

    void retainOnly(java.util.Collection<String> paths) {
        entries.keySet().retainAll(new java.util.HashSet<>(paths));
    }

    void clear() {
        entries.clear();
    }
}
