package dev.hindsight.site;

import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
import dev.hindsight.diag.Position;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.git.FileHistory;
import dev.hindsight.render.AlertView;
import dev.hindsight.render.ApiFiles;
import dev.hindsight.render.AtomFeed;
import dev.hindsight.render.Formats;
import dev.hindsight.render.Renderer;
import dev.hindsight.render.ServiceView;
import dev.hindsight.render.SiteUrls;
import dev.hindsight.render.SiteView;
import dev.hindsight.render.Sitemap;
import dev.hindsight.render.Slugs;
import dev.hindsight.render.TagView;
import dev.hindsight.search.SearchIndex;
import dev.hindsight.validate.SchemaSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Renders every page into a staging directory and publishes it when nothing failed. */
final class SiteWriter {

    static final String RULE_TEMPLATE = "template";
    static final String RULE_PAGE_CONFLICT = "page-conflict";
    static final String RULE_SITEMAP = "sitemap";
    static final String RULE_PAGE_PATH = "page-path";

    private final SiteConfig config;
    private final Path root;
    private final Renderer renderer;
    private final Formats fmt = new Formats();

    SiteWriter(SiteConfig config, Path root) {
        this.config = config;
        this.root = root;
        this.renderer = new Renderer(root.resolve("templates"));
    }

    /** Returns the number of pages written, or -1 when the site was not published. */
    int write(KnowledgeBase kb, ServiceCatalog catalog, OutputDirectory out, Diagnostics diagnostics)
            throws IOException {
        out.checkWritable();
        Path staging = out.stage();
        AtomicBoolean failed = new AtomicBoolean();
        try {
            Plan plan = plan(kb, catalog, diagnostics);
            plan.pages().parallelStream().forEach(p -> page(staging, p, diagnostics, failed));
            writeOutputs(staging, kb, plan.view(), plan.urls(), plan.pages(), diagnostics);
            copyAssets(staging);
            copyStatic(staging);
            if (failed.get()) {
                out.discard(staging);
                return -1;
            }
            out.publish(staging);
            lastPages = plan.paths();
            return plan.pages().size();
        } catch (IOException | RuntimeException e) {
            out.discard(staging);
            throw e;
        }
    }

