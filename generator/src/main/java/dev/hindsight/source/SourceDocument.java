package dev.hindsight.source;

import java.util.Objects;

/** A Markdown file read from the site root: its split text and its parsed front matter. */
public record SourceDocument(SourceFile file, FrontMatter frontMatter) {
    public SourceDocument {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(frontMatter, "frontMatter");
    }

    public String path() {
        return file.path();
    }
}
