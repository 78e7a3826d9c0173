package dev.hindsight.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.config.FieldMap;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind's required front-matter fields when the site says where they are ({@code required_fields:}, or
 * {@code fields:} mapping them onto other keys): then they are checked here, through the mapping, in place
 * of the built-in schema's {@code required} list.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    /** Whether the kind's fields are checked here rather than by the built-in schema's {@code required}. */
    static boolean replacesSchema(KindConfig kind) {
        return kind.options().requiredFields() != null || !kind.options().fields().keys().isEmpty();
    }

    /** The fields a document of {@code kind} must give. */
    static List<String> of(KindConfig kind, SiteConfig config) {
        if (kind.options().requiredFields() != null) {
            return kind.options().requiredFields().stream()
                    .map(f -> f.startsWith("incident.") ? f.substring("incident.".length()) : f).toList();
        }
        List<String> out = new ArrayList<>();
        JsonNode required = SchemaSet.builtIn(kind.base(), config).path("required");
        required.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The key to name in a "missing" message: the first mapped key, else Hindsight's own. */
    static String keyName(KindConfig kind, String field) {
        return FieldMap.dotted(kind.options().fields().pointers(field).get(0));
    }
}
