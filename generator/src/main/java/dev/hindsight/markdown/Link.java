package dev.hindsight.markdown;

/** A link or image destination as written in the source, with its position in the file. */
public record Link(String url, String text, boolean image, int line, int column) {
}
