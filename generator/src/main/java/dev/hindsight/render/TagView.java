package dev.hindsight.render;

import dev.hindsight.model.Document;
import java.util.List;

/** A tag page: every document carrying a tag whose slug is {@code slug}; {@code name} as first written. */
public record TagView(String slug, String name, List<Document> documents) {
    public TagView {
        documents = List.copyOf(documents);
    }
}
