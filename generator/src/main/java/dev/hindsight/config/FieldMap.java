package dev.hindsight.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code fields:}: which front-matter keys of a collection stand for Hindsight's fields. Each field maps to
 * one or more keys (a dotted path such as {@code meta.start}); for a single value the first key present
 * wins, for a list (tags, services, authors, alerts) the values of every key are joined.
 *
 * @param keys JSON pointers by field name ({@code started} → {@code [/start_time]})
 */
public record FieldMap(Map<String, List<String>> keys) {

    /** The fields a collection can map, in the order the README lists them. */
    public static final List<String> FIELDS = List.of("title", "id", "date", "status", "severity", "services", "tags",
            "authors", "started", "detected", "acknowledged", "mitigated", "resolved", "impact", "alerts", "service",
            "owner", "last_reviewed", "source_url");

    /** Fields that hold a list. */
    public static final Set<String> LIST_FIELDS = Set.of("services", "tags", "authors", "alerts");

    public FieldMap {
        keys = Map.copyOf(new TreeMap<>(keys));
    }

    public static FieldMap none() {
        return new FieldMap(Map.of());
    }

    /** The pointers where {@code field} is read: the mapped keys, else Hindsight's own key. */
    public List<String> pointers(String field) {
        List<String> mapped = keys.get(field);
        return mapped != null ? mapped : List.of(ownPointer(field));
    }

    public boolean isMapped(String field) {
        return keys.containsKey(field);
    }

    /** Hindsight's own front-matter key of a field, as a JSON pointer. */
    public static String ownPointer(String field) {
        return switch (field) {
            case "started", "detected", "acknowledged", "mitigated", "resolved" -> "/incident/" + field;
            default -> "/" + field;
        };
    }

    /** {@code meta.start} → {@code /meta/start}. */
    public static String pointerOf(String dotted) {
        StringBuilder out = new StringBuilder();
        for (String part : dotted.split("\\.", -1)) {
            out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** The name of the key at a pointer, dotted, for messages. */
    public static String dotted(String pointer) {
        return pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
    }
}
