package dev.hindsight.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file: the path relative to the site root (always with {@code /}), and a
 * 1-based line and column. Line 0 means "the file as a whole".
 */
public record Position(String file, int line, int column) implements Comparable<Position> {

    private static final Comparator<Position> ORDER = Comparator.comparing(Position::file)
            .thenComparingInt(Position::line)
            .thenComparingInt(Position::column);

    public Position {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("negative position " + line + ":" + column);
        }
    }

    /** The file as a whole; formatted as line 1, column 1. */
    public static Position ofFile(String file) {
        return new Position(file, 0, 0);
    }

    public static Position of(String file, int line, int column) {
        return new Position(file, line, column);
    }

    public int displayLine() {
        return Math.max(line, 1);
    }

    public int displayColumn() {
        return Math.max(column, 1);
    }

    @Override
    public int compareTo(Position o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return file + ":" + displayLine() + ":" + displayColumn();
    }
}
