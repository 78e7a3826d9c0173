package dev.hindsight.source;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link FrontMatter} as JSON, for the build's disk cache: every part of it, so that what is read back
 * {@link FrontMatter#equals equals} what was written and behaves the same — a front matter whose positions are
 * worked out from its YAML text when asked stays so (the text is stored, not the positions).
 *
 * <p>The YAML tree is stored so that each node comes back as the same node type {@link YamlReader} made
 * (JSON alone would turn a decimal {@code 5.0}, which Jackson keeps as {@code 5}, into an integer): objects as
 * JSON objects, texts, booleans and null as themselves, integers as JSON integers (read back as the smallest of
 * int, long and big integer, as the YAML reader makes them), decimals as {@code ["d", "text"]} and arrays as
 * {@code ["a", item…]}. A tree holding any other node type, or an integer in a wider type than needed, cannot be
 * stored: writing it fails with {@link JsonMappingException}, and the cache then keeps nothing for that file.
 */
public final class FrontMatterJson {

    private static final String DECIMAL = "d";
    private static final String ARRAY = "a";

    private FrontMatterJson() {
    }

    /** A Jackson module that writes and reads {@link FrontMatter}; read ones work out positions with {@code reader}. */
    public static SimpleModule module(YamlReader reader) {
        SimpleModule module = new SimpleModule("hindsight-front-matter");
        module.addSerializer(FrontMatter.class, new Writer());
        module.addDeserializer(FrontMatter.class, new Reader(reader));
        return module;
    }

    private static final class Writer extends JsonSerializer<FrontMatter> {
        @Override
        public void serialize(FrontMatter fm, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("path", fm.path());
            gen.writeFieldName("root");
            writeNode(fm.root(), gen);
            gen.writeFieldName("start");
            provider.defaultSerializeValue(fm.start(), gen);
            gen.writeBooleanField("readable", fm.readable());
            gen.writeBooleanField("released", fm.released());
            if (fm.yaml() != null) {
                gen.writeStringField("yaml", fm.yaml());
                gen.writeNumberField("firstLine", fm.firstLine());
            }
            FrontMatter.Positions given = fm.givenPositions();
            if (given != null) {
                gen.writeFieldName("keys");
                provider.defaultSerializeValue(given.keys(), gen);
                gen.writeFieldName("values");
                provider.defaultSerializeValue(given.values(), gen);
            }
            gen.writeEndObject();
        }

        private static void writeNode(JsonNode node, JsonGenerator gen) throws IOException {
            if (node instanceof ObjectNode o) {
                gen.writeStartObject();
                Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    gen.writeFieldName(f.getKey());
                    writeNode(f.getValue(), gen);
                }
                gen.writeEndObject();
            } else if (node instanceof ArrayNode a) {
                gen.writeStartArray();
                gen.writeString(ARRAY);
                for (JsonNode item : a) {
                    writeNode(item, gen);
                }
                gen.writeEndArray();
            } else if (node instanceof TextNode t) {
                gen.writeString(t.textValue());
            } else if (node instanceof BooleanNode b) {
                gen.writeBoolean(b.booleanValue());
            } else if (node instanceof NullNode) {
                gen.writeNull();
            } else if (node instanceof IntNode i) {
                gen.writeNumber(i.intValue());
            } else if (node instanceof LongNode l && l.longValue() != (int) l.longValue()) {
                gen.writeNumber(l.longValue());
            } else if (node instanceof BigIntegerNode b && b.bigIntegerValue().bitLength() > 63) {
                gen.writeNumber(b.bigIntegerValue());
            } else if (node instanceof DecimalNode d) {
                gen.writeStartArray();
                gen.writeString(DECIMAL);
                gen.writeString(d.decimalValue().toString());
                gen.writeEndArray();
            } else {
                throw JsonMappingException.from(gen, "front matter node of type " + node.getClass().getSimpleName()
                        + " cannot be stored so that it reads back the same");
            }
        }
    }

    private static final class Reader extends JsonDeserializer<FrontMatter> {
        private final YamlReader reader;

        Reader(YamlReader reader) {
            this.reader = reader;
        }

        @Override
        public FrontMatter deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw ctxt.wrongTokenException(p, FrontMatter.class, JsonToken.START_OBJECT, "front matter");
            }
            String path = null;
            ObjectNode root = null;
            Position start = null;
            Boolean readable = null;
            Boolean released = null;
            String yaml = null;
            int firstLine = 0;
            Map<String, Position> keys = null;
            Map<String, Position> values = null;
            JavaType positions = ctxt.getTypeFactory().constructMapType(Map.class, String.class, Position.class);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw ctxt.wrongTokenException(p, FrontMatter.class, JsonToken.FIELD_NAME, "front matter");
                }
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "path" -> path = p.getValueAsString();
                    case "root" -> {
                        JsonNode n = readNode(p, ctxt);
                        if (!(n instanceof ObjectNode o)) {
                            throw ctxt.weirdStringException(String.valueOf(n), FrontMatter.class, "root is not an object");
                        }
                        root = o;
                    }
                    case "start" -> start = ctxt.readValue(p, Position.class);
                    case "readable" -> readable = p.getBooleanValue();
                    case "released" -> released = p.getBooleanValue();
                    case "yaml" -> yaml = p.getValueAsString();
                    case "firstLine" -> firstLine = p.getIntValue();
                    case "keys" -> keys = ctxt.readValue(p, positions);
                    case "values" -> values = ctxt.readValue(p, positions);
                    default -> throw ctxt.weirdKeyException(FrontMatter.class, name, "unknown front matter field");
                }
            }
            if (path == null || root == null || start == null || readable == null || released == null
                    || (yaml == null && !released && (keys == null || values == null))) {
                throw ctxt.instantiationException(FrontMatter.class, "incomplete front matter");
            }
            FrontMatter.Positions given = yaml == null && !released ? new FrontMatter.Positions(keys, values) : null;
            return FrontMatter.restored(path, root, start, readable, reader, yaml, firstLine, released, given);
        }

        private static JsonNode readNode(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNodeFactory nodes = JsonNodeFactory.instance;
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT -> {
                    ObjectNode o = nodes.objectNode();
                    for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
                        String key = p.currentName();
                        p.nextToken();
                        o.set(key, readNode(p, ctxt));
                    }
                    return o;
                }
                case START_ARRAY -> {
                    p.nextToken();
                    String tag = p.getValueAsString();
                    if (ARRAY.equals(tag)) {
                        ArrayNode a = nodes.arrayNode();
                        for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                            a.add(readNode(p, ctxt));
                        }
                        return a;
                    }
                    if (DECIMAL.equals(tag) && p.nextToken() == JsonToken.VALUE_STRING) {
                        BigDecimal d = new BigDecimal(p.getText());
                        if (p.nextToken() == JsonToken.END_ARRAY) {
                            return DecimalNode.valueOf(d);
                        }
                    }
                    throw ctxt.weirdStringException(String.valueOf(tag), JsonNode.class, "not a stored YAML node");
                }
                case VALUE_STRING -> {
                    return nodes.textNode(p.getText());
                }
                case VALUE_TRUE -> {
                    return nodes.booleanNode(true);
                }
                case VALUE_FALSE -> {
                    return nodes.booleanNode(false);
                }
                case VALUE_NULL -> {
                    return nodes.nullNode();
                }
                case VALUE_NUMBER_INT -> {
                    return switch (p.getNumberType()) {
                        case INT -> nodes.numberNode(p.getIntValue());
                        case LONG -> nodes.numberNode(p.getLongValue());
                        default -> {
                            BigInteger b = p.getBigIntegerValue();
                            yield nodes.numberNode(b);
                        }
                    };
                }
                default -> throw ctxt.wrongTokenException(p, JsonNode.class, t, "not a stored YAML node");
            }
        }
    }
}
