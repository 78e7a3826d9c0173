package dev.hindsight.model;

import dev.hindsight.config.FieldMap;
import dev.hindsight.source.FrontMatter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Hindsight's fields where a kind's {@code fields:} says they are: a single value from the first
 * mapped key that is present, a list from all of them.
 */
final class MappedFields {

    private final FieldReader reader;
    private final FieldMap map;
    private final FrontMatter fm;

    MappedFields(FieldReader reader, FieldMap map, FrontMatter fm) {
        this.reader = reader;
        this.map = map;
        this.fm = fm;
    }

    /** The first pointer of {@code field} that has a value, or null. */
    String present(String field) {
        for (String p : map.pointers(field)) {
            com.fasterxml.jackson.databind.JsonNode n = fm.root().at(p);
            if (!n.isMissingNode() && !n.isNull()) {
                return p;
            }
        }
        return null;
    }

    String string(String field) {
        String p = present(field);
        return p == null ? null : reader.string(p);
    }

    LocalDate date(String field) {
        String p = present(field);
        return p == null ? null : reader.date(p);
    }

    OffsetDateTime dateTime(String field) {
        String p = present(field);
        return p == null ? null : reader.dateTime(p);
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        for (String p : map.pointers(field)) {
            for (String s : reader.strings(p)) {
                if (!s.isEmpty() && !out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
