package dev.hindsight.diag;

import java.util.Locale;

/** How bad a diagnostic is. Ordered from most to least severe. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lowercase word used in every output format: {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error|warning|info|off}-style words; returns null for "off". */
    public static Severity parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        return switch (w) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            case "off", "none", "false" -> null;
            default -> throw new IllegalArgumentException("unknown severity '" + word + "'");
        };
    }

    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
