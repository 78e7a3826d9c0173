package dev.hindsight.alerting;

import dev.hindsight.config.AlertingSettings;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Runbook;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps runbook URLs to the site's pages through {@code alerting.runbook_url.pattern}: the URL is the pattern with
 * {@code {path}} replaced by a page's path below {@code runbook_url.folder}, without {@code .md}; a folder's
 * {@code index.md}, {@code README.md} or {@code _index.md} is the folder's own path. Query and {@code #fragment}
 * are ignored, and so are a trailing {@code /}, {@code /index.html} and {@code .html}. With {@code lowercase} the
 * path is compared ignoring case. A templated URL ({@code {{ $labels.namespace }}}) is matched by its fixed parts.
 * Without a pattern, {@code base_url} + {@code {path}} is used when the site has a {@code base_url}.
 */
final class RunbookUrls {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern LABEL = Pattern.compile(
            "\\{\\{-?\\s*(?:\\$labels|\\.Labels|\\.CommonLabels|\\.GroupLabels)\\.(\\w+)\\s*"
                    + "(?:\\|\\s*(toLower|toUpper)\\s*)?-?}}");
    private static final List<String> INDEX_NAMES = List.of("index", "readme", "_index");

    /** The outcome for one URL: the page (null unless resolved or a unique template match) and how. */
    record Resolution(RunbookStatus status, Document page, String expectedPath) {
        Resolution {
            Objects.requireNonNull(status, "status");
            expectedPath = Objects.requireNonNullElse(expectedPath, "");
        }
    }

    private final String prefix;
    private final String suffix;
    private final String folder;
    private final boolean lowercase;
    private final Map<String, List<Document>> byPath;
    private final Map<String, List<Runbook>> byAlert;

    RunbookUrls(AlertingSettings settings, String baseUrl, KnowledgeBase kb) {
        String pattern = settings.urlPattern();
        if (pattern.isEmpty() && !baseUrl.isBlank()) {
            pattern = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + "{path}";
        }
        int at = pattern.indexOf("{path}");
        this.prefix = at < 0 ? "" : pattern.substring(0, at);
        this.suffix = at < 0 ? "" : trimEnd(pattern.substring(at + "{path}".length()));
        this.folder = settings.urlFolder();
        this.lowercase = settings.lowercase();
        Map<String, List<Document>> paths = new TreeMap<>();
        for (Document d : kb.documents()) {
            String key = pathOf(d.meta().sourcePath());
            if (key != null) {
                paths.computeIfAbsent(fold(key), k -> new ArrayList<>()).add(d);
            }
        }
        this.byPath = paths;
        Map<String, List<Runbook>> alerts = new TreeMap<>();
        for (Runbook rb : kb.runbooks()) {
            rb.alerts().forEach(a -> alerts.computeIfAbsent(a, k -> new ArrayList<>()).add(rb));
        }
        this.byAlert = alerts;
    }

    /** Whether URLs can be checked at all (a pattern, or a {@code base_url}). */
    boolean known() {
        return !prefix.isEmpty() || !suffix.isEmpty();
    }

    /** The {@code {path}} of a source file, or null when it lies outside the folder. */
    String pathOf(String sourcePath) {
        String stem = sourcePath.endsWith(".md") ? sourcePath.substring(0, sourcePath.length() - 3) : sourcePath;
        int slash = stem.lastIndexOf('/');
        String name = stem.substring(slash + 1);
        if (INDEX_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            stem = slash < 0 ? "" : stem.substring(0, slash);
        }
        if (folder.isEmpty()) {
            return stem;
        }
        if (stem.equals(folder)) {
            return "";
        }
        return stem.startsWith(folder + "/") ? stem.substring(folder.length() + 1) : null;
    }

