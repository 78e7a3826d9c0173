package dev.hindsight.adopt;

import dev.hindsight.config.DefaultSections;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SectionRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Pure functions from the samples of a collection to a {@link Plan}. */
final class Inference {

    /** "Most documents": the share of a kind's documents that makes a heading or field its rule. */
    static final double MOST = 0.8;

    private static final Pattern POSTMORTEM_FOLDER = Pattern.compile(
            "(?i).*(post-?mortem|incident|retro|outage|rca|pir).*");
    private static final Pattern RUNBOOK_FOLDER = Pattern.compile("(?i).*(runbook|playbook|alert|sop|procedure).*");
    private static final Set<String> POSTMORTEM_KEYS = Set.of("severity", "incident", "start_time", "end_time",
            "started_at", "resolved_at", "detected_at", "impact", "incident_date", "ttr", "postmortem");
    private static final Set<String> RUNBOOK_KEYS = Set.of("alerts", "alert", "alertname", "owner", "service",
            "last_reviewed", "runbook", "escalation", "dashboards");
    private static final List<SectionRequirement> POSTMORTEM_SECTIONS = List.of(DefaultSections.SUMMARY,
            DefaultSections.TIMELINE, DefaultSections.ROOT_CAUSE, DefaultSections.ACTION_ITEMS,
            DefaultSections.LESSONS, DefaultSections.FIVE_WHYS, DefaultSections.WENT_WELL, DefaultSections.WENT_WRONG,
            DefaultSections.TRIGGER, DefaultSections.DETECTION);
    private static final List<SectionRequirement> RUNBOOK_SECTIONS = List.of(DefaultSections.MEANING,
            DefaultSections.SYMPTOMS, DefaultSections.DIAGNOSIS, DefaultSections.MITIGATION,
            DefaultSections.VALIDATION, DefaultSections.ESCALATION);

    /** Our field → foreign keys that commonly hold it, in order of preference. */
    static final Map<String, List<String>> SYNONYMS = synonyms();

    /** Keys shown on the page as they are, when a collection has them. */
    static final List<String> SHOWN = List.of("company", "product", "organization", "team", "component", "region");

