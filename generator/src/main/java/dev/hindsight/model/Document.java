package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;

/** A document of the knowledge base. */
public sealed interface Document permits Postmortem, Runbook, GenericDocument {

    DocumentMeta meta();

    ParsedMarkdown body();

    default String id() {
        return meta().id();
    }

    default String title() {
        return meta().title();
    }
}
