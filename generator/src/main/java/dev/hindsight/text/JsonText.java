package dev.hindsight.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON layout shared by the machine-readable formats: keys in insertion order, two-space
 * indent, {@code "key": value}, LF line ends whatever the platform, and a final newline. Jackson's
 * default printer would use the platform line separator and print {@code [ ]} for empty arrays.
 */
public final class JsonText {

    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    // ObjectWriter is immutable and thread-safe; the printer is copied per write.
    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(INDENT)
                    .withArrayIndenter(INDENT));

    private JsonText() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String write(JsonNode root) {
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching here is a bug, not bad input.
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }
}
