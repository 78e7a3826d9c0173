package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The optional service catalog. When a site has one, service ids used by documents must be in it;
 * when it has none ({@link #present()} is false), any id is accepted.
 */
public final class ServiceCatalog {

    public static final String FILE_NAME = "services.yml";
    public static final String RULE = "service-catalog";
    private static final Set<String> KEYS = Set.of("id", "name", "owner", "tier", "description");

    private final boolean present;
    private final boolean readable;
    private final Map<String, Service> services;

    public ServiceCatalog(boolean present, List<Service> services) {
        this(present, true, services);
    }

    private ServiceCatalog(boolean present, boolean readable, List<Service> services) {
        this.present = present;
        this.readable = readable;
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

    /**
     * False when the site has a {@code services.yml} that could not be read as a list of services
     * (reported once): ids are then not checked against it, rather than each reported unknown.
     */
    public boolean readable() {
        return readable;
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
     * in both keeps its {@code services.yml} entry. {@code pageName} is how the site names a service's page
     * (a slug): two ids of {@code services.yml} with the same page name are an error.
     */
    public static ServiceCatalog load(Path root, YamlReader yaml, UnaryOperator<String> pageName,
                                      Diagnostics diagnostics) throws IOException {
        return load(root, yaml, pageName, diagnostics, Store.NONE);
    }

    /**
     * Where {@link #load} may keep the services it parsed from a {@code services.yml} between runs (the build's
     * disk cache): only a file that parsed without any diagnostic is kept, under a key that names its bytes and
     * the code (so also {@code pageName}), and a store must hand back exactly what was written for those bytes, or
     * nothing.
     */
    public interface Store {

        /** Keeps nothing: every run parses the file. */
        Store NONE = new Store() {
            @Override
            public Optional<List<Service>> read(byte[] bytes) {
                return Optional.empty();
            }

            @Override
            public void write(byte[] bytes, List<Service> services) {
                // nothing kept
            }
        };

        /** The services parsed, without a diagnostic, from a {@code services.yml} of exactly {@code bytes}; or empty. Never throws. */
        Optional<List<Service>> read(byte[] bytes);

        /** Keeps {@code services}, parsed without a diagnostic from {@code bytes}. Never throws. */
        void write(byte[] bytes, List<Service> services);
    }

    /** As {@link #load(Path, YamlReader, UnaryOperator, Diagnostics)}, with {@code services.yml} kept in {@code store}. */
    public static ServiceCatalog load(Path root, YamlReader yaml, UnaryOperator<String> pageName,
                                      Diagnostics diagnostics, Store store) throws IOException {
        ServiceCatalog own = loadServicesYml(root, yaml, pageName, diagnostics, store);
        Optional<List<Service>> backstage = BackstageCatalog.load(root, yaml, diagnostics);
        if (backstage.isEmpty()) {
            return own;
        }
        List<Service> all = new ArrayList<>(own.services());
        all.addAll(backstage.get());
        return new ServiceCatalog(true, own.readable(), all);
    }

    private static ServiceCatalog loadServicesYml(Path root, YamlReader yaml, UnaryOperator<String> pageName,
                                                  Diagnostics diagnostics, Store store)
            throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return absent();
        }
        byte[] bytes = LimitedFiles.read(file, FILE_NAME, LimitedFiles.DEFAULT_MAX_FILE_SIZE, diagnostics);
        if (bytes == null) {
            return absent();
        }
        Optional<List<Service>> kept = store.read(bytes);
        if (kept.isPresent()) {
            return new ServiceCatalog(true, true, kept.get()); // parsed from these bytes without a diagnostic
        }
        Diagnostics own = new Diagnostics();
        ServiceCatalog parsed = parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                .toString(), yaml, pageName, own);
        List<Diagnostic> found = own.sorted();
        diagnostics.addAll(found);
        if (found.isEmpty() && parsed.readable()) {
            store.write(bytes, parsed.services());
        }
        return parsed;
    }

    /**
     * Pure: a {@code services:} list, or a bare list, of {@code {id, name, owner, tier, description}}
     * entries (or plain ids). A file that cannot be read as such a list is reported once, on
     * {@code services.yml}, and gives a catalog that is present but not {@link #readable()}.
     */
    public static ServiceCatalog parse(String text, YamlReader yaml, UnaryOperator<String> pageName,
                                       Diagnostics diagnostics) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        boolean bare = startsWithList(t);
        Diagnostics syntax = new Diagnostics();
        // A bare list becomes the value of a `services:` key on an added line 0, so positions stay put.
        FrontMatter doc = bare ? yaml.read(FILE_NAME, withServicesKey(t), 0, syntax)
                : yaml.read(FILE_NAME, t, 1, syntax);
        for (Diagnostic d : syntax.sorted()) {
            // Reported as what it is: the catalog, not a document's front matter.
            String message = d.message().replace("front matter must be a mapping of keys to values",
                    FILE_NAME + " must hold a list of services");
            diagnostics.add(new Diagnostic(d.severity(), RULE, d.position(), message,
                    message.equals(d.message()) ? d.hint() : HINT));
        }
        if (syntax.hasErrors()) {
            return unreadable();
        }
        JsonNode root = doc.root();
        JsonNode list = root.get("services");
        if (list == null && root.size() > 0) {
            diagnostics.error(RULE, doc.positionOf("/" + FrontMatter.escape(root.fieldNames().next())),
                    FILE_NAME + " must hold a list of services, not a mapping of them", HINT);
            return unreadable();
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!k.equals("services")) {
                diagnostics.error(RULE, doc.positionOf("/" + FrontMatter.escape(k)), "unknown key `" + k + "`",
                        "the file holds one key, `services:`, with a list of services");
            }
        });
        if (list == null || !list.isArray()) {
            diagnostics.error(RULE, list == null ? Position.of(FILE_NAME, 1, 1) : doc.valuePositionOf("/services"),
                    "`services` must be a list of services", HINT);
            return unreadable();
        }
        List<Service> out = new ArrayList<>();
        Map<String, String> slugs = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String ptr = "/services/" + i;
            String idPtr = ptr;
            JsonNode idNode = s;
            if (s.isObject()) {
                s.fieldNames().forEachRemaining(k -> {
                    if (!KEYS.contains(k)) {
                        diagnostics.error(RULE, doc.positionOf(ptr + "/" + FrontMatter.escape(k)), "unknown key `" + k
                                + "`", "known keys: description, id, name, owner, tier");
                    }
                });
                if (!s.hasNonNull("id")) {
                    diagnostics.error(RULE, doc.positionOf(ptr), "service " + (i + 1) + " needs an `id`");
                    continue;
                }
                idPtr = ptr + "/id";
                idNode = s.get("id");
            } else if (!s.isValueNode()) {
                diagnostics.error(RULE, doc.valuePositionOf(ptr), "service " + (i + 1)
                        + " must be an id or a mapping with an `id`");
                continue;
            }
            if (!idNode.isTextual()) {
                diagnostics.error(RULE, doc.valuePositionOf(idPtr), "service id `" + idNode.asText()
                        + "` must be text", "quote it: `id: \"" + idNode.asText() + "\"`");
                continue;
            }
            String id = idNode.asText();
            if (id.isBlank()) {
                diagnostics.error(RULE, doc.valuePositionOf(idPtr), "service " + (i + 1) + " has an empty id");
                continue;
            }
            String slug = pageName.apply(id);
            String before = slugs.putIfAbsent(slug, id);
            if (before != null) {
                diagnostics.error(RULE, doc.valuePositionOf(idPtr), before.equals(id)
                        ? "service `" + id + "` is listed twice"
                        : "service `" + id + "` has the same page as `" + before + "` (`services/" + slug + "`)",
                        "give each service its own id");
                continue;
            }
            out.add(s.isObject() ? new Service(id, text(s, "name"), text(s, "owner"), text(s, "tier"),
                    text(s, "description")) : new Service(id, "", "", "", ""));
        }
        return new ServiceCatalog(true, true, out);
    }

    private static final String HINT = "write `services:` followed by one `- id: …` entry per service "
            + "(name, owner, tier and description are optional), or just the list";

    private static ServiceCatalog unreadable() {
        return new ServiceCatalog(true, false, List.of());
    }

    /** Whether the first YAML value of {@code text} is a list (a bare list of services). */
    private static boolean startsWithList(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            return p.nextToken() == JsonToken.START_ARRAY;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code text} with a line {@code services:} before its list's first item. */
    private static String withServicesKey(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^-(?!--)").matcher(text);
        int at = m.find() ? m.start() : 0;
        return text.substring(0, at) + "services:\n" + text.substring(at);
    }

    private static String text(JsonNode n, String key) {
        return n.hasNonNull(key) ? n.get(key).asText() : "";
    }
}
