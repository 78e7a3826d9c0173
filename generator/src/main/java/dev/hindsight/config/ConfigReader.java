package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatter;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed access to the config tree, reporting wrong types at the value's position. */
final class ConfigReader {
    final FrontMatter doc;
    final Diagnostics diagnostics;

    ConfigReader(FrontMatter doc, Diagnostics diagnostics) {
        this.doc = doc;
        this.diagnostics = diagnostics;
    }

    JsonNode node(String pointer) {
        JsonNode n = doc.root().at(pointer);
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    /** The mapping at {@code pointer} (null when absent or not a mapping), keys checked when given. */
    JsonNode checkedObject(String pointer, Set<String> known) {
        JsonNode n = node(pointer);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            typeError(pointer, "a mapping");
            return null;
        }
        if (known != null) {
            unknownKeys(pointer, n, known);
        }
        return n;
    }

    String string(String pointer, String fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isValueNode()) {
            typeError(pointer, "a text value");
            return fallback;
        }
        return n.asText();
    }

    /**
     * A URL setting: http, https or relative. Another scheme ({@code javascript:}, {@code data:}, …)
     * would put script into every page's links, so it is an error and the setting stays unset.
     */
    String url(String pointer) {
        String value = string(pointer, "");
        Optional<String> scheme = UrlSchemes.refused(value);
        if (scheme.isPresent()) {
            diagnostics.error(ConfigParser.RULE, doc.valuePositionOf(pointer), "`" + dotted(pointer) + "` uses the `"
                    + scheme.get() + ":` scheme", "use an http:// or https:// address");
            return "";
        }
        return value;
    }

    boolean bool(String pointer, boolean fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            typeError(pointer, "true or false");
            return fallback;
        }
        return n.asBoolean();
    }

    int integer(String pointer, int fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isInt() || n.asInt() < 0) {
            typeError(pointer, "a whole number");
            return fallback;
        }
        return n.asInt();
    }

    long size(String pointer, long fallback) {
        String s = string(pointer, null);
        if (s == null) {
            return fallback;
        }
        long size = Limits.parseSize(s);
        if (size < 0) {
            typeError(pointer, "a size such as 5 MB, 512 KB or a number of bytes");
            return fallback;
        }
        return size;
    }

    Period period(String pointer, Period fallback) {
        String s = string(pointer, null);
        if (s == null) {
            return fallback;
        }
        try {
            return Period.parse(s);
        } catch (DateTimeParseException e) {
            typeError(pointer, "an ISO-8601 period such as P90D");
            return fallback;
        }
    }

    List<String> stringList(String pointer, List<String> fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (n.isValueNode()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            typeError(pointer, "a list");
            return fallback;
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    void typeError(String pointer, String expected) {
        diagnostics.error(ConfigParser.RULE, doc.positionOf(pointer), "`" + dotted(pointer) + "` must be " + expected);
    }

    void unknownKeys(String pointer, JsonNode node, Set<String> known) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                String where = pointer.isEmpty() ? "" : " in `" + dotted(pointer) + "`";
                diagnostics.error(ConfigParser.RULE, doc.positionOf(pointer + "/" + FrontMatter.escape(name)),
                        "unknown key `" + name + "`" + where,
                        "known keys: " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static String dotted(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)", "[$1]").replace('/', '.');
    }
}
