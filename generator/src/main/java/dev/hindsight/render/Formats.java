package dev.hindsight.render;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** Formatting helpers exposed to templates as {@code fmt}: fixed formats, UTC, {@code Locale.ROOT}. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** The UTC calendar day of a moment: {@code 2024-03-01}. */
    public String day(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).format(DATE_TIME);
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }

    public String iso(OffsetDateTime t) {
        return t == null ? "" : t.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }

    /** "1 h 05 min", "12 min", "2 d 3 h": short, exact to the minute. */
    public String duration(Optional<Duration> d) {
        return d.map(Formats::human).orElse("");
    }

    /** Whole minutes as {@link #human}; an em dash for "no data". */
    public String minutes(Long m) {
        return m == null ? "\u2014" : human(Duration.ofMinutes(m));
    }

    /**
     * JSON for a {@code <script type="application/json">} element: {@code <}, {@code >}, {@code &} and
     * the line separators U+2028/U+2029 become backslash-u escapes, which JSON reads back as the same
     * characters, so no value can end the script element ({@code </script>}) or open a comment.
     */
    public String scriptJson(String json) {
        StringBuilder b = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                case '\u2028' -> b.append("\\u2028");
                case '\u2029' -> b.append("\\u2029");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 0) {
            return "-" + human(d.negated());
        }
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d d %d h", days, hours);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", hours, mins);
        }
        return String.format(Locale.ROOT, "%d min", mins);
    }
}
