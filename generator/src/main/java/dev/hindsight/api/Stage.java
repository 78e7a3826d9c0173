package dev.hindsight.api;

import java.util.Locale;

/**
 * The stages of a check or build, in the order they begin. {@link #GIT} runs on its own thread alongside
 * {@link #READ} and {@link #PARSE}, and {@link #SEARCH} alongside {@link #RENDER}: their times overlap.
 */
public enum Stage {
    /** Configuration, service catalog, alert rules, listing the source and reading each document's file. */
    READ,
    /** The Git history (dates, authors, freshness), read on its own thread. */
    GIT,
    /** Markdown and front matter into documents. */
    PARSE,
    /** Every rule over every document. */
    VALIDATE,
    /** The pages, rendered and written into the staging directory. */
    RENDER,
    /** The search index and the data files (api/, feed, sitemap), made alongside the pages. */
    SEARCH,
    /** Schemas, linked files, assets and static/ copied, and the new site swapped in. */
    WRITE;

    /** {@code read}, {@code git}, …: the name users see. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the stage runs on its own thread, overlapping the stages of the main line. */
    public boolean alongside() {
        return this == GIT || this == SEARCH;
    }
}
