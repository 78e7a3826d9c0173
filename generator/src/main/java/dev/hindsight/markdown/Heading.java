package dev.hindsight.markdown;

/** A heading with its level (1–6), plain text, anchor id and 1-based line/column in the file. */
public record Heading(int level, String text, String anchor, int line, int column) {
}