    /**
     * Re-renders, in place, only the pages {@code affected} selects, rewrites the data files, and
     * removes the pages of documents that are gone. Files whose bytes did not change are not touched.
     * Returns the number of pages rendered, or -1 when a template failed (the old pages stay).
     */
    int update(KnowledgeBase kb, ServiceCatalog catalog, Path out, java.util.function.Predicate<Page> affected,
               Diagnostics diagnostics) throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        Plan plan = plan(kb, catalog, diagnostics);
        List<Page> chosen = plan.pages().stream().filter(affected).toList();
        chosen.parallelStream().forEach(p -> page(out, p, diagnostics, failed));
        if (failed.get()) {
            return -1;
        }
        writeOutputs(out, kb, plan.view(), plan.urls(), plan.pages(), diagnostics);
        for (String gone : lastPages) {
            if (!plan.paths().contains(gone)) {
                Files.deleteIfExists(out.resolve(gone));
            }
        }
        lastPages = plan.paths();
        return chosen.size();
    }

    /** The pages of the last write or update: what an update must remove when they disappear. */
    private java.util.Set<String> lastPages = java.util.Set.of();

    /** Every page of a build, with the views they share. */
    record Plan(SiteView view, SiteUrls urls, List<Page> pages) {
        java.util.Set<String> paths() {
            java.util.Set<String> out = new java.util.HashSet<>();
            pages.forEach(p -> out.add(p.path()));
            return out;
        }
    }

    Plan plan(KnowledgeBase kb, ServiceCatalog catalog, Diagnostics diagnostics) {
        SiteView view = new SiteView(kb, catalog, config);
        SiteUrls urls = new SiteUrls(config.baseUrl());
        return new Plan(view, urls, withoutConflicts(pages(kb, view, urls), diagnostics));
    }

    /** One HTML page to render: where, with which template, and its model. */
    record Page(String path, String template, Map<String, Object> model, boolean listed) {
    }

    private List<Page> pages(KnowledgeBase kb, SiteView view, SiteUrls urls) {
        List<Page> pages = new ArrayList<>();
        pages.add(page("index.html", "index.ftlh", "home", view, urls, Map.of()));
        for (Document doc : kb.documents()) {
            Map<String, Object> extra = new HashMap<>();
            extra.put("doc", doc);
            kb.history(doc).ifPresent(h -> extra.put("history", h));
            extra.put("editUrl", editUrl(config.editUrl(), kb.git().repositoryPath(doc.meta().sourcePath())));
            String section = doc instanceof Postmortem ? "postmortems" : doc instanceof Runbook ? "runbooks" : "";
            pages.add(page(doc.meta().url(), template(doc), section, view, urls, extra));
        }
        pages.add(page("postmortems/index.html", "postmortems.ftlh", "postmortems", view, urls, Map.of()));
        pages.add(page("runbooks/index.html", "runbooks.ftlh", "runbooks", view, urls, Map.of()));
        pages.add(page("services/index.html", "services.ftlh", "services", view, urls, Map.of()));
        for (ServiceView s : view.services()) {
            pages.add(page("services/" + s.slug() + "/index.html", "service.ftlh", "services", view, urls,
                    Map.of("service", s)));
        }
        pages.add(page("tags/index.html", "tags.ftlh", "tags", view, urls, Map.of()));
        for (TagView t : view.tags()) {
            pages.add(page("tags/" + t.slug() + "/index.html", "tag.ftlh", "tags", view, urls, Map.of("tag", t)));
        }
        pages.add(page("action-items/index.html", "action-items.ftlh", "action-items", view, urls, Map.of()));
        pages.add(page("metrics/index.html", "metrics.ftlh", "metrics", view, urls, Map.of()));
        pages.add(page("alerts/index.html", "alerts.ftlh", "alerts", view, urls, Map.of()));
        for (AlertView a : view.alerts()) {
            Page p = page(a.path(), "alert.ftlh", "alerts", view, urls, Map.of("alert", a));
            pages.add(new Page(p.path(), p.template(), p.model(), false));
        }
        pages.add(page("search/index.html", "search.ftlh", "search", view, urls, Map.of()));
        Page notFound = page("404.html", "404.ftlh", "", view, urls, Map.of());
        // Served for any missing path, at any depth: links go from base_url when there is one.
        notFound.model().put("root", urls.known() ? urls.base() : "");
        notFound.model().put("rootUnknown", !urls.known());
        pages.add(new Page(notFound.path(), notFound.template(), notFound.model(), false));
        return pages;
    }

    private Page page(String path, String template, String section, SiteView view, SiteUrls urls,
                      Map<String, Object> extra) {
        Map<String, Object> model = base(rootFor(path));
        model.put("view", view);
        model.put("section", section);
        model.put("pagePath", path);
        model.put("hasFeed", urls.known());
        model.putAll(extra);
        return new Page(path, template, model, true);
    }

    /** A document whose page path is also a generated page (a custom kind in {@code services/}, say) wins. */
    private static List<Page> withoutConflicts(List<Page> pages, Diagnostics diagnostics) {
        Map<String, Page> byPath = new LinkedHashMap<>();
        for (Page p : pages) {
            Page first = byPath.putIfAbsent(p.path(), p);
            if (first != null) {
                Object doc = first.model().get("doc");
                String where = doc instanceof Document d ? d.meta().sourcePath() : p.path();
                diagnostics.warning(RULE_PAGE_CONFLICT, Position.ofFile(where), "page " + p.path()
                        + " is both a document and a generated page; the document is kept",
                        "move the document to another folder");
            }
        }
        return List.copyOf(byPath.values());
    }

    private void writeOutputs(Path staging, KnowledgeBase kb, SiteView view, SiteUrls urls, List<Page> pages,
                              Diagnostics diagnostics) throws IOException {
        if (urls.known()) {
            text(staging, "feed.xml", new AtomFeed(config, urls).write(view, kb));
            Map<String, LocalDate> listed = new TreeMap<>();
            for (Page p : pages) {
                if (p.listed()) {
                    Object doc = p.model().get("doc");
                    listed.put(p.path(), doc instanceof Document d ? lastModified(kb, d) : null);
                }
            }
            text(staging, "sitemap.xml", Sitemap.write(urls, listed));
        } else {
            // One note for both: each needs absolute URLs, which only base_url gives.
            diagnostics.add(new Diagnostic(Severity.INFO, RULE_SITEMAP, Position.ofFile(SiteConfig.FILE_NAME),
                    "no `base_url`: sitemap.xml and feed.xml are not written, as they need absolute URLs",
                    "set `base_url` in hindsight.yml, or pass --base-url"));
        }
        SearchIndex.build(kb.documents()).writeTo(staging.resolve("search/data"));
        ApiFiles api = new ApiFiles(view, kb);
        text(staging, "api/postmortems.json", api.postmortems());
        text(staging, "api/runbooks.json", api.runbooks());
        text(staging, "api/action-items.json", api.actionItems());
        text(staging, "api/action-items.csv", api.actionItemsCsv());
        for (Map.Entry<String, String> e : SchemaSet.documents(config).entrySet()) {
            text(staging, "schema/" + Slugs.slug(e.getKey()) + ".schema.json", e.getValue());
        }
    }

    private static LocalDate lastModified(KnowledgeBase kb, Document d) {
        return kb.history(d).map(FileHistory::lastUpdated)
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).orElse(d.meta().date());
    }

    /**
     * Writes a file unless it already holds these bytes. A file that changes is written beside its
     * place and moved over it, so a reader (the preview) never sees half a page.
     */
    private static void text(Path dir, String path, String content) throws IOException {
        Path file = dir.resolve(path);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.write(file, bytes);
            return;
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".hindsight-tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Map<String, Object> base(String rootPrefix) {
        Map<String, Object> m = new HashMap<>();
        m.put("site", config);
        m.put("root", rootPrefix);
        m.put("fmt", fmt);
        m.put("showAuthors", config.git().authors());
        return m;
    }

    /** {@code repo.edit_url} with {@code {path}} replaced by the percent-encoded repository path; "" when unset. */
    static String editUrl(String pattern, String repositoryPath) {
        if (pattern.isEmpty()) {
            return "";
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : repositoryPath.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return pattern.replace("{path}", encoded);
    }

    private static String template(Document doc) {
        if (doc instanceof Postmortem) {
            return "postmortem.ftlh";
        }
        if (doc instanceof Runbook) {
            return "runbook.ftlh";
        }
        return "document.ftlh";
    }

    /** "../../" for "a/b/index.html": the way back to the site root from a page. */
    static String rootFor(String pagePath) {
        int depth = (int) pagePath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth);
    }

    private void page(Path dir, Page p, Diagnostics diagnostics, AtomicBoolean failed) {
        StringWriter w = new StringWriter(16 * 1024);
        try {
            renderer.render(p.template(), p.model(), w);
        } catch (Renderer.RenderException e) {
            diagnostics.error(RULE_TEMPLATE, Position.of("templates/" + e.template(), e.line(), e.column()),
                    "template failed while rendering " + p.path() + ": " + e.getMessage());
            failed.set(true);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Path> inside = insideOutput(dir, p.path());
        if (inside.isEmpty()) {
            diagnostics.error(RULE_PAGE_PATH, Position.ofFile(p.path()),
                    "page path `" + p.path() + "` is not a plain relative path inside the output directory; not written");
            failed.set(true);
            return;
        }
        try {
            text(dir, p.path(), w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where page {@code path} goes under {@code staging}, or empty when the path could land anywhere
     * else: absolute, with {@code ..} or {@code .} segments, empty segments, backslashes or control
     * characters. Pages paths come from file names today, and from front-matter values (service ids,
     * tags, alert names) as soon as pages are made for them: this check is the last line either way.
     */
    static Optional<Path> insideOutput(Path staging, String path) {
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) {
                return Optional.empty();
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        Path file;
        try {
            file = staging.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return file.startsWith(staging) && !file.equals(staging) ? Optional.of(file) : Optional.empty();
    }

    private void copyAssets(Path staging) throws IOException {
        Path dir = staging.resolve("assets");
        Files.createDirectories(dir);
        for (String name : renderer.assetNames()) {
            try (InputStream in = renderer.asset(name)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The site's {@code static/} folder, copied as is (symbolic links are not followed). */
    private void copyStatic(Path staging) throws IOException {
        Path src = root.resolve("static");
        if (!Files.isDirectory(src)) {
            return;
        }
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(staging.resolve(src.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, staging.resolve(src.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
