package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional service catalog. When a site has one, service ids used by documents must be in it;
 * when it has none ({@link #present()} is false), any id is accepted.
 */
public final class ServiceCatalog {

    public static final String FILE_NAME = "services.yml";
    public static final String RULE = "service-catalog";
    private static final Set<String> KEYS = Set.of("id", "name", "owner", "tier", "description");

    private final boolean present;
    private final Map<String, Service> services;

    public ServiceCatalog(boolean present, List<Service> services) {
        this.present = present;
        Map<String, Service> m = new LinkedHashMap<>();
        services.stream().sorted(java.util.Comparator.comparing(Service::id)).forEach(s -> m.putIfAbsent(s.id(), s));
        this.services = java.util.Collections.unmodifiableMap(m);
    }

    public static ServiceCatalog absent() {
        return new ServiceCatalog(false, List.of());
    }

    public boolean present() {
        return present;
    }

    public List<Service> services() {
        return List.copyOf(services.values());
    }

    public Optional<Service> get(String id) {
        return Optional.ofNullable(services.get(id));
    }

    public boolean contains(String id) {
        return services.containsKey(id);
    }

    /**
     * {@code services.yml} and the Backstage catalog files ({@link BackstageCatalog}) together; an id
     * in both keeps its {@code services.yml} entry.
     */
    public static ServiceCatalog load(Path root, YamlReader yaml, Diagnostics diagnostics) throws IOException {
        ServiceCatalog own = loadServicesYml(root, yaml, diagnostics);
        Optional<List<Service>> backstage = BackstageCatalog.load(root, yaml, diagnostics);
        if (backstage.isEmpty()) {
            return own;
        }
        List<Service> all = new ArrayList<>(own.services());
        all.addAll(backstage.get());
        return new ServiceCatalog(true, all);
    }

    private static ServiceCatalog loadServicesYml(Path root, YamlReader yaml, Diagnostics diagnostics)
            throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return absent();
        }
        byte[] bytes = LimitedFiles.read(file, FILE_NAME, LimitedFiles.DEFAULT_MAX_FILE_SIZE, diagnostics);
        if (bytes == null) {
            return absent();
        }
        return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(), yaml,
                diagnostics);
    }

    /** Pure: {@code services:} holding a list of {@code {id, name, owner, tier, description}}. */
    public static ServiceCatalog parse(String text, YamlReader yaml, Diagnostics diagnostics) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        FrontMatter doc = yaml.read(FILE_NAME, t.replace("\r\n", "\n"), 1, diagnostics);
        List<Service> out = new ArrayList<>();
        JsonNode list = doc.root().get("services");
        doc.root().fieldNames().forEachRemaining(k -> {
            if (!k.equals("services")) {
                diagnostics.error(RULE, doc.positionOf("/" + FrontMatter.escape(k)), "unknown key `" + k + "`",
                        "the file holds one key, `services:`, with a list of services");
            }
        });
        if (list == null || !list.isArray()) {
            diagnostics.error(RULE, doc.positionOf("/services"), "`services` must be a list of services");
            return new ServiceCatalog(true, out);
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String ptr = "/services/" + i;
            if (s.isTextual()) {
                out.add(new Service(s.asText(), "", "", "", ""));
                continue;
            }
            if (!s.isObject() || !s.hasNonNull("id")) {
                diagnostics.error(RULE, doc.positionOf(ptr), "service " + (i + 1) + " needs an `id`");
                continue;
            }
            s.fieldNames().forEachRemaining(k -> {
                if (!KEYS.contains(k)) {
                    diagnostics.error(RULE, doc.positionOf(ptr + "/" + FrontMatter.escape(k)), "unknown key `" + k
                            + "`", "known keys: description, id, name, owner, tier");
                }
            });
            String id = s.get("id").asText();
            if (!seen.add(id)) {
                diagnostics.error(RULE, doc.positionOf(ptr + "/id"), "service `" + id + "` is listed twice");
            }
            out.add(new Service(id, text(s, "name"), text(s, "owner"), text(s, "tier"), text(s, "description")));
        }
        return new ServiceCatalog(true, out);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : "";
    }
}