    private static final Pattern TEST_FOLDER = Pattern.compile(
            "(?i)/(test|tests|testdata|test-data|fixtures|__fixtures__|examples?|samples?|vendor|node_modules)/");
    private static final Pattern ALERT_NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z0-9][A-Za-z0-9]*)+");

    private Inference() {
    }

    private static Map<String, List<String>> synonyms() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("title", List.of("title", "name", "headline"));
        m.put("date", List.of("date", "incident_date", "start_time", "started_at", "start", "published",
                "source_published_at", "created"));
        m.put("severity", List.of("severity", "sev", "priority"));
        m.put("services", List.of("services", "service", "systems", "components", "affected_services"));
        m.put("tags", List.of("tags", "keywords", "categories", "labels"));
        m.put("authors", List.of("authors", "author", "owners"));
        m.put("started", List.of("start_time", "started_at", "started", "start", "began_at"));
        m.put("detected", List.of("detected_at", "detection_time", "detected"));
        m.put("mitigated", List.of("mitigated_at", "mitigation_time", "mitigated"));
        m.put("resolved", List.of("end_time", "resolved_at", "ended_at", "resolved", "end"));
        m.put("impact", List.of("impact", "summary", "description"));
        m.put("source_url", List.of("url", "source_url", "source", "link", "original_url"));
        m.put("status", List.of("status", "state"));
        m.put("service", List.of("service", "component", "system"));
        m.put("owner", List.of("owner", "team", "owners"));
        m.put("alerts", List.of("alerts", "alert", "alertname", "alert_name"));
        m.put("last_reviewed", List.of("last_reviewed", "reviewed", "reviewed_at", "last_review"));
        return m;
    }

    static Plan infer(Layout layout, List<Sample> all) {
        List<String> reasons = new ArrayList<>();
        reasons.add("layout: " + layout.name().toLowerCase(Locale.ROOT)
                + (layout.contentFolder.isEmpty() ? "" : ", pages under " + layout.contentFolder));
        Set<String> exclude = new TreeSet<>();
        List<Sample> candidates = new ArrayList<>();
        Set<String> testFiles = new TreeSet<>();
        for (Sample s : all) {
            if (Layout.isIndexPage(s.fileName())) {
                exclude.add("**/" + s.fileName());
            } else if (!s.path().startsWith(layout.contentFolder) || Layout.isProjectFile(s.path())
                    || !s.path().contains("/")) {
                continue;
            } else if (TEST_FOLDER.matcher("/" + s.folder() + "/").find()) {
                testFiles.add(s.folder() + "/");
            } else {
                candidates.add(s);
            }
        }
        if (!testFiles.isEmpty()) {
            reasons.add("not read: test material (" + String.join(", ", testFiles) + ")");
        }
        if (!exclude.isEmpty()) {
            reasons.add("left out section index pages (" + String.join(", ", exclude) + "): they introduce a folder");
        }
        Map<String, List<Sample>> byFolder = new TreeMap<>();
        candidates.forEach(s -> byFolder.computeIfAbsent(s.folder(), k -> new ArrayList<>()).add(s));
        Map<String, List<String>> foldersOf = new TreeMap<>();
        Map<String, List<Sample>> samplesOf = new TreeMap<>();
        for (Map.Entry<String, List<Sample>> e : byFolder.entrySet()) {
            double pm = 0;
            double rb = 0;
            for (Sample s : e.getValue()) {
                pm += score(s, POSTMORTEM_KEYS, POSTMORTEM_SECTIONS);
                rb += score(s, RUNBOOK_KEYS, RUNBOOK_SECTIONS);
            }
            int n = e.getValue().size();
            pm = pm / n + (POSTMORTEM_FOLDER.matcher(e.getKey()).matches() ? 2 : 0);
            rb = rb / n + (RUNBOOK_FOLDER.matcher(e.getKey()).matches() ? 2 : 0);
            String kind = pm >= 1 && pm > rb ? KindConfig.POSTMORTEM : rb >= 1 && rb >= pm ? KindConfig.RUNBOOK : null;
            if (kind == null) {
                reasons.add(e.getKey() + "/ (" + n + " files): neither postmortems nor runbooks by their keys, "
                        + "headings or folder name; not read");
                continue;
            }
            foldersOf.computeIfAbsent(kind, k -> new ArrayList<>()).add(e.getKey());
            samplesOf.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(e.getValue());
        }
        List<Plan.KindPlan> kinds = new ArrayList<>();
        for (String kind : foldersOf.keySet()) {
            String common = commonFolder(foldersOf.get(kind));
            List<String> folders = common.isEmpty() ? foldersOf.get(kind) : List.of(common);
            kinds.add(kind(kind, folders, samplesOf.get(kind), reasons));
        }
        boolean foreignTypes = all.stream().anyMatch(s -> s.has("type")
                && !Set.of(KindConfig.POSTMORTEM, KindConfig.RUNBOOK).contains(s.frontMatter().get("type")));
        if (foreignTypes) {
            reasons.add("some files use `type:` for something else (such as Hugo's page types): unknown_types: ignore");
        }
        return new Plan(layout, kinds, List.copyOf(exclude), foreignTypes, Map.of(), reasons);
    }

    static double score(Sample s, Set<String> keys, List<SectionRequirement> sections) {
        double score = 0;
        for (String k : s.frontMatter().keySet()) {
            if (keys.contains(k)) {
                score++;
            }
        }
        for (String h : s.headings()) {
            if (sections.stream().anyMatch(r -> r.matches(h))) {
                score++;
            }
        }
        return score;
    }

    /** The deepest folder holding all of {@code folders}. */
    static String commonFolder(List<String> folders) {
        String common = folders.get(0);
        for (String f : folders) {
            while (!(f.equals(common) || f.startsWith(common + "/")) && !common.isEmpty()) {
                int slash = common.lastIndexOf('/');
                common = slash < 0 ? "" : common.substring(0, slash);
            }
        }
        return common;
    }

    private static Plan.KindPlan kind(String kind, List<String> folders, List<Sample> docs, List<String> reasons) {
        int n = docs.size();
        String where = String.join(", ", folders.stream().map(f -> f + "/").toList());
        reasons.add(kind + "s: " + n + " files under " + where);
        // Sections: the headings most documents share, in the order they first appear.
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Sample s : docs) {
            for (String h : new java.util.LinkedHashSet<>(s.headings())) {
                String key = SectionRequirement.normalize(h);
                count.merge(key, 1, Integer::sum);
                spelling.putIfAbsent(key, h);
            }
        }
        List<String> sections = count.entrySet().stream().filter(e -> e.getValue() >= MOST * n)
                .map(e -> spelling.get(e.getKey())).toList();
        reasons.add(kind + "s: required sections " + (sections.isEmpty() ? "none (no heading is shared by most of them)"
                : String.join(", ", sections) + " (each in at least " + Math.round(MOST * 100) + " % of them)"));
        // Fields: for each of ours, the keys that hold it.
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : SYNONYMS.entrySet()) {
            String field = e.getKey();
            if (!applies(kind, field)) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            int covered = 0;
            for (Sample s : docs) {
                boolean any = false;
                for (String k : e.getValue()) {
                    if (s.has(k) && !(field.equals("services") && k.equals("service") && kind.equals("runbook"))) {
                        if (!keys.contains(k)) {
                            keys.add(k);
                        }
                        any = true;
                    }
                }
                if (any) {
                    covered++;
                }
            }
            keys.sort(java.util.Comparator.comparingInt(e.getValue()::indexOf));
            if (!FIELD_IS_LIST.contains(field) && keys.size() > 1 && !field.equals("date")) {
                keys = keys.subList(0, 1);
            }
            if (keys.isEmpty()) {
                continue;
            }
            if (!(keys.size() == 1 && keys.get(0).equals(ownKey(field)))) {
                fields.put(field, keys);
            }
            if (covered >= MOST * n && !field.equals("impact")) {
                required.add(field);
            }
        }
        if (!fields.isEmpty()) {
            List<String> parts = new ArrayList<>();
            fields.forEach((f, k) -> parts.add(f + " ← " + String.join(" | ", k)));
            reasons.add(kind + "s: front matter mapped: " + String.join(", ", parts));
        }
        reasons.add(kind + "s: required fields " + (required.isEmpty() ? "none" : String.join(", ", required))
                + " (given by at least " + Math.round(MOST * 100) + " % of them)");
        List<String> show = SHOWN.stream().filter(k -> docs.stream().filter(s -> s.has(k)).count() >= MOST * n)
                .toList();
        if (!show.isEmpty()) {
            reasons.add(kind + "s: shown on the page as they are: " + String.join(", ", show));
        }
        String alertsFrom = null;
        String serviceFrom = null;
        if (kind.equals(KindConfig.RUNBOOK) && !fields.containsKey("alerts")
                && docs.stream().noneMatch(s -> s.has("alerts"))) {
            long named = docs.stream().filter(s -> ALERT_NAME.matcher(s.slug()).matches()).count();
            long h1 = docs.stream().filter(s -> s.h1() != null && ALERT_NAME.matcher(s.h1()).matches()).count();
            if (named >= MOST * n) {
                alertsFrom = "filename";
                reasons.add("runbooks: " + named + " of " + n + " files are named like alerts (CamelCase): "
                        + "alerts_from: filename");
            } else if (h1 >= MOST * n) {
                alertsFrom = "h1";
                reasons.add("runbooks: " + h1 + " of " + n + " first headings are alert names: alerts_from: h1");
            }
        }
        if (kind.equals(KindConfig.RUNBOOK) && !fields.containsKey("service") && docs.stream().noneMatch(s -> s.has("service"))
                && docs.stream().map(Sample::folder).distinct().count() > 1) {
            serviceFrom = "folder";
            reasons.add("runbooks: no `service:` key, and they are sorted into folders by component: "
                    + "service_from: folder");
        }
        Set<String> slugs = new java.util.HashSet<>();
        boolean duplicates = docs.stream().anyMatch(s -> !slugs.add(s.slug()));
        if (duplicates) {
            reasons.add(kind + "s: the same file name is in more than one folder: id: path");
        }
        if (required.contains("service") && serviceFrom != null) {
            required.remove("service");
        }
        return new Plan.KindPlan(kind, folders, n, sections, fields, required, show, alertsFrom, serviceFrom,
                duplicates ? "path" : null);
    }

    private static final Set<String> FIELD_IS_LIST = Set.of("services", "tags", "authors", "alerts");

    private static boolean applies(String kind, String field) {
        Set<String> postmortemOnly = Set.of("severity", "services", "authors", "started", "detected", "mitigated",
                "resolved", "impact");
        Set<String> runbookOnly = Set.of("service", "owner", "alerts", "last_reviewed");
        return kind.equals(KindConfig.POSTMORTEM) ? !runbookOnly.contains(field) : !postmortemOnly.contains(field);
    }

    private static String ownKey(String field) {
        return Stream.of("started", "detected", "mitigated", "resolved").anyMatch(field::equals) ? "incident" : field;
    }
}
