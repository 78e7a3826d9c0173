package dev.hindsight.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML with Jackson's streaming parser and builds the tree itself, so that it can record the
 * position of every key and value and report duplicate keys. Positions are translated from the
 * YAML fragment to the {@code .md} file. Thread-safe; configure once and share.
 */
public final class YamlReader {

    public static final String RULE_SYNTAX = "front-matter-yaml";
    public static final String RULE_DUPLICATE = "front-matter-duplicate-key";

    private static final int MAX_DEPTH = 64;

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(8 * 1024 * 1024);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    /**
     * Parses {@code yaml}, whose first line is line {@code firstLine} of {@code path}. Returns the
     * front matter, or an empty one after reporting a syntax error at its place in the file.
     */
    public FrontMatter read(String path, String yaml, int firstLine, Diagnostics diagnostics) {
        Builder b = new Builder(path, firstLine, diagnostics, false);
        if (yaml.isBlank()) {
            return FrontMatter.empty(path);
        }
        try (JsonParser p = factory.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return FrontMatter.empty(path);
            }
            Position rootAt = b.at(p.currentTokenLocation());
            if (first != JsonToken.START_OBJECT) {
                diagnostics.error(RULE_SYNTAX, rootAt,
                        "front matter must be a mapping of keys to values, found " + describe(first),
                        "write one `key: value` per line between the `---` lines");
                return FrontMatter.unreadable(path);
            }
            ObjectNode root = (ObjectNode) b.value(p, "", 0);
            return FrontMatter.lazy(path, root, Position.of(path, firstLine, 1), this, yaml, firstLine);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Position at = loc == null ? Position.of(path, firstLine, 1) : b.at(loc);
            String message = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
                message = m.getProblem().strip();
                if (m.getContext() != null) {
                    message += " (" + m.getContext().strip() + ")";
                }
                if (m.getProblemMark() != null) {
                    at = Position.of(path, firstLine + m.getProblemMark().getLine(), m.getProblemMark().getColumn() + 1);
                }
            }
            diagnostics.error(RULE_SYNTAX, at, "invalid YAML: " + message,
                    "check indentation, and quote values that contain `: ` or start with a special character");
            return FrontMatter.unreadable(path);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML signals some limits (alias count, nesting) with unchecked exceptions.
            diagnostics.error(RULE_SYNTAX, Position.of(path, firstLine, 1),
                    "invalid YAML: " + firstLine(String.valueOf(e.getMessage())));
            return FrontMatter.unreadable(path);
        }
    }

    /**
     * The positions of every key and value of {@code yaml}, which {@link #read} read without error: worked
     * out again, when a front matter is first asked for one (the problems were reported by {@code read}).
     */
    FrontMatter.Positions positions(String path, String yaml, int firstLine) {
        Builder b = new Builder(path, firstLine, new Diagnostics(), true);
        try (JsonParser p = factory.createParser(yaml)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                b.value(p, "", 0);
            }
        } catch (IOException | RuntimeException e) {
            // Read without error before: the same text cannot fail now. Whatever was recorded is kept.
        }
        return new FrontMatter.Positions(b.keys, b.values);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable front matter";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "plain text";
            default -> "a single value";
        };
    }

    private static final class Builder {
        private final String path;
        private final int firstLine;
        private final Diagnostics diagnostics;
        private final Map<String, Position> keys = new HashMap<>();
        private final Map<String, Position> values = new HashMap<>();
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;
        /** Whether to record the positions (else only the tree is built, and the pointers are not made). */
        private final boolean record;
        private boolean aliasReported;

        Builder(String path, int firstLine, Diagnostics diagnostics, boolean record) {
            this.path = path;
            this.firstLine = firstLine;
            this.diagnostics = diagnostics;
            this.record = record;
        }

        Position at(JsonLocation loc) {
            int line = Math.max(loc.getLineNr(), 1);
            int column = Math.max(loc.getColumnNr(), 1);
            return Position.of(path, firstLine + line - 1, column);
        }

        JsonNode value(JsonParser p, String pointer, int depth) throws IOException {
            JsonToken t = p.currentToken();
            if (record) {
                values.put(pointer, at(p.currentTokenLocation()));
            }
            if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                // Jackson does not expand aliases (it would hand us the anchor's name as text), and
                // front matter has no need for them; one report per document is enough.
                if (!aliasReported) {
                    aliasReported = true;
                    diagnostics.error(RULE_SYNTAX, at(p.currentTokenLocation()),
                            "YAML aliases such as `*" + p.getText() + "` are not supported in front matter",
                            "write the value out instead of referring to an `&anchor`");
                }
                return nodes.nullNode();
            }
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = nodes.objectNode();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonLocation keyLocation = p.currentTokenLocation();
                        String child = record ? pointer + "/" + FrontMatter.escape(name) : null;
                        p.nextToken();
                        JsonNode v = value(p, child, depth + 1);
                        if (o.has(name)) {
                            diagnostics.error(RULE_DUPLICATE, at(keyLocation),
                                    "duplicate front-matter key `" + name + "`; the last value wins",
                                    "remove one of the two `" + name + ":` lines");
                        } else if (record) {
                            keys.put(child, at(keyLocation));
                        }
                        o.set(name, v);
                    }
                    return o;
                }
                case START_ARRAY: {
                    ArrayNode a = nodes.arrayNode();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        a.add(value(p, record ? pointer + "/" + i : null, depth + 1));
                        i++;
                    }
                    return a;
                }
                case VALUE_STRING:
                    return nodes.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return switch (p.getNumberType()) {
                        case INT -> nodes.numberNode(p.getIntValue());
                        case LONG -> nodes.numberNode(p.getLongValue());
                        default -> nodes.numberNode(p.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT:
                    return nodes.numberNode(p.getDecimalValue());
                case VALUE_TRUE:
                    return nodes.booleanNode(true);
                case VALUE_FALSE:
                    return nodes.booleanNode(false);
                case VALUE_NULL:
                    return nodes.nullNode();
                default:
                    return nodes.textNode(p.getText());
            }
        }
    }
}
