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
