package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;

/** A document of a site-defined kind with no built-in structure (a game-day report, say). */
public record GenericDocument(DocumentMeta meta, ParsedMarkdown body) implements Document {
}
