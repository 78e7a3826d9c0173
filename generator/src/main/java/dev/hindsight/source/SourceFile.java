package dev.hindsight.source;

import java.util.Objects;

/**
 * One Markdown file split into its front matter and body, with the line numbers needed to map
 * positions inside each part back to the file.
 *
 * @param path             path relative to the site root, with {@code /}
 * @param frontMatter      the YAML text between the delimiters; empty when there is none
 * @param frontMatterLine  1-based line of the file where the YAML text starts (0 when none)
 * @param body             the Markdown after the front matter
 * @param bodyLine         1-based line of the file where the body starts
 * @param hasFrontMatter   whether the file opened with a closed {@code ---} block
 */
public record SourceFile(String path, String frontMatter, int frontMatterLine, String body, int bodyLine,
                         boolean hasFrontMatter) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
    }
}
