package dev.hindsight.search;

import dev.hindsight.model.Document;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the search index for the successive builds of one preview session. What the index keeps of
 * a document ({@link SearchEntry}) is made once per document instance: the preview reuses the
 * instances of unchanged files, so after an edit only the edited document is read again. The index
 * itself is still built over every entry (document frequencies and field lengths change every score),
 * with the same result as {@link SearchIndex#build(List, UnaryOperator, Synonyms)}.
 */
public final class SearchIndexer {

    private final Synonyms synonyms;
    private Map<Document, SearchEntry> entries = new IdentityHashMap<>();
    private final UnaryOperator<String> href;

    /**
     * @param href     a page path as the link to it, percent-encoded ({@code SiteUrls::path} in a build)
     * @param synonyms the phrases indexed as one another
     */
    public SearchIndexer(UnaryOperator<String> href, Synonyms synonyms) {
        this.href = href;
        this.synonyms = synonyms;
    }

    /** The index of {@code documents}; what it keeps of each document is kept here for the next build. */
    public SearchIndex build(List<? extends Document> documents) {
        List<SearchEntry> list = entriesOf(documents);
        keepOnly(documents, list);
        return SearchIndex.fromOwnedEntries(new java.util.ArrayList<>(list), synonyms);
    }

    /**
     * Writes the index of {@code documents} into {@code dir} ({@code search/data/} of the site) for a one-shot build,
     * which builds it once: nothing is kept here for a next build, and each file is written as soon as it is made
     * ({@link SearchIndex#writeOwnedEntries}), so that neither the files nor what the index keeps of each document
     * are held longer than they are needed. The files are those {@link #build} makes. Returns how many were written.
     */
    public int write(List<? extends Document> documents, java.nio.file.Path dir) throws java.io.IOException {
        return write(documents, dir, (file, bytes) -> false);
    }

    /**
     * As {@link #write(List, java.nio.file.Path)}, into a {@code dir} that starts empty: a file that {@code present}
     * puts in place itself (a link to a published copy with these bytes, say) is not written.
     */
    public int write(List<? extends Document> documents, java.nio.file.Path dir,
                     java.util.function.BiPredicate<java.nio.file.Path, byte[]> present) throws java.io.IOException {
        java.util.ArrayList<SearchEntry> list = new java.util.ArrayList<>(entriesOf(documents));
        keepOnly(List.of(), list);
        return SearchIndex.writeOwnedEntries(list, synonyms, dir, present);
    }

    /**
     * What the index keeps of each of {@code whole}, made now and kept for the next {@link #build} as what it
     * keeps of the document at the same index of {@code shown}: a build that then gives its pages documents
     * without what only the index reads (their plain text, say) indexes them as if whole.
     */
    public void prepare(List<? extends Document> whole, List<? extends Document> shown) {
        if (whole.size() != shown.size()) {
            throw new IllegalArgumentException("one shown document per whole one");
        }
        // A document prepared as it was read (prepare(Document, Document)) moves with its entry; the others are
        // whole and made now. Only the shown documents are kept: the earlier keys go with their documents.
        keepOnly(shown, entriesOf(whole));
    }

    /** The entry of each of {@code documents}: the one kept from before, else made now. */
    private List<SearchEntry> entriesOf(List<? extends Document> documents) {
        Map<Document, SearchEntry> previous;
        synchronized (this) {
            previous = entries;
        }
        return documents.parallelStream().map(d -> {
            SearchEntry e = previous.get(d);
            return e != null ? e : SearchEntry.of(d, href);
        }).toList();
    }

    /** Keeps {@code list}'s entries as those of {@code keys} (at the same index), and no other. */
    private void keepOnly(List<? extends Document> keys, List<SearchEntry> list) {
        Map<Document, SearchEntry> next = new IdentityHashMap<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            next.put(keys.get(i), list.get(i));
        }
        synchronized (this) {
            entries = next;
        }
    }

    /**
     * What the index keeps of {@code whole}, made now and kept as what it keeps of {@code kept}: for a build that
     * keeps less of each document than the index reads, as it reads it. Safe to call from several threads at once.
     */
    public void prepare(Document whole, Document kept) {
        SearchEntry e = SearchEntry.of(whole, href);
        synchronized (this) {
            entries.put(kept, e);
        }
    }
}
