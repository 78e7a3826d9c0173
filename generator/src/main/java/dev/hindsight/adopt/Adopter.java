package dev.hindsight.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.Heading;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.AdoptResult;
import dev.hindsight.api.BuildResult;
import dev.hindsight.build.SiteBuilder;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code hindsight adopt}: reads an existing Markdown collection, decides its kinds, folders, field mappings,
 * required sections and fields, and writes a commented {@code hindsight.yml} (and {@code .hindsight/} into
 * {@code .gitignore}). It never changes a document.
 */
public final class Adopter {

    /**
     * Rules that check a collection's writing convention rather than a mistake: when one fires on at least
     * half of the documents it could apply to, the collection simply does not follow that convention, so
     * adopt switches it off (and says so) instead of burying the real problems.
     */
    static final Set<String> CONVENTION_RULES = Set.of("runbook-diagnosis-steps", "runbook-mitigation-code",
            "incident-times-required", "five-whys", "action-item-owner", "action-item-due", "timeline-format",
            "timeline-window", "timeline-order", "hugo-shortcode");

    private final YamlReader yaml = new YamlReader();
    private final MarkdownParser markdown = new MarkdownParser();

    public AdoptResult adopt(Path dir, boolean force) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return new AdoptResult("no such folder: " + root, List.of(), List.of(), "");
        }
        Path configFile = root.resolve(SiteConfig.FILE_NAME);
        if (Files.exists(configFile) && !force) {
            return new AdoptResult(SiteConfig.FILE_NAME + " already exists in " + root
                    + "; adopt never overwrites it (use --force to replace it)", List.of(), List.of(), "");
        }
        List<Sample> samples = read(root);
        Set<String> rootFiles = new HashSet<>();
        try (Stream<Path> s = Files.list(root)) {
            s.forEach(p -> rootFiles.add(p.getFileName().toString()));
        }
        Plan plan = Inference.infer(Layout.detect(rootFiles), samples);
        String title = root.getFileName() == null ? "Knowledge base" : root.getFileName().toString();
        List<String> written = new ArrayList<>();
        if (plan.kinds().isEmpty()) {
            List<String> reasons = new ArrayList<>(plan.reasons());
            reasons.add("no folder looks like postmortems or runbooks: nothing written; map your folders by hand "
                    + "(`kinds:` … `folders:`)");
            return new AdoptResult("", reasons, written, "");
        }
        Files.writeString(configFile, ConfigText.render(plan, title), StandardCharsets.UTF_8);
        Map<String, String> off = conventionsNotFollowed(root, samples.size());
        if (!off.isEmpty()) {
            List<String> more = new ArrayList<>();
            off.forEach((rule, why) -> more.add("rule " + rule + " switched off: " + why));
            plan = plan.withRulesOff(off, more);
        }
        List<String> reasons = new ArrayList<>(plan.reasons());
        String text = ConfigText.render(plan, title) + alerting(root, samples, reasons);
        Files.writeString(configFile, text, StandardCharsets.UTF_8);
        written.add(SiteConfig.FILE_NAME);
        if (ignoreHindsightFolder(root)) {
            written.add(".gitignore");
        }
        return new AdoptResult("", reasons, written, text);
    }

    /** The {@code alerting:} section when the collection holds alert rule files, else nothing. */
    private static String alerting(Path root, List<Sample> samples, List<String> reasons) throws IOException {
        java.util.Optional<dev.hindsight.alerting.RuleFileProposal> found = dev.hindsight.alerting.RuleFileProposal
                .propose(root, samples.stream().map(Sample::path).toList());
        if (found.isEmpty()) {
            return "";
        }
        dev.hindsight.alerting.RuleFileProposal p = found.get();
        StringBuilder y = new StringBuilder("# Alert rule files: every runbook URL is checked against the pages.\n");
        y.append("alerting:\n  rules: ").append(ConfigText.list(p.globs())).append('\n');
        if (!p.pattern().isEmpty()) {
            y.append("  runbook_url:   # ").append(p.matched()).append(" of ").append(p.alerts())
                    .append(" alert rules fit a page of this collection\n");
            y.append("    pattern: ").append(ConfigText.q(p.pattern())).append('\n');
            if (!p.folder().isEmpty()) {
                y.append("    folder: ").append(ConfigText.q(p.folder())).append('\n');
            }
            if (p.lowercase()) {
                y.append("    lowercase: true\n");
            }
            if (!p.annotation().equals("runbook_url")) {
                y.append("    annotation: ").append(ConfigText.q(p.annotation())).append('\n');
            }
        }
        reasons.add("alerting: " + p.alerts() + " alert rules in " + String.join(", ", p.globs())
                + (p.pattern().isEmpty() ? "; no runbook URL fits a page" : "; runbook URLs " + p.pattern()));
        return y.toString();
    }

    /** Runs {@code check} with the written settings; the convention rules most documents break, with why. */
    private Map<String, String> conventionsNotFollowed(Path root, int files) {
        BuildResult result = new SiteBuilder().run(BuildOptions.check(root));
        Map<String, Set<String>> docsByRule = new TreeMap<>();
        for (Diagnostic d : result.diagnostics()) {
            if (CONVENTION_RULES.contains(d.ruleId())) {
                docsByRule.computeIfAbsent(d.ruleId(), k -> new TreeSet<>()).add(d.position().file());
            }
        }
        Map<String, String> off = new LinkedHashMap<>();
        int documents = Math.max(1, result.documents());
        docsByRule.forEach((rule, docs) -> {
            if (docs.size() * 2 >= documents) {
                off.put(rule, "it fired on " + docs.size() + " of " + documents
                        + " documents: this collection does not follow that convention");
            }
        });
        return off;
    }

    /** Adds {@code .hindsight/} to {@code .gitignore} (creating it when needed); whether it wrote. */
    static boolean ignoreHindsightFolder(Path root) throws IOException {
        Path file = root.resolve(".gitignore");
        String text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.equals(".hindsight/") || l.equals(".hindsight") || l.equals("/.hindsight/") || l.equals("/.hindsight")) {
                return false;
            }
        }
        String add = (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "# Hindsight's preview and caches\n.hindsight/\n";
        Files.writeString(file, text + add, StandardCharsets.UTF_8);
        return true;
    }

    private List<Sample> read(Path root) throws IOException {
        SiteSource source = new SiteSource(root, yaml);
        Diagnostics ignored = new Diagnostics();
        List<Sample> out = new ArrayList<>();
        for (String path : source.scan(Set.of(), ignored)) {
            SourceDocument doc = source.load(path, ignored);
            if (doc == null) {
                continue;
            }
            Map<String, String> fm = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = doc.frontMatter().root().fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isValueNode() && !v.isNull()) {
                    fm.put(e.getKey(), v.asText());
                } else if (v.isArray() && v.size() > 0) {
                    List<String> items = new ArrayList<>();
                    v.forEach(x -> items.add(x.asText()));
                    fm.put(e.getKey(), String.join(", ", items));
                } else if (v.isObject() && v.size() > 0) {
                    fm.put(e.getKey(), "{…}");
                }
            }
            ParsedMarkdown body = markdown.parse(path, doc.file().body(), doc.file().bodyLine(), new Diagnostics(),
                    false);
            String h1 = null;
            List<String> headings = new ArrayList<>();
            for (Heading h : body.headings()) {
                if (h.level() == 1 && h1 == null) {
                    h1 = h.text();
                } else if (h.level() > 1) {
                    headings.add(h.text());
                }
            }
            out.add(new Sample(path, fm, h1, headings));
        }
        return out;
    }
}
