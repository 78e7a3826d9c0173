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

    public SearchIndex build(List<? extends Document> documents) {
        Map<Document, SearchEntry> previous = entries;
        List<SearchEntry> list = documents.parallelStream().map(d -> {
            SearchEntry e = previous.get(d);
            return e != null ? e : SearchEntry.of(d, href, synonyms);
        }).toList();
        Map<Document, SearchEntry> next = new IdentityHashMap<>(documents.size() * 2);
        for (int i = 0; i < documents.size(); i++) {
            next.put(documents.get(i), list.get(i));
        }
        entries = next;
        return SearchIndex.fromEntries(list);
    }
}
