package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code hindsight.yml}. Unknown keys and wrong types are diagnostics, never silence. */
public final class ConfigParser {

    public static final String RULE = "config";

    private static final Set<String> TOP_LEVEL = Set.of("title", "description", "base_url", "repo", "tickets",
            "kinds", "git");
    private static final Set<String> REPO_KEYS = Set.of("edit_url", "commit_url");
    private static final Set<String> TICKET_KEYS = Set.of("url");
    private static final Set<String> GIT_KEYS = Set.of("authors", "freshness_fallback");
    private static final Set<String> KIND_KEYS = Set.of("folders", "folder", "base");

    private final YamlReader yaml;

    public ConfigParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** Reads {@code hindsight.yml} under {@code root}; defaults when there is none. */
    public SiteConfig load(Path root, Diagnostics diagnostics) throws IOException {
        Path file = root.resolve(SiteConfig.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return SiteConfig.defaults();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), diagnostics);
    }

    /** Pure: parses the text of {@code hindsight.yml}. */
    public SiteConfig parse(String text, Diagnostics diagnostics) {
        FrontMatter doc = yaml.read(SiteConfig.FILE_NAME, text.replace("\r\n", "\n"), 1, diagnostics);
        Reader r = new Reader(doc, diagnostics);
        r.unknownKeys("", doc.root(), TOP_LEVEL);
        SiteConfig d = SiteConfig.defaults();
        JsonNode repo = r.object("/repo");
        if (repo != null) {
            r.unknownKeys("/repo", repo, REPO_KEYS);
        }
        JsonNode tickets = r.object("/tickets");
        if (tickets != null) {
            r.unknownKeys("/tickets", tickets, TICKET_KEYS);
        }
        JsonNode git = r.object("/git");
        if (git != null) {
            r.unknownKeys("/git", git, GIT_KEYS);
        }
        GitSettings gd = GitSettings.defaults();
        return new SiteConfig(
                r.string("/title", d.title()),
                r.string("/description", ""),
                r.string("/base_url", ""),
                r.string("/repo/edit_url", ""),
                r.string("/repo/commit_url", ""),
                r.string("/tickets/url", ""),
                kinds(r, doc.root().get("kinds")),
                new GitSettings(r.bool("/git/authors", gd.authors()),
                        r.bool("/git/freshness_fallback", gd.freshnessFallback())));
    }

    private static List<KindConfig> kinds(Reader r, JsonNode node) {
        List<KindConfig> kinds = new ArrayList<>(KindConfig.defaults());
        if (node == null || node.isNull()) {
            return kinds;
        }
        if (!node.isObject()) {
            r.typeError("/kinds", "a mapping of kind names");
            return kinds;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String ptr = "/kinds/" + FrontMatter.escape(name);
            KindConfig existing = kinds.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            if (!e.getValue().isObject()) {
                r.typeError(ptr, "a mapping");
                continue;
            }
            r.unknownKeys(ptr, e.getValue(), KIND_KEYS);
            String base = r.string(ptr + "/base", existing != null ? existing.base() : KindConfig.GENERIC);
            if (!Set.of(KindConfig.POSTMORTEM, KindConfig.RUNBOOK, KindConfig.GENERIC).contains(base)) {
                r.diagnostics.error(RULE, r.doc.valuePositionOf(ptr + "/base"),
                        "unknown base `" + base + "` for kind `" + name + "`",
                        "use postmortem, runbook or generic");
                base = KindConfig.GENERIC;
            }
            List<String> folders = r.stringList(ptr + "/folders",
                    existing != null ? existing.folders() : List.of());
            if (e.getValue().has("folder")) {
                folders = List.of(r.string(ptr + "/folder", ""));
            }
            KindConfig k = new KindConfig(name, folders, base);
            kinds.removeIf(x -> x.name().equals(name));
            kinds.add(k);
        }
        return kinds;
    }

    /** Typed access to the config tree, reporting wrong types at the value's position. */
    private static final class Reader {
        final FrontMatter doc;
        final Diagnostics diagnostics;

        Reader(FrontMatter doc, Diagnostics diagnostics) {
            this.doc = doc;
            this.diagnostics = diagnostics;
        }

        JsonNode node(String pointer) {
            JsonNode n = doc.root().at(pointer);
            return n.isMissingNode() || n.isNull() ? null : n;
        }

        JsonNode object(String pointer) {
            JsonNode n = node(pointer);
            if (n != null && !n.isObject()) {
                typeError(pointer, "a mapping");
                return null;
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

        boolean bool(String pointer, boolean fallback) {
            JsonNode n = node(pointer);
            if (n == null) {
                return fallback;
            }
            if (!n.isBoolean()) {
                typeError(pointer, "true or false");
                return fallback;
            }
            return n.booleanValue();
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
            diagnostics.error(RULE, doc.positionOf(pointer), "`" + pointer.substring(1).replace('/', '.')
                    + "` must be " + expected);
        }

        void unknownKeys(String pointer, JsonNode node, Set<String> known) {
            node.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    String where = pointer.isEmpty() ? "" : " in `" + pointer.substring(1).replace('/', '.') + "`";
                    diagnostics.error(RULE, doc.positionOf(pointer + "/" + FrontMatter.escape(name)),
                            "unknown key `" + name + "`" + where,
                            "known keys: " + String.join(", ", known.stream().sorted().toList()));
                }
            });
        }
    }
}
