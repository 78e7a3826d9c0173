package dev.hindsight.validate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How rules write times and keys in messages. */
final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Texts() {
    }

    /** A time as the writer wrote it: in its own offset, to the minute. */
    static String time(OffsetDateTime t) {
        return t.format(TIME);
    }

    /** At most 60 characters of a text, for quoting it in a message. */
    static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }
}
