package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.text.Slugs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tag pages: every tag, by slug, with its documents in {@link Listings#TAG_ORDER}. */
record TagIndex(List<TagView> tags) {

    static TagIndex of(List<Document> documents) {
        Map<String, List<Document>> bySlug = new HashMap<>();
        for (Document d : documents) {
            for (String tag : d.meta().tags()) {
                Listings.addOnce(bySlug, Slugs.slug(tag), d);
            }
        }
        TreeMap<String, TagView> out = new TreeMap<>();
        bySlug.forEach((slug, docs) -> {
            List<Document> sorted = new ArrayList<>(docs);
            sorted.sort(Listings.TAG_ORDER);
            out.put(slug, tag(slug, sorted));
        });
        return new TagIndex(List.copyOf(out.values()));
    }

    /** A tag's page; its name is the tag as first written, going through the documents by path. */
    static TagView tag(String slug, List<Document> sorted) {
        Document first = sorted.get(0);
        for (Document d : sorted) {
            if (d.meta().sourcePath().compareTo(first.meta().sourcePath()) < 0) {
                first = d;
            }
        }
        for (String tag : first.meta().tags()) {
            if (Slugs.slug(tag).equals(slug)) {
                return new TagView(slug, tag, sorted);
            }
        }
        throw new IllegalStateException(first.meta().sourcePath() + " has no tag " + slug);
    }
}
