package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Backstage software-catalog files ({@code catalog-info.yaml}) as a service catalog source, beside
 * or instead of {@code services.yml}.
 *
 * <p>Read are the site root's {@code catalog-info.yaml}, or the files listed under
 * {@code backstage.catalog} in {@code hindsight.yml}; each may hold several YAML documents. Of the
 * {@code backstage.io/*} entities, {@code Component} and {@code System} become services (id
 * {@code metadata.name}, name {@code metadata.title}, {@code metadata.description},
 * {@code spec.owner}, {@code spec.lifecycle}, {@code spec.system}, {@code metadata.links}, tier from
 * the {@code tier} label); {@code Group} entities give owners their display names. Other kinds are
 * left alone. With {@code backstage.url} set, each service links to its entity page
 * ({@code <url>/catalog/<namespace>/<kind>/<name>}).
 *
 * <pre>{@code
 * backstage:
 *   url: https://backstage.example.com
 *   catalog: [catalog-info.yaml, teams/catalog-info.yaml]
 * }</pre>
 */
public final class BackstageCatalog {

    public static final String FILE_NAME = "catalog-info.yaml";
    /** The section of {@code hindsight.yml}. */
    public static final String SECTION = "backstage";

    private static final Set<String> SECTION_KEYS = Set.of("url", "catalog");
    private static final Set<String> SERVICE_KINDS = Set.of("Component", "System");
    private static final Pattern SEPARATOR = Pattern.compile("^---(?:[ \\t].*)?$");
    private static final Pattern END = Pattern.compile("^\\.\\.\\.[ \\t]*$");

    private BackstageCatalog() {
    }

    /** The {@code backstage:} section: the Backstage address ("" for none) and the catalog files. */
    record Settings(String url, List<String> files, boolean configured) {
    }

    /**
     * The services of the site's Backstage catalog files, or empty when it has none. Problems are
     * {@value ServiceCatalog#RULE} diagnostics (and {@value ConfigParser#RULE} ones for the section).
     */
    public static Optional<List<Service>> load(Path root, YamlReader yaml, Diagnostics diagnostics) throws IOException {
        Settings settings = settings(root, yaml, diagnostics);
        List<Service> out = new ArrayList<>();
        boolean any = false;
        for (String rel : settings.files()) {
            Path file = root.resolve(rel).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                if (settings.configured()) {
                    diagnostics.error(ConfigParser.RULE, dev.hindsight.diag.Position.ofFile(SiteConfig.FILE_NAME),
                            "Backstage catalog file `" + rel + "` does not exist in the site",
                            "list paths relative to the site root under `backstage.catalog`");
                }
                continue;
            }
            byte[] bytes = LimitedFiles.read(file, rel, LimitedFiles.DEFAULT_MAX_FILE_SIZE, diagnostics);
            if (bytes == null) {
                continue;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                diagnostics.error(ServiceCatalog.RULE, dev.hindsight.diag.Position.ofFile(rel),
                        "the catalog file is not valid UTF-8");
                continue;
            }
            any = true;
            out.addAll(parse(rel, text, settings.url(), yaml, diagnostics));
        }
        return any ? Optional.of(dedupe(out)) : Optional.empty();
    }

    private static List<Service> dedupe(List<Service> services) {
        // parse reports duplicates within a file; across files the first one read wins.
        Map<String, Service> seen = new java.util.LinkedHashMap<>();
        services.forEach(s -> seen.putIfAbsent(s.id(), s));
        return List.copyOf(seen.values());
    }

    static Settings settings(Path root, YamlReader yaml, Diagnostics diagnostics) throws IOException {
        Path config = root.resolve(SiteConfig.FILE_NAME);
        List<String> defaults = List.of(FILE_NAME);
        if (!Files.isRegularFile(config)) {
            return new Settings("", defaults, false);
        }
        // hindsight.yml was read and reported on by ConfigParser; here only the section matters.
        String text = Files.readString(config, StandardCharsets.UTF_8);
        FrontMatter doc = yaml.read(SiteConfig.FILE_NAME, strip(text), 1, new Diagnostics());
        JsonNode section = doc.root().get(SECTION);
        if (section == null || section.isNull()) {
            return new Settings("", defaults, false);
        }
        if (!section.isObject()) {
            diagnostics.error(ConfigParser.RULE, doc.positionOf("/" + SECTION),
                    "`backstage` must be a mapping with `url` and `catalog`");
            return new Settings("", defaults, false);
        }
        section.fieldNames().forEachRemaining(k -> {
            if (!SECTION_KEYS.contains(k)) {
                diagnostics.error(ConfigParser.RULE, doc.positionOf("/" + SECTION + "/" + FrontMatter.escape(k)),
                        "unknown key `backstage." + k + "`", "known keys: catalog, url");
            }
        });
        String url = section.path("url").asText("").strip();
        if (!url.isEmpty() && !url.toLowerCase(Locale.ROOT).matches("^https?://[^\\s/]+.*")) {
            diagnostics.error(ConfigParser.RULE, doc.valuePositionOf("/" + SECTION + "/url"),
                    "`backstage.url` must be an http(s) address, not `" + url + "`");
            url = "";
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        JsonNode catalog = section.get("catalog");
        if (catalog == null) {
            return new Settings(url, defaults, false);
        }
        List<String> files = new ArrayList<>();
        if (catalog.isTextual()) {
            files.add(catalog.asText());
        } else if (catalog.isArray()) {
            catalog.forEach(n -> files.add(n.asText()));
        } else {
            diagnostics.error(ConfigParser.RULE, doc.positionOf("/" + SECTION + "/catalog"),
                    "`backstage.catalog` must be a list of files");
        }
        List<String> safe = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String f = files.get(i).replace('\\', '/');
            if (f.startsWith("/") || f.matches("^[A-Za-z]:.*") || List.of(f.split("/")).contains("..")) {
                diagnostics.error(ConfigParser.RULE, doc.valuePositionOf("/" + SECTION + "/catalog"
                        + (catalog.isArray() ? "/" + i : "")), "Backstage catalog file `" + files.get(i)
                        + "` must be inside the site", "give a path relative to the site root, without `..`");
            } else {
                safe.add(f);
            }
        }
        return new Settings(url, safe, true);
    }

    private static String strip(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n");
    }

    /** Pure: the Component and System entities of one (multi-document) catalog file, as services. */
    public static List<Service> parse(String path, String text, String backstageUrl, YamlReader yaml,
                                      Diagnostics diagnostics) {
        List<FrontMatter> docs = documents(path, strip(text), yaml, diagnostics);
        String base = backstageUrl.strip().replaceAll("/+$", "");
        Map<String, String> groups = new HashMap<>();
        for (FrontMatter doc : docs) {
            if (isBackstage(doc) && "Group".equals(doc.root().path("kind").asText())) {
                String name = doc.root().at("/metadata/name").asText("");
                String display = firstText(doc.root().at("/spec/profile/displayName"), doc.root().at("/metadata/title"));
                if (!name.isEmpty()) {
                    groups.put(name.toLowerCase(Locale.ROOT), display.isEmpty() ? name : display);
                }
            }
        }
        List<Service> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FrontMatter doc : docs) {
            String kind = doc.root().path("kind").asText("");
            if (!isBackstage(doc) || !SERVICE_KINDS.contains(kind)) {
                continue;
            }
            JsonNode meta = doc.root().path("metadata");
            String name = meta.path("name").asText("").strip();
            if (name.isEmpty()) {
                diagnostics.error(ServiceCatalog.RULE, doc.positionOf(meta.isMissingNode() ? "/kind" : "/metadata"),
                        kind + " entity has no `metadata.name`", "every Backstage entity needs a name");
                continue;
            }
            if (!seen.add(name)) {
                diagnostics.error(ServiceCatalog.RULE, doc.valuePositionOf("/metadata/name"),
                        kind + " `" + name + "` is listed twice");
                continue;
            }
            JsonNode spec = doc.root().path("spec");
            String namespace = meta.path("namespace").asText("default");
            List<ServiceLink> links = new ArrayList<>();
            JsonNode linkList = meta.path("links");
            for (int i = 0; i < linkList.size(); i++) {
                JsonNode link = linkList.get(i);
                String url = link.path("url").asText("").strip();
                if (url.isEmpty()) {
                    diagnostics.error(ServiceCatalog.RULE, doc.positionOf("/metadata/links/" + i),
                            "link " + (i + 1) + " of `" + name + "` has no `url`");
                    continue;
                }
                links.add(new ServiceLink(url, link.path("title").asText("")));
            }
            String catalogUrl = base.isEmpty() ? "" : base + "/catalog/" + segment(namespace) + "/"
                    + segment(kind.toLowerCase(Locale.ROOT)) + "/" + segment(name);
            out.add(new Service(name, meta.path("title").asText(""), owner(spec.path("owner").asText(""), groups),
                    meta.at("/labels/tier").asText(""), meta.path("description").asText(""),
                    spec.path("lifecycle").asText(""), spec.path("system").asText(""), links, catalogUrl));
        }
        return out;
    }

    private static boolean isBackstage(FrontMatter doc) {
        return doc.root().path("apiVersion").asText("").startsWith("backstage.io/");
    }

    /** {@code group:default/payments} → the group's display name, else {@code payments}. */
    static String owner(String ref, Map<String, String> groups) {
        String r = ref.strip();
        boolean group = true;
        int colon = r.indexOf(':');
        if (colon >= 0) {
            group = r.substring(0, colon).equalsIgnoreCase("group");
            r = r.substring(colon + 1);
        }
        int slash = r.lastIndexOf('/');
        String name = slash >= 0 ? r.substring(slash + 1) : r;
        return group ? groups.getOrDefault(name.toLowerCase(Locale.ROOT), name) : name;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText().strip();
            }
        }
        return "";
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The YAML documents of a file, each read with its own first line so positions stay exact. */
    private static List<FrontMatter> documents(String path, String text, YamlReader yaml, Diagnostics diagnostics) {
        List<FrontMatter> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int first = 1;
        for (int i = 0; i < lines.length; i++) {
            boolean separator = SEPARATOR.matcher(lines[i]).matches();
            boolean end = END.matcher(lines[i]).matches();
            if (separator || end) {
                add(out, path, current.toString(), first, yaml, diagnostics);
                current.setLength(0);
                first = i + 2;
            } else {
                current.append(lines[i]).append('\n');
            }
        }
        add(out, path, current.toString(), first, yaml, diagnostics);
        return out;
    }

    private static void add(List<FrontMatter> out, String path, String doc, int first, YamlReader yaml,
                            Diagnostics diagnostics) {
        if (doc.isBlank()) {
            return;
        }
        FrontMatter fm = yaml.read(path, doc, first, diagnostics);
        if (fm.root() != null) {
            out.add(fm);
        }
    }
}