    /**
     * What {@code url} leads to for alert {@code alert}: {@code {{ $labels.alertname }}} and the rule's own
     * labels ({@code {{ $labels.team }}}, also with {@code | toLower} or {@code | toUpper}) are filled in first,
     * as Prometheus would fill them; what other labels stay open is matched by the template's fixed parts.
     */
    Resolution resolve(String url, String alert, Map<String, String> labels) {
        String u = fill(url.strip(), alert, labels);
        if (u.isEmpty()) {
            return new Resolution(RunbookStatus.NO_URL, null, "");
        }
        if (!known()) {
            return new Resolution(RunbookStatus.EXTERNAL, null, "");
        }
        u = trimEnd(stripQuery(u));
        if (TEMPLATE.matcher(u).find()) {
            return templated(u, alert);
        }
        if (!startsWith(u, prefix) || !endsWith(u, suffix) || u.length() < prefix.length() + suffix.length()) {
            return new Resolution(RunbookStatus.EXTERNAL, null, "");
        }
        String path = decode(u.substring(prefix.length(), u.length() - suffix.length()));
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<Document> pages = byPath.getOrDefault(fold(path), List.of());
        if (!pages.isEmpty()) {
            return new Resolution(RunbookStatus.RESOLVED, pick(pages, alert), "");
        }
        if (folder.isEmpty() && path.startsWith("alerts/") && byAlert.containsKey(path.substring(7))) {
            // The site's own stable address of an alert: alerts/<Name>/ leads to the runbook that lists it.
            return new Resolution(RunbookStatus.RESOLVED, byAlert.get(path.substring(7)).get(0), "");
        }
        return new Resolution(RunbookStatus.NOT_FOUND, null, (folder.isEmpty() ? "" : folder + "/") + path + ".md");
    }

    /**
     * A URL with template expressions: the page paths that its fixed parts fit. None is a sure 404 when the
     * text before the first expression lies under the pattern's address; several are all possible.
     */
    private Resolution templated(String u, String alert) {
        Matcher m = TEMPLATE.matcher(u);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        String head = null;
        while (m.find()) {
            if (head == null) {
                head = u.substring(0, m.start());
            }
            regex.append(Pattern.quote(u.substring(last, m.start()))).append(".*?");
            last = m.end();
        }
        regex.append(Pattern.quote(u.substring(last)));
        if (head == null || head.isEmpty() || !(startsWith(prefix, head) || startsWith(head, prefix))) {
            return new Resolution(RunbookStatus.EXTERNAL, null, "");
        }
        Pattern p = Pattern.compile(regex.toString(), lowercase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        List<Document> candidates = new ArrayList<>();
        for (List<Document> docs : byPath.values()) {
            for (Document d : docs) {
                String key = pathOf(d.meta().sourcePath());
                if (p.matcher(prefix + (lowercase ? key.toLowerCase(Locale.ROOT) : key) + suffix).matches()
                        || p.matcher(prefix + key + suffix).matches()) {
                    candidates.add(d);
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Resolution(RunbookStatus.NOT_FOUND, null, "");
        }
        for (Document d : candidates) {
            if (d instanceof Runbook rb && rb.alerts().contains(alert)) {
                return new Resolution(RunbookStatus.RESOLVED, d, "");
            }
        }
        if (candidates.size() == 1) {
            return new Resolution(RunbookStatus.RESOLVED, candidates.get(0), "");
        }
        return new Resolution(RunbookStatus.TEMPLATED, null, "");
    }

    private static String fill(String url, String alert, Map<String, String> labels) {
        Matcher m = LABEL.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("alertname") ? alert : labels.get(m.group(1));
            if (value == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            if ("toLower".equals(m.group(2))) {
                value = value.toLowerCase(Locale.ROOT);
            } else if ("toUpper".equals(m.group(2))) {
                value = value.toUpperCase(Locale.ROOT);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Of several pages with one path (only with lowercase), the runbook listing the alert, else the first. */
    private static Document pick(List<Document> pages, String alert) {
        for (Document d : pages) {
            if (d instanceof Runbook rb && rb.alerts().contains(alert)) {
                return d;
            }
        }
        return pages.get(0);
    }

    private String fold(String s) {
        return lowercase ? s.toLowerCase(Locale.ROOT) : s;
    }

    private boolean startsWith(String s, String start) {
        return s.regionMatches(lowercase, 0, start, 0, start.length());
    }

    private boolean endsWith(String s, String end) {
        return s.regionMatches(lowercase, s.length() - end.length(), end, 0, end.length());
    }

    private static String stripQuery(String u) {
        int cut = u.length();
        for (char c : new char[] {'#', '?'}) {
            int i = u.indexOf(c);
            // A '#' or '?' inside a template expression is the template's own.
            if (i >= 0 && !insideTemplate(u, i)) {
                cut = Math.min(cut, i);
            }
        }
        return u.substring(0, cut);
    }

    private static boolean insideTemplate(String u, int i) {
        int open = u.lastIndexOf("{{", i);
        return open >= 0 && u.indexOf("}}", open) > i;
    }

    private static String trimEnd(String s) {
        String t = s;
        if (t.endsWith("/index.html")) {
            t = t.substring(0, t.length() - "/index.html".length());
        } else if (t.endsWith(".html")) {
            t = t.substring(0, t.length() - ".html".length());
        } else if (t.endsWith(".md")) {
            t = t.substring(0, t.length() - ".md".length());
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
