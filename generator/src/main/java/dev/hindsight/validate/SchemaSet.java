package dev.hindsight.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindBase;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The front-matter schemas of every kind: the built-in one for its base (with the site's
 * severities), plus or instead of the site's own schema file.
 */
public final class SchemaSet {

    private static final ObjectReader READER = new ObjectMapper().reader();

    /** The writer of {@link #documents}, made when first used: a check never prints a schema. */
    private static final class Printer {
        static final ObjectWriter WRITER = new ObjectMapper()
                .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    }

    private final Map<String, List<Schema>> byKind;

    private SchemaSet(Map<String, List<Schema>> byKind) {
        this.byKind = Map.copyOf(byKind);
    }

    List<Schema> forKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    static SchemaSet load(SiteConfig config, Path root, Diagnostics diagnostics) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Map<String, List<Schema>> byKind = new HashMap<>();
        for (KindConfig kind : config.kinds()) {
            List<Schema> schemas = new ArrayList<>();
            if (kind.schemaFile().isEmpty() || kind.schemaMode().equals(KindConfig.EXTEND)) {
                JsonNode schema = builtIn(kind.base(), config);
                if (RequiredFields.replacesSchema(kind)) {
                    ((ObjectNode) schema).remove("required");
                }
                schemas.add(registry.getSchema(schema.toString()));
            }
            if (!kind.schemaFile().isEmpty()) {
                Path file = root == null ? null : root.resolve(kind.schemaFile()).normalize();
                try {
                    if (file == null || !file.startsWith(root) || !Files.isRegularFile(file)) {
                        throw new IOException("no such file");
                    }
                    schemas.add(registry.getSchema(Files.readString(file)));
                } catch (IOException | RuntimeException e) {
                    diagnostics.error(ConfigParser.RULE, Position.ofFile(SiteConfig.FILE_NAME),
                            "schema `" + kind.schemaFile() + "` of kind `" + kind.name() + "` cannot be read: "
                                    + e.getMessage(), "give a JSON Schema file path relative to the site root");
                }
            }
            byKind.put(kind.name(), schemas);
        }
        return new SchemaSet(byKind);
    }

    /**
     * The front-matter JSON Schema of every kind of the site (built-in defaults with the site's
     * severities), by kind name, sorted: what {@code hindsight schema} prints and what the site
     * publishes under {@code schema/}. Jackson's usual layout, with LF line ends on every platform.
     */
    public static Map<String, String> documents(SiteConfig config) {
        ObjectWriter writer = Printer.WRITER;
        Map<String, String> out = new TreeMap<>();
        for (KindConfig kind : config.kinds()) {
            ObjectNode schema = (ObjectNode) builtIn(kind.base(), config);
            schema.put("$id", "https://hindsight.dev/schema/" + kind.name() + ".schema.json");
            try {
                out.put(kind.name(), writer.writeValueAsString(schema) + "\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise a schema tree", e);
            }
        }
        return out;
    }

    /** The built-in schema of a base kind, as printed by {@code hindsight schema}. */
    public static JsonNode builtIn(KindBase base, SiteConfig config) {
        String name = base.yaml();
        try (InputStream in = SchemaSet.class.getResourceAsStream("/dev/hindsight/schema/" + name + ".schema.json")) {
            ObjectNode schema = (ObjectNode) READER.readTree(in);
            if (base == KindBase.POSTMORTEM) {
                ObjectNode severity = (ObjectNode) schema.path("properties").path("severity");
                ArrayNode values = severity.putArray("enum");
                config.validation().severities().forEach(values::add);
                severity.remove("type");
            }
            return schema;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
