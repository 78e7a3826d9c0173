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

    /**
     * The same document without the text of its file (front matter and body, now empty), its front matter whole,
     * positions and all: what a check keeps once the rules that read the text ({@code validate.LocalChecks}) ran.
     */
    public SourceDocument withoutFileText() {
        SourceFile f = file;
        return new SourceDocument(new SourceFile(f.path(), "", f.frontMatterLine(), "", f.bodyLine(),
                f.hasFrontMatter()), frontMatter);
    }

    /**
     * The same document without its text (front matter and body, now empty) or the positions of its front
     * matter, only the front-matter values: what a build keeps once the checks, the only readers of the text
     * and positions, are done. See {@link FrontMatter#withoutPositions()}.
     */
    public SourceDocument withoutText() {
        return new SourceDocument(withoutFileText().file(), frontMatter.withoutPositions());
    }
}
