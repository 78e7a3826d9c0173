package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.source.FrontMatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys of {@code hindsight.yml} that fit Hindsight to a collection it did not write: site-wide and
 * per-kind {@code include}/{@code exclude}, {@code unknown_types}, and a kind's {@code fields},
 * {@code required_fields}, {@code id}, {@code alerts_from}, {@code service_from}, {@code default_status}
 * and {@code show}.
 */
final class CollectionKeys {

    static final Set<String> TOP_LEVEL = Set.of("include", "exclude", "unknown_types");
    static final Set<String> KIND_KEYS = Set.of("include", "exclude", "fields", "required_fields", "id",
            "alerts_from", "service_from", "default_status", "show");

    private CollectionKeys() {
    }

    static PathFilter paths(ConfigReader r, String ptr, PathFilter fallback) {
        if (r.node(ptr + "/include") == null && r.node(ptr + "/exclude") == null) {
            return fallback;
        }
        return PathFilter.of(r.stringList(ptr + "/include", List.of()), r.stringList(ptr + "/exclude", List.of()));
    }

    static UnknownTypes unknownTypes(ConfigReader r) {
        return oneOf(r, "/unknown_types", UnknownTypes.ERROR, UnknownTypes.values());
    }

    static KindOptions kind(ConfigReader r, String ptr, KindOptions d) {
        List<String> required = r.node(ptr + "/required_fields") == null ? d.requiredFields()
                : r.stringList(ptr + "/required_fields", List.of());
        if (r.node(ptr + "/required_fields") != null) {
            for (int i = 0; i < required.size(); i++) {
                checkField(r, ptr + "/required_fields" + (r.node(ptr + "/required_fields").isArray() ? "/" + i : ""),
                        required.get(i));
            }
        }
        String statusText = r.string(ptr + "/default_status", d.defaultStatus().yaml());
        DocumentStatus status = DocumentStatus.of(statusText).orElse(null);
        if (status == null) {
            r.diagnostics.error(ConfigParser.RULE, r.doc.valuePositionOf(ptr + "/default_status"),
                    "unknown default_status `" + statusText + "`", "use draft, in-review or published");
            status = d.defaultStatus();
        }
        String alerts = r.string(ptr + "/alerts_from", d.alertsFrom());
        return new KindOptions(paths(r, ptr, d.paths()), fields(r, ptr + "/fields", d.fields()), required,
                oneOf(r, ptr + "/id", d.idFrom(), IdFrom.values()),
                alerts.isBlank() ? d.alertsFrom() : alerts,
                oneOf(r, ptr + "/service_from", d.serviceFrom(), ServiceFrom.values()),
                status, r.stringList(ptr + "/show", d.show()));
    }

    private static FieldMap fields(ConfigReader r, String ptr, FieldMap fallback) {
        JsonNode node = r.checkedObject(ptr, null);
        if (node == null) {
            return fallback;
        }
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            String at = ptr + "/" + FrontMatter.escape(field);
            String ours = field.startsWith("incident.") ? field.substring("incident.".length()) : field;
            if (!checkField(r, at, ours)) {
                continue;
            }
            List<String> pointers = new ArrayList<>();
            for (String key : r.stringList(at, List.of())) {
                if (key.isBlank()) {
                    r.typeError(at, "a front-matter key or a list of keys");
                } else {
                    pointers.add(FieldMap.pointerOf(key.strip()));
                }
            }
            keys.put(ours, pointers);
        }
        return new FieldMap(keys);
    }

    private static boolean checkField(ConfigReader r, String at, String field) {
        String ours = field.startsWith("incident.") ? field.substring("incident.".length()) : field;
        if (FieldMap.FIELDS.contains(ours)) {
            return true;
        }
        r.diagnostics.error(ConfigParser.RULE, at.contains("/required_fields") ? r.doc.valuePositionOf(at)
                        : r.doc.positionOf(at), "unknown field `" + field + "`",
                "known fields: " + String.join(", ", FieldMap.FIELDS));
        return false;
    }

    /** The value at {@code ptr} as one of {@code allowed} (by its YAML spelling), else an error and {@code fallback}. */
    private static <E extends Enum<E> & Spelled> E oneOf(ConfigReader r, String ptr, E fallback, E[] allowed) {
        String v = r.string(ptr, fallback.yaml());
        for (E e : allowed) {
            if (e.yaml().equals(v)) {
                return e;
            }
        }
        r.diagnostics.error(ConfigParser.RULE, r.doc.valuePositionOf(ptr), "`" + FieldMap.dotted(ptr)
                + "` cannot be `" + v + "`", "use " + String.join(" or ", Arrays.stream(allowed).map(Spelled::yaml)
                .toList()));
        return fallback;
    }
}
