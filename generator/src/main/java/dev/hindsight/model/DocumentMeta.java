package dev.hindsight.model;

import dev.hindsight.config.DocumentStatus;
import dev.hindsight.source.SourceDocument;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What every document has, whatever its kind.
 *
 * @param kind       the kind's name ({@code postmortem}, {@code runbook} or a site-defined kind)
 * @param id         the front-matter {@code id}, else the slug
 * @param slug       the file name without {@code .md}
 * @param sourcePath path of the {@code .md} file relative to the site root
 * @param url        path of the page relative to the site root ({@code postmortems/x/index.html})
 * @param status     as front matter spells it ({@code draft}, {@code in-review} or {@code published},
 *                   {@link DocumentStatus}), else the kind's {@code default_status}; kept as written, since
 *                   a kind whose schema replaces the built-in one may allow another value, shown as it is
 * @param date       the document's date, or null
 * @param source     the file it was read from: front matter with positions, and the body text
 * @param sourceUrl  where the document came from (the {@code source_url} field), an http(s) address or empty
 * @param facts      front-matter values the kind's {@code show:} names, shown on the page as they are
 */
public record DocumentMeta(String kind, String id, String slug, String sourcePath, String url, String title,
                           String status, LocalDate date, List<String> tags, SourceDocument source,
                           String sourceUrl, List<Fact> facts) {

    /** A front-matter value shown on the page: its key and its text. */
    public record Fact(String key, String value) {
    }

    public DocumentMeta(String kind, String id, String slug, String sourcePath, String url, String title,
                        String status, LocalDate date, List<String> tags, SourceDocument source) {
        this(kind, id, slug, sourcePath, url, title, status, date, tags, source, "", List.of());
    }

    public DocumentMeta {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        Objects.requireNonNull(source, "source");
        sourceUrl = Objects.requireNonNullElse(sourceUrl, "");
        facts = List.copyOf(facts);
    }

    /** The same meta with {@link SourceDocument#withoutFileText()}: for a check, once the rules that read the text ran. */
    public DocumentMeta withoutFileText() {
        return new DocumentMeta(kind, id, slug, sourcePath, url, title, status, date, tags, source.withoutFileText(),
                sourceUrl, facts);
    }

    /** The same meta with {@link SourceDocument#withoutText()}: for a build whose checks are done. */
    public DocumentMeta withoutSourceText() {
        return new DocumentMeta(kind, id, slug, sourcePath, url, title, status, date, tags, source.withoutText(),
                sourceUrl, facts);
    }

    public boolean isDraft() {
        return DocumentStatus.DRAFT.yaml().equals(status);
    }

    public boolean isPublished() {
        return DocumentStatus.PUBLISHED.yaml().equals(status);
    }

    /** The page path for a source path: {@code a/b.md} becomes {@code a/b/index.html}. */
    public static String urlFor(String sourcePath) {
        String stem = sourcePath.endsWith(".md") ? sourcePath.substring(0, sourcePath.length() - 3) : sourcePath;
        return stem + "/index.html";
    }

    /**
     * The text values of front-matter key {@code key}: a list's text items, or one text split at commas
     * ({@code keywords: "dns, resolver"}); empty when the key is absent or holds a mapping.
     */
    public List<String> frontMatterWords(String key) {
        com.fasterxml.jackson.databind.JsonNode node = source.frontMatter().get(key);
        List<String> out = new java.util.ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode() || node.isObject()) {
            return out;
        }
        if (node.isValueNode()) {
            for (String k : node.asText().split(",")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
            return out;
        }
        for (com.fasterxml.jackson.databind.JsonNode n : node) {
            if (n.isValueNode() && !n.asText().isBlank()) {
                out.add(n.asText().strip());
            }
        }
        return out;
    }
}
