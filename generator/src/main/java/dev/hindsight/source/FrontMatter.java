package dev.hindsight.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.diag.Position;
import java.util.Map;

/**
 * Parsed front matter: the YAML tree plus the position in the {@code .md} file of every key and
 * value, addressed by JSON pointer ({@code /incident/started}, {@code /services/0}). The tree is
 * built once by {@link YamlReader} and never changed afterwards.
 */
public record FrontMatter(String path, ObjectNode root, Map<String, Position> keyPositions,
                          Map<String, Position> valuePositions, Position start, boolean readable) {

    public FrontMatter {
        keyPositions = Map.copyOf(keyPositions);
        valuePositions = Map.copyOf(valuePositions);
    }

    /** Front matter of a file that has none. */
    public static FrontMatter empty(String path) {
        return new FrontMatter(path, JsonNodeFactory.instance.objectNode(), Map.of(), Map.of(),
                Position.of(path, 1, 1), true);
    }

    /**
     * Front matter whose YAML could not be read (already reported): rules about its keys stay quiet
     * rather than pile "missing key" errors on top of the syntax error.
     */
    public static FrontMatter unreadable(String path) {
        return new FrontMatter(path, JsonNodeFactory.instance.objectNode(), Map.of(), Map.of(),
                Position.of(path, 1, 1), false);
    }

    public JsonNode get(String key) {
        return root.get(key);
    }

    public boolean has(String key) {
        return root.hasNonNull(key);
    }

    /**
     * Where to point a diagnostic about the value at {@code pointer}: the key, else the value,
     * else the nearest enclosing key, else the start of the front matter.
     */
    public Position positionOf(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            Position key = keyPositions.get(p);
            if (key != null) {
                return key;
            }
            Position value = valuePositions.get(p);
            if (value != null) {
                return value;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return start;
    }

    /** The position of the value itself (for problems inside a value, such as a bad date). */
    public Position valuePositionOf(String pointer) {
        Position value = valuePositions.get(pointer);
        return value != null ? value : positionOf(pointer);
    }

    /** JSON-pointer escaping of one key. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
