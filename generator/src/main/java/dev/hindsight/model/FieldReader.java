package dev.hindsight.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of front-matter values. A value of the wrong shape is reported at its position under
 * {@link #RULE} and read as absent, so one bad value never stops the rest of the document.
 */
final class FieldReader {

    static final String RULE = "front-matter-type";

    private final FrontMatter fm;
    private final Diagnostics diagnostics;

    FieldReader(FrontMatter fm, Diagnostics diagnostics) {
        this.fm = fm;
        this.diagnostics = diagnostics;
    }

    private JsonNode node(String pointer) {
        JsonNode n = fm.root().at(pointer);
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    String string(String pointer) {
        JsonNode n = node(pointer);
        if (n == null) {
            return null;
        }
        if (!n.isValueNode()) {
            error(pointer, "must be a single value, not " + (n.isArray() ? "a list" : "a mapping"));
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** A list of text values; a single value counts as a list of one. */
    List<String> strings(String pointer) {
        JsonNode n = node(pointer);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isValueNode()) {
            out.add(n.asText().strip());
            return out;
        }
        if (!n.isArray()) {
            error(pointer, "must be a list");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText().strip());
            } else {
                error(pointer + "/" + i, "must be a single value");
            }
        }
        return out;
    }

    /**
     * A list whose items are single values or mappings with a {@code key} (such as a postmortem's
     * {@code alerts:}, which are names or {@code {name, verdict, note}}): the values and the mappings' keys.
     * The mappings' other fields are checked by the kind's schema.
     */
    List<String> stringsOrKeyed(String pointer, String key) {
        JsonNode n = node(pointer);
        if (n == null || !n.isArray()) {
            return strings(pointer);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (item.isObject()) {
                JsonNode k = item.get(key);
                if (k != null && k.isValueNode() && !k.isNull() && !k.asText().isBlank()) {
                    out.add(k.asText().strip());
                }
            } else if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText().strip());
            } else {
                error(pointer + "/" + i, "must be a single value");
            }
        }
        return out;
    }

    /** A whole number of at least 0 (a count, minutes), or null. */
    Long count(String pointer) {
        JsonNode n = node(pointer);
        if (n == null) {
            return null;
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
            error(pointer, "must be a whole number of at least 0");
            return null;
        }
        return n.asLong();
    }

    LocalDate date(String pointer) {
        String s = string(pointer);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() > 10 && s.charAt(10) == 'T') {
                return OffsetDateTime.parse(s).toLocalDate();
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            error(pointer, "`" + s + "` is not a date; write it as YYYY-MM-DD");
            return null;
        }
    }

    OffsetDateTime dateTime(String pointer) {
        String s = string(pointer);
        if (s == null) {
            return null;
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            error(pointer, "`" + s + "` is not a date and time with an offset; write it like 2024-03-05T14:02:00Z");
            return null;
        }
    }

    Period period(String pointer) {
        String s = string(pointer);
        if (s == null) {
            return null;
        }
        try {
            Period p = Period.parse(s);
            if (p.isNegative() || p.isZero()) {
                error(pointer, "`" + s + "` must be a positive period");
                return null;
            }
            return p;
        } catch (DateTimeParseException e) {
            error(pointer, "`" + s + "` is not an ISO-8601 period; write it like P90D or P6M");
            return null;
        }
    }

    /** Each element of the list at {@code pointer} that is a mapping, with its pointer. */
    List<String> objectPointers(String pointer) {
        JsonNode n = node(pointer);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            error(pointer, "must be a list");
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            if (n.get(i).isObject()) {
                out.add(pointer + "/" + i);
            } else {
                error(pointer + "/" + i, "must be a mapping with named fields");
            }
        }
        return out;
    }

    void error(String pointer, String message) {
        String key = pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        diagnostics.error(RULE, fm.valuePositionOf(pointer), "`" + key + "`: " + message);
    }
}
