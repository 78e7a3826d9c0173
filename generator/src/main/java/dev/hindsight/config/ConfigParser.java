package dev.hindsight.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code hindsight.yml}. Unknown keys and wrong types are diagnostics, never silence. */
public final class ConfigParser {

    public static final String RULE = "config";

    private static final Set<String> TOP_LEVEL = union(Set.of("title", "description", "base_url", "repo", "tickets",
            "kinds", "severities", "rules", "blameless", "whys", "review", "git", "limits", BackstageCatalog.SECTION,
            "static", "search", "contributing_factors", "recurrence", "action_items", "oncall", "alerting"),
            CollectionKeys.TOP_LEVEL);
    private static final Set<String> GIT_KEYS = Set.of("authors", "freshness_fallback", "bots");
    private static final Set<String> SEARCH_KEYS = Set.of("synonyms", "extra_synonyms");
    private static final Set<String> REPO_KEYS = Set.of("edit_url", "commit_url");
    private static final Set<String> TICKET_KEYS = Set.of("url", "export");
    private static final Set<String> FACTOR_KEYS = Set.of("id", "label", "description");
    private static final Set<String> KIND_KEYS = union(Set.of("folders", "folder", "base", "required_sections",
            "schema", "schema_mode"), CollectionKeys.KIND_KEYS);
    private static final Set<String> SECTION_KEYS = Set.of("name", "aliases", "or");
    private static final Set<String> BLAMELESS_KEYS = Set.of("phrases", "extra_phrases", "mentions");
    private static final Set<String> WHYS_KEYS = Set.of("minimum");
    private static final Set<String> REVIEW_KEYS = Set.of("interval", "tested_within");
    private static final Set<String> LIMIT_KEYS = Set.of("max_file_size");
    private static final Set<String> STATIC_KEYS = Set.of("include_dotfiles");
    private static final Set<String> ALERTING_KEYS = Set.of("rules", "runbook_url", "page_severities");
    private static final Set<String> RUNBOOK_URL_KEYS = Set.of("pattern", "folder", "lowercase", "annotation");

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
        byte[] bytes = LimitedFiles.read(file, SiteConfig.FILE_NAME, LimitedFiles.DEFAULT_MAX_FILE_SIZE, diagnostics);
        if (bytes == null) {
            return SiteConfig.defaults();
        }
        return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(),
                diagnostics);
    }

    /** Pure: parses the text of {@code hindsight.yml}. */
    public SiteConfig parse(String text, Diagnostics diagnostics) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        FrontMatter doc = yaml.read(SiteConfig.FILE_NAME, t.replace("\r\n", "\n"), 1, diagnostics);
        ConfigReader r = new ConfigReader(doc, diagnostics);
        r.unknownKeys("", doc.root(), TOP_LEVEL);
        r.checkedObject("/repo", REPO_KEYS);
        r.checkedObject("/tickets", TICKET_KEYS);
        r.checkedObject("/git", GIT_KEYS);
        r.checkedObject("/limits", LIMIT_KEYS);
        r.checkedObject("/static", STATIC_KEYS);
        GitSettings gd = GitSettings.defaults();
        SiteConfig d = SiteConfig.defaults();
        return new SiteConfig(
                r.string("/title", d.title()),
                r.string("/description", ""),
                r.url("/base_url"),
                r.url("/repo/edit_url"),
                r.url("/repo/commit_url"),
                r.url("/tickets/url"),
                kinds(r, doc.root().get("kinds")),
                validation(r),
                new GitSettings(r.bool("/git/authors", gd.authors()),
                        r.bool("/git/freshness_fallback", gd.freshnessFallback()),
                        r.stringList("/git/bots", gd.bots())),
                new Limits(r.size("/limits/max_file_size", Limits.defaults().maxFileSize())),
                new StaticSettings(r.stringList("/static/include_dotfiles", List.of())),
                CollectionKeys.paths(r, "", PathFilter.all()),
                CollectionKeys.unknownTypes(r),
                search(r).orElse(null),
                learning(r),
                alerting(r));
    }

    /** {@code contributing_factors:}, {@code recurrence:}, {@code action_items:}, {@code tickets.export}, {@code oncall:}. */
    private static LearningSettings learning(ConfigReader r) {
        LearningSettings d = LearningSettings.defaults();
        List<ContributingFactor> factors = new ArrayList<>();
        JsonNode list = r.node("/contributing_factors");
        if (list != null && !list.isArray()) {
            r.typeError("/contributing_factors", "a list of factors, each with id and label");
        } else if (list != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String ptr = "/contributing_factors/" + i;
                JsonNode n = list.get(i);
                if (!n.isObject()) {
                    r.typeError(ptr, "a mapping with id, label and description");
                    continue;
                }
                r.unknownKeys(ptr, n, FACTOR_KEYS);
                String id = r.string(ptr + "/id", "").strip();
                if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                    r.typeError(ptr + "/id", "an id of lowercase letters, digits and dashes");
                    continue;
                }
                if (!seen.add(id)) {
                    r.diagnostics.error(RULE, r.doc.valuePositionOf(ptr + "/id"),
                            "contributing factor `" + id + "` is defined twice");
                    continue;
                }
                factors.add(new ContributingFactor(id, r.string(ptr + "/label", id), r.string(ptr + "/description", "")));
            }
        }
        r.checkedObject("/recurrence", Set.of("window_days"));
        r.checkedObject("/action_items", Set.of("objectives"));
        r.checkedObject("/oncall", Set.of("recent_days"));
        Map<String, Integer> objectives = d.objectives();
        JsonNode obj = r.checkedObject("/action_items/objectives", null);
        if (obj != null) {
            Map<String, Integer> own = new java.util.TreeMap<>();
            obj.fieldNames().forEachRemaining(p -> {
                int days = r.integer("/action_items/objectives/" + FrontMatter.escape(p), -1);
                if (days > 0) {
                    own.put(p, days);
                } else if (days == 0) {
                    r.typeError("/action_items/objectives/" + FrontMatter.escape(p), "a number of days above 0");
                }
            });
            objectives = own;
        }
        String export = r.string("/tickets/export", "").strip();
        if (!export.isEmpty() && !safeRelative(export)) {
            r.diagnostics.error(RULE, r.doc.valuePositionOf("/tickets/export"),
                    "`tickets.export` must be a path inside the site, not `" + export + "`",
                    "give a path relative to hindsight.yml, such as tickets/jira.csv");
            export = "";
        }
        int window = r.integer("/recurrence/window_days", d.recurrenceDays());
        int recent = r.integer("/oncall/recent_days", d.oncallDays());
        return new LearningSettings(factors.isEmpty() ? d.factors() : factors, !factors.isEmpty(), window,
                objectives, export, recent);
    }

    /** A relative path that stays below the site root: no drive, no leading slash, no {@code ..} segment. */
    static boolean safeRelative(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.indexOf('\0') >= 0) {
            return false;
        }
        for (String seg : p.split("/")) {
            if (seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The {@code alerting:} section; {@link AlertingSettings#none()} when absent. */
    private static AlertingSettings alerting(ConfigReader r) {
        if (r.checkedObject("/alerting", ALERTING_KEYS) == null) {
            return AlertingSettings.none();
        }
        r.checkedObject("/alerting/runbook_url", RUNBOOK_URL_KEYS);
        List<AlertingSettings.RuleGlob> globs = new ArrayList<>();
        List<String> texts = r.stringList("/alerting/rules", List.of());
        boolean list = r.node("/alerting/rules") != null && r.node("/alerting/rules").isArray();
        for (int i = 0; i < texts.size(); i++) {
            String ptr = list ? "/alerting/rules/" + i : "/alerting/rules";
            if (texts.get(i).isBlank()) {
                r.typeError(ptr, "a path glob");
                continue;
            }
            globs.add(new AlertingSettings.RuleGlob(texts.get(i).strip(), r.doc.valuePositionOf(ptr)));
        }
        String pattern = r.url("/alerting/runbook_url/pattern");
        if (!pattern.isEmpty() && pattern.indexOf("{path}") != pattern.lastIndexOf("{path}")
                || !pattern.isEmpty() && !pattern.contains("{path}")) {
            r.diagnostics.error(RULE, r.doc.valuePositionOf("/alerting/runbook_url/pattern"),
                    "`alerting.runbook_url.pattern` must hold `{path}` exactly once",
                    "such as https://runbooks.example.com/runbooks/{path}");
            pattern = "";
        }
        String folder = r.string("/alerting/runbook_url/folder", "").strip();
        while (folder.startsWith("./")) {
            folder = folder.substring(2);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return new AlertingSettings(globs, pattern, folder, r.bool("/alerting/runbook_url/lowercase", false),
                r.string("/alerting/runbook_url/annotation", AlertingSettings.DEFAULT_ANNOTATION).strip(),
                r.stringList("/alerting/page_severities", AlertingSettings.DEFAULT_PAGE_SEVERITIES));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    /**
     * {@code search.synonyms} (replaces the built-in groups) and {@code search.extra_synonyms} (adds to
     * them): each a list of groups, a group being a list of two or more phrases. Empty when neither is set.
     */
    private static Optional<SearchSettings> search(ConfigReader r) {
        if (r.checkedObject("/search", SEARCH_KEYS) == null) {
            return Optional.empty();
        }
        List<List<String>> own = synonymGroups(r, "/search/synonyms");
        List<List<String>> extra = synonymGroups(r, "/search/extra_synonyms");
        if (own == null && extra == null) {
            return Optional.empty();
        }
        return Optional.of(new SearchSettings(own, extra));
    }

    private static List<List<String>> synonymGroups(ConfigReader r, String pointer) {
        JsonNode n = r.node(pointer);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            r.typeError(pointer, "a list of synonym groups, each a list of phrases");
            return List.of();
        }
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode g = n.get(i);
            if (!g.isArray() || g.size() < 2 || !allText(g)) {
                r.typeError(pointer + "/" + i, "a list of two or more phrases");
                continue;
            }
            List<String> group = new ArrayList<>();
            g.forEach(x -> group.add(x.asText()));
            groups.add(group);
        }
        return groups;
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode x : list) {
            if (!x.isValueNode() || x.asText().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static ValidationConfig validation(ConfigReader r) {
        ValidationConfig d = ValidationConfig.defaults();
        Map<String, Severity> severities = new HashMap<>();
        Set<String> disabled = new HashSet<>();
        JsonNode rules = r.checkedObject("/rules", null);
        if (rules != null) {
            rules.fieldNames().forEachRemaining(rule -> {
                String ptr = "/rules/" + FrontMatter.escape(rule);
                JsonNode v = rules.get(rule);
                String word = v.isBoolean() ? (v.asBoolean() ? "error" : "off") : v.asText();
                try {
                    Severity s = Severity.parse(word);
                    if (s == null) {
                        disabled.add(rule);
                    } else {
                        severities.put(rule, s);
                    }
                } catch (IllegalArgumentException e) {
                    r.diagnostics.error(RULE, r.doc.valuePositionOf(ptr),
                            "rule `" + rule + "` has unknown severity `" + word + "`", "use error, warning, info or off");
                }
            });
        }
        List<String> blameless = d.blameless();
        boolean mentions = d.flagMentions();
        JsonNode bl = r.node("/blameless");
        if (bl != null && bl.isArray()) {
            blameless = r.stringList("/blameless", blameless);
        } else if (r.checkedObject("/blameless", BLAMELESS_KEYS) != null) {
            blameless = new ArrayList<>(r.stringList("/blameless/phrases", blameless));
            blameless.addAll(r.stringList("/blameless/extra_phrases", List.of()));
            mentions = r.bool("/blameless/mentions", mentions);
        }
        r.checkedObject("/whys", WHYS_KEYS);
        r.checkedObject("/review", REVIEW_KEYS);
        return new ValidationConfig(
                r.stringList("/severities", d.severities()),
                severities,
                disabled,
                blameless,
                mentions,
                r.integer("/whys/minimum", d.minimumWhys()),
                r.period("/review/interval", d.reviewInterval()),
                r.period("/review/tested_within", d.testedWithin()));
    }

    private static List<KindConfig> kinds(ConfigReader r, JsonNode node) {
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
            String baseText = r.string(ptr + "/base", (existing != null ? existing.base() : KindBase.GENERIC).yaml());
            KindBase base = KindBase.of(baseText).orElse(null);
            if (base == null) {
                r.diagnostics.error(RULE, r.doc.valuePositionOf(ptr + "/base"),
                        "unknown base `" + baseText + "` for kind `" + name + "`", "use postmortem, runbook or generic");
                base = KindBase.GENERIC;
            }
            List<String> folders = r.stringList(ptr + "/folders", existing != null ? existing.folders() : List.of());
            if (e.getValue().has("folder")) {
                folders = List.of(r.string(ptr + "/folder", ""));
            }
            List<SectionRequirement> sections = e.getValue().has("required_sections")
                    ? sections(r, ptr + "/required_sections")
                    : existing != null ? existing.sections() : DefaultSections.forBase(base);
            String mode = r.string(ptr + "/schema_mode", KindConfig.EXTEND);
            if (!mode.equals(KindConfig.EXTEND) && !mode.equals(KindConfig.REPLACE)) {
                r.diagnostics.error(RULE, r.doc.valuePositionOf(ptr + "/schema_mode"),
                        "unknown schema_mode `" + mode + "`", "use extend or replace");
                mode = KindConfig.EXTEND;
            }
            KindConfig k = new KindConfig(name, folders, base, sections, r.string(ptr + "/schema", ""), mode,
                    CollectionKeys.kind(r, ptr, existing != null ? existing.options() : KindOptions.defaults()));
            kinds.removeIf(x -> x.name().equals(name));
            kinds.add(k);
        }
        return kinds;
    }

    /**
     * Required sections: each entry a heading name, a list (name then aliases), or a mapping with
     * {@code name}, {@code aliases} and {@code or} (sections that together stand in for it).
     */
    private static List<SectionRequirement> sections(ConfigReader r, String pointer) {
        JsonNode list = r.node(pointer);
        List<SectionRequirement> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        if (!list.isArray()) {
            r.typeError(pointer, "a list of section names");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            SectionRequirement s = section(r, pointer + "/" + i, list.get(i));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static SectionRequirement section(ConfigReader r, String ptr, JsonNode n) {
        if (n.isValueNode()) {
            String name = n.asText();
            return DefaultSections.find(name).orElse(SectionRequirement.of(name));
        }
        if (n.isArray() && n.size() > 0) {
            List<String> names = r.stringList(ptr, List.of());
            return new SectionRequirement(names.get(0), names.subList(1, names.size()), List.of());
        }
        if (n.isObject()) {
            r.unknownKeys(ptr, n, SECTION_KEYS);
            String name = r.string(ptr + "/name", "");
            if (name.isEmpty()) {
                r.typeError(ptr + "/name", "a section heading");
                return null;
            }
            List<SectionRequirement> alternative = r.stringList(ptr + "/or", List.of()).stream()
                    .map(a -> DefaultSections.find(a).orElse(SectionRequirement.of(a))).toList();
            return new SectionRequirement(name, r.stringList(ptr + "/aliases", List.of()), alternative);
        }
        r.typeError(ptr, "a section name, a list of names, or a mapping with name and aliases");
        return null;
    }
}
