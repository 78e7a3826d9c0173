package dev.hindsight.config;

import java.util.List;

/**
 * The {@code search:} section of {@code hindsight.yml}.
 *
 * @param synonyms      groups of phrases that find each other, replacing the built-in set
 *                      ({@code search.synonyms}); null keeps the built-in set
 * @param extraSynonyms groups added to the built-in set or to {@code synonyms} ({@code search.extra_synonyms})
 */
public record SearchSettings(List<List<String>> synonyms, List<List<String>> extraSynonyms) {

    public SearchSettings {
        synonyms = synonyms == null ? null : synonyms.stream().map(List::copyOf).toList();
        extraSynonyms = extraSynonyms == null ? List.of() : extraSynonyms.stream().map(List::copyOf).toList();
    }

    public static SearchSettings defaults() {
        return new SearchSettings(null, List.of());
    }
}
