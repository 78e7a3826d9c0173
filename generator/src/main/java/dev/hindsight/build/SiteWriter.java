package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.publish.PreviousSite;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
import dev.hindsight.diag.Position;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.git.FileHistory;
import dev.hindsight.git.GitHistory;
import dev.hindsight.alerting.AlertCatalog;
import dev.hindsight.alerting.Alerting;
import dev.hindsight.api.BuildListener;
import dev.hindsight.api.Stage;
import dev.hindsight.render.AlertPages;
import dev.hindsight.render.ApiFiles;
import dev.hindsight.render.AtomFeed;
import dev.hindsight.render.Formats;
import dev.hindsight.render.LearningViews;
import dev.hindsight.render.Page;
import dev.hindsight.render.Reads;
import dev.hindsight.render.Renderer;
import dev.hindsight.render.SiteUrls;
import dev.hindsight.render.SiteView;
import dev.hindsight.render.Sitemap;
import dev.hindsight.text.Slugs;
import dev.hindsight.search.SearchIndex;
import dev.hindsight.search.SearchIndexer;
import dev.hindsight.search.Synonyms;
import dev.hindsight.validate.SchemaSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Predicate;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * Renders every page into a staging directory and publishes it when nothing failed. Over 400 lines because
 * the plan, the parallel rendering and the data files share one writer's state across builds (what it wrote,
 * by checksum; the last plan and search index); its self-contained parts live beside it ({@link StaticFolder},
 * {@link LinkedFileCopies}).
 */
final class SiteWriter implements AutoCloseable {

    static final String RULE_TEMPLATE = "template";
    static final String RULE_PAGE_CONFLICT = "page-conflict";
    static final String RULE_SITEMAP = "sitemap";
    static final String RULE_PAGE_PATH = "page-path";
    static final String RULE_STATIC_CONFLICT = "static-conflict";
    static final String RULE_STATIC_DOTFILE = "static-dotfile";

    private final SiteConfig config;
    private final Path root;
    private final Renderer renderer;
    private final Set<String> overridden;
    private final Formats fmt = new Formats();
    private final SearchIndexer search;
    /** The alert rule files of the build, read once (by the pipeline's setup). */
    private final Alerting.Rules alertRules;
    /** The search index the output holds, as written by the last build; null when unknown. */
    private SearchIndex lastIndex;
    /** Whether this writer serves the successive builds of a preview session (else it writes one site). */
    private final boolean preview;
    /**
     * Whether a one-shot build streams ({@link #released}): each body's HTML goes as soon as the pages that show
     * it are written. Off, the documents are kept whole until the build ends, as a preview keeps them; the output
     * is the same either way (a test builds sites both ways).
     */
    private final boolean streaming;
    /** Where {@link #keep} holds the bodies' HTML until their pages are written; null until then, or when it cannot. */
    private BodySpill spill;

    SiteWriter(SiteConfig config, Path root) {
        this(config, root, false);
    }

    /** @param preview whether this writer serves the successive builds of a preview session */
    SiteWriter(SiteConfig config, Path root, boolean preview) {
        this(config, root, preview, Alerting.read(config, root));
    }

    /** @param alertRules the alert rule files {@code alerting.rules} names, as the build read them */
    SiteWriter(SiteConfig config, Path root, boolean preview, Alerting.Rules alertRules) {
        this(config, root, preview, alertRules, !preview);
    }

    /** @param streaming whether a one-shot build streams ({@link #streaming}); never a preview's */
    SiteWriter(SiteConfig config, Path root, boolean preview, Alerting.Rules alertRules, boolean streaming) {
        this.streaming = streaming && !preview;
        this.config = config;
        this.alertRules = alertRules;
        this.root = root;
        this.preview = preview;
        this.renderer = new Renderer(root.resolve("templates"), preview);
        this.overridden = overridden(root.resolve("templates"));
        this.search = new SearchIndexer(SiteUrls::path,
                Synonyms.of(config.search().synonyms(), config.search().extraSynonyms()));
    }

    /** The names of the templates the site's {@code templates/} folder holds (and overrides). */
    Set<String> overriddenTemplates() {
        return overridden;
    }

    private static Set<String> overridden(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code kb} for a one-shot {@link #write} once its checks are done, without what only they and the search
     * index read, so that it goes now rather than when the last page is written: each document's source text
     * and front-matter positions ({@link Document#with}); and, unless the site overrides a template (its own
     * templates may read anything of a document), the blocks and plain text of each body
     * ({@link dev.hindsight.markdown.ParsedMarkdown#forPages()}), after the search entries are made of the
     * whole documents. Front-matter values, headings and links stay; so does the HTML, held until the pages that
     * show it are written ({@link dev.hindsight.markdown.ParsedMarkdown#streamed()}, {@link #write}) with the
     * built-in templates, else until the build ends. Without {@link #streaming}, {@code kb} as it is.
     */
    KnowledgeBase released(KnowledgeBase kb) {
        if (!streaming) {
            return kb;
        }
        boolean builtInTheme = overridden.isEmpty();
        List<Document> whole = kb.documents();
        List<Document> shown = whole.stream().map(d -> d.with(d.meta().withoutSourceText(),
                builtInTheme ? d.body().streamed() : d.body())).toList();
        if (builtInTheme) {
            search.prepare(whole, shown); // the entries made as each document was read ({@link #keep}) move
        }
        Map<Document, Document> byWhole = new java.util.IdentityHashMap<>(whole.size() * 2);
        for (int i = 0; i < whole.size(); i++) {
            byWhole.put(whole.get(i), shown.get(i));
        }
        return kb.map(byWhole::get);
    }

    /**
     * What the load of a one-shot build with the built-in templates keeps of each document as it is read: its
     * search entry, made now of the whole document, and the document as its checks and pages read it
     * ({@link CheckedShape#streamed}: no file text, no plain text, blocks as shapes, the HTML held in a temporary
     * file, {@link BodySpill}, until its pages are written and this writer is {@link #close closed}). The whole
     * document is then garbage at once instead of when every document has been read (issue 18: the live set of a
     * build does not grow with the text of the site). A preview, a site with its own
     * templates (which may read anything of a document) or a build that does not stream keeps documents whole.
     */
    SiteBuilder.Keep keep() {
        if (!streaming || !overridden.isEmpty()) {
            return SiteBuilder.Keep.WHOLE;
        }
        close(); // a writer keeps the documents of one load
        BodySpill bodies = BodySpill.open();
        spill = bodies;
        java.util.function.Function<String, java.util.function.Supplier<String>> hold =
                bodies == null ? dev.hindsight.markdown.ParsedMarkdown::held : bodies::hold;
        return new SiteBuilder.Keep() {
            private volatile Duration wall = Duration.ZERO;

            @Override
            public Document keep(Document whole) {
                Document kept = CheckedShape.streamed(whole, hold);
                search.prepare(whole, kept);
                return kept;
            }

            @Override
            public void took(Duration took) {
                wall = took;
            }

            @Override
            public Duration wall() {
                return wall;
            }
        };
    }

    /**
     * Lets go of what {@link #keep} held outside the heap (the file of the bodies' HTML): once the pages are written,
     * or when the build ends before them. The documents it kept cannot show their bodies after this.
     */
    @Override
    public void close() {
        BodySpill s = spill;
        spill = null;
        if (s != null) {
            s.close();
        }
    }

    /** Returns the number of pages written, or -1 when the site was not published. */
    int write(KnowledgeBase kb, ServiceCatalog catalog, OutputDirectory out, Diagnostics diagnostics)
            throws IOException {
        return write(kb, catalog, out, diagnostics, PageReads.NONE);
    }

    /** As {@link #write(KnowledgeBase, ServiceCatalog, OutputDirectory, Diagnostics)}; each page's reads go to {@code reads}. */
    int write(KnowledgeBase kb, ServiceCatalog catalog, OutputDirectory out, Diagnostics diagnostics, PageReads reads)
            throws IOException {
        return write(kb, catalog, out, diagnostics, reads, Alerting.catalog(config, alertRules, kb));
    }

    /** As above, with the alert catalog of {@code kb} the build already made (when it checked the site). */
    int write(KnowledgeBase kb, ServiceCatalog catalog, OutputDirectory out, Diagnostics diagnostics, PageReads reads,
              AlertCatalog alerts) throws IOException {
        return write(kb, catalog, out, diagnostics, reads, alerts, BuildListener.SILENT);
    }

    /** As above, telling {@code listener} of the stages render, search and write, and of each page written. */
    int write(KnowledgeBase kb, ServiceCatalog catalog, OutputDirectory out, Diagnostics diagnostics, PageReads reads,
              AlertCatalog alerts, BuildListener listener) throws IOException {
        out.checkWritable();
        Path staging = out.stage();
        long renderStart = System.nanoTime();
        AtomicBoolean failed = new AtomicBoolean();
        lastPlan = null;
        lastIndex = null; // the staging directory starts empty
        written.clear();
        previousSite = out.previous(staging);
        freshStaging = staging;
        FutureTask<Void> data = null;
        try {
            Plan plan = plan(kb, catalog, diagnostics, alerts);
            // The data files (search index, api/, feed) need no page: made on their own thread meanwhile.
            listener.started(Stage.RENDER, plan.pages().size());
            data = new FutureTask<>(() -> {
                listener.started(Stage.SEARCH, kb.documents().size());
                long searchStart = System.nanoTime();
                writeData(staging, plan, kb);
                listener.ended(Stage.SEARCH, kb.documents().size(), SiteBuilder.since(searchStart));
                return null;
            });
            new Thread(data, "hindsight-data").start();
            BodyReaders readers = streaming && overridden.isEmpty() ? BodyReaders.of(plan.pages()) : BodyReaders.NONE;
            renderAll(List.copyOf(plan.pages()), p -> {
                if (page(staging, plan, p, diagnostics, failed, reads)) {
                    readers.written(p);
                }
                listener.pageWritten();
            });
            listener.ended(Stage.RENDER, plan.pages().size(), SiteBuilder.since(renderStart));
            await(data);
            listener.started(Stage.WRITE, plan.pages().size());
            long writeStart = System.nanoTime();
            noteData(plan, diagnostics);
            writeSchemas(staging);
            copyLinkedFiles(staging, plan, diagnostics);
            copyAssets(staging);
            copyStatic(staging, diagnostics);
            if (failed.get()) {
                out.discard(staging);
                lastIndex = null;
                written.clear();
                return -1;
            }
            out.publish(staging);
            listener.ended(Stage.WRITE, plan.pages().size(), SiteBuilder.since(writeStart));
            lastPlan = plan;
            return plan.pages().size();
        } catch (IOException | RuntimeException | Error e) { // out of stack or memory in a template too
            if (data != null) {
                quietlyAwait(data); // it writes into the staging directory about to be removed
            }
            lastIndex = null;
            written.clear();
            out.discard(staging);
            throw e;
        } finally {
            freshStaging = null;
            previousSite = PreviousSite.none();
        }
    }

    /**
     * Renders {@code pages} in parallel and returns when every one has ended; the first exception or error
     * (a template out of stack, say) is rethrown then, and the pages not yet begun are skipped. A parallel
     * stream would rethrow it at once, while other pages are still being written into the directory the
     * caller is about to remove.
     *
     * <p>The pages are taken in order from one shared counter, by the caller and by one task per worker of the
     * common pool: no task tree to split and join (a parallel stream's caller spent a twentieth of the render
     * in {@code ForkJoinPool.helpComplete} waiting for its subtasks). A worker that starts once every page is
     * taken ends at once; the caller waits for the pages taken, not for the workers.
     */
    private static void renderAll(List<Page> pages, java.util.function.Consumer<Page> render) {
        java.util.concurrent.atomic.AtomicReference<Throwable> first = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(pages.size());
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                try {
                    if (first.get() == null) {
                        render.accept(pages.get(i));
                    }
                } catch (RuntimeException | Error e) {
                    first.compareAndSet(null, e);
                } finally {
                    ended.countDown();
                }
            }
        };
        int helpers = Math.min(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism(), pages.size() - 1);
        for (int h = 0; h < helpers; h++) {
            java.util.concurrent.ForkJoinPool.commonPool().execute(work);
        }
        work.run();
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the pages under way write into the directory: they end first
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = first.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
    }

    /** Waits for {@code task} to end, whatever its outcome: the caller is already failing. */
    private static void quietlyAwait(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the first failure is the one reported
        }
    }

    /** Waits for {@code task}; its exceptions are rethrown as they were thrown. */
    private static void await(FutureTask<Void> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing the data files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Renders {@code pages} of {@code plan} again, in place, and removes the pages at {@code removed}
     * (paths of the last plan that this one no longer has). Files whose bytes did not change are not
     * touched. The data files (feed, sitemap, search index, api/) are left to {@link #writeData}.
     * Returns the number of pages rendered, or -1 when a template failed (the old pages stay).
     */
    int update(Plan plan, Path out, List<Page> pages, List<String> removed, Diagnostics diagnostics, PageReads reads)
            throws IOException {
        AtomicBoolean failed = new AtomicBoolean();
        renderAll(pages, p -> page(out, plan, p, diagnostics, failed, reads));
        if (failed.get()) {
            return -1;
        }
        for (String gone : removed) {
            Files.deleteIfExists(out.resolve(gone));
        }
        copyLinkedFiles(out, plan, diagnostics);
        lastPlan = plan;
        return pages.size();
    }

    /** The plan of the last write or update: what the next update compares with and removes pages of. */
    private Plan lastPlan;

    Plan lastPlan() {
        return lastPlan;
    }

    /**
     * Every page of a build, with the views they share. Page models are made when a page is rendered,
     * so that planning a preview update costs little more than the views.
     */
    record Plan(List<Document> documents, GitHistory git, Page.Shared shared, Map<String, Page> byPath,
                AlertCatalog alerts) {

        Plan {
            byPath = java.util.Collections.unmodifiableMap(byPath);
        }

        /** In the order of a build: home, documents, lists, services, tags, alerts, search, 404. */
        Collection<Page> pages() {
            return byPath.values();
        }

        SiteView view() {
            return shared.view();
        }

        SiteUrls urls() {
            return shared.urls();
        }
    }

    Plan plan(KnowledgeBase kb, ServiceCatalog catalog, Diagnostics diagnostics) {
        return plan(kb, catalog, diagnostics, Alerting.catalog(config, alertRules, kb));
    }

    Plan plan(KnowledgeBase kb, ServiceCatalog catalog, Diagnostics diagnostics, AlertCatalog alerts) {
        SiteView view = new SiteView(kb, catalog, config, LearningViews.of(kb, catalog, config, root),
                alertPages(alerts, kb.git()));
        SiteUrls urls = new SiteUrls(config.baseUrl());
        return new Plan(kb.documents(), kb.git(), new Page.Shared(config, fmt, view, urls),
                withoutConflicts(pages(kb.documents(), kb.git(), view, urls), diagnostics), alerts);
    }

    /** The alert pages of a catalog, with edit links to the rule files (within the repository only). */
    private AlertPages alertPages(AlertCatalog alerts, GitHistory git) {
        return AlertPages.of(alerts, file -> ruleFileEditUrl(config.editUrl(), git, file));
    }

    /**
     * The edit link of a rule file at {@code file} (from the site root, {@code ../} when outside it): "" without
     * {@code repo.edit_url}, or when the file lies outside the repository.
     */
    static String ruleFileEditUrl(String pattern, GitHistory git, String file) {
        String repoPath = normalized(git.repositoryPath(file));
        return repoPath.isEmpty() ? "" : editUrl(git.editPattern(pattern, file), repoPath);
    }

    /** {@code path} with its {@code .} and {@code ..} segments resolved; "" when it climbs above its start. */
    static String normalized(String path) {
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (out.isEmpty()) {
                    return "";
                }
                out.removeLast();
            } else {
                out.addLast(s);
            }
        }
        return String.join("/", out);
    }

    /**
     * The plan of {@code documents} (sorted by path), which are {@code previous}'s without those
     * {@code gone} and with those {@code added}: its view is patched rather than worked out again.
     */
    Plan plan(Plan previous, List<Document> documents, List<Document> gone, List<Document> added,
              Diagnostics diagnostics) {
        AlertCatalog alerts = alertsTouched(previous.alerts(), gone, added)
                ? Alerting.catalog(config, alertRules, new KnowledgeBase(documents, previous.git(), null, true))
                : previous.alerts();
        SiteView view = alerts == previous.alerts() ? previous.view().next(gone, added)
                : previous.view().next(gone, added, alertPages(alerts, previous.git()));
        return new Plan(documents, previous.git(), new Page.Shared(config, fmt, view, previous.urls()),
                withoutConflicts(pages(documents, previous.git(), view, previous.urls()), diagnostics), alerts);
    }

    /**
     * Whether an update of {@code gone} and {@code added} documents may change the alert catalog: a runbook
     * changed, a document came or went (runbook URLs lead to paths), a document the catalog holds changed, or a
     * changed document names alerts. An edit of anything else leaves it as it was, and it is not joined again.
     */
    static boolean alertsTouched(AlertCatalog catalog, List<Document> gone, List<Document> added) {
        Set<String> gonePaths = new java.util.HashSet<>();
        gone.forEach(d -> gonePaths.add(d.meta().sourcePath()));
        Set<String> addedPaths = new java.util.HashSet<>();
        added.forEach(d -> addedPaths.add(d.meta().sourcePath()));
        if (!gonePaths.equals(addedPaths)) {
            return true;
        }
        for (Document d : added) {
            if (d instanceof dev.hindsight.model.Runbook || d.meta().source().frontMatter().has("alerts")) {
                return true;
            }
        }
        Set<String> held = new java.util.HashSet<>();
        for (AlertCatalog.Alert a : catalog.alerts().values()) {
            if (a.runbook() != null) {
                held.add(a.runbook().meta().sourcePath());
            }
            a.definitions().stream().filter(x -> x.page() != null).forEach(x -> held.add(x.page().meta().sourcePath()));
            a.incidents().forEach(i -> held.add(i.postmortem().meta().sourcePath()));
        }
        return gone.stream().anyMatch(d -> d instanceof dev.hindsight.model.Runbook
                || held.contains(d.meta().sourcePath()));
    }

    /** Every page, in an order where a document's page comes before a generated page at its path. */
    private List<Page> pages(List<Document> documents, GitHistory git, SiteView view, SiteUrls urls) {
        List<Page> pages = new ArrayList<>(documents.size() + view.services().size() + view.tags().size()
                + view.alerts().size() + Page.SiteWide.Kind.values().length + 1);
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.HOME));
        for (Document doc : documents) {
            String source = doc.meta().sourcePath();
            pages.add(new Page.OfDocument(doc, git.file(source).orElse(null),
                    editUrl(git.editPattern(config.editUrl(), source), git.repositoryPath(source))));
        }
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.POSTMORTEMS));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.RUNBOOKS));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.SERVICES));
        view.services().forEach(s -> pages.add(new Page.OfService(s)));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.TAGS));
        view.tags().forEach(t -> pages.add(new Page.OfTag(t)));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.ACTION_ITEMS));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.METRICS));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.ALERTS));
        view.alertPages().forEach(a -> pages.add(new Page.OfAlertRule(a)));
        view.alerts().stream().filter(a -> !view.alertDefined(a.name())).forEach(a -> pages.add(new Page.OfAlert(a)));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.PATTERNS));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.FACTORS));
        view.taxonomy().forEach(f -> pages.add(new Page.OfFactor(f)));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.ONCALL));
        view.oncallTeams().forEach(t -> pages.add(new Page.OfTeam(t)));
        pages.add(new Page.SiteWide(Page.SiteWide.Kind.SEARCH));
        pages.add(new Page.NotFound(urls));
        return pages;
    }

    /** A document whose page path is also a generated page (a custom kind in {@code services/}, say) wins. */
    private static Map<String, Page> withoutConflicts(List<Page> pages, Diagnostics diagnostics) {
        Map<String, Page> byPath = new LinkedHashMap<>(pages.size() * 2);
        for (Page p : pages) {
            Page first = byPath.putIfAbsent(p.path(), p);
            if (first != null) {
                String where = first.document().map(d -> d.meta().sourcePath()).orElse(p.path());
                diagnostics.warning(RULE_PAGE_CONFLICT, Position.ofFile(where), "page " + p.path()
                        + " is both a document and a generated page; the document is kept",
                        "move the document to another folder");
            }
        }
        return byPath;
    }

    /**
     * The files made from the whole knowledge base rather than pages: feed, sitemap, search index and
     * api/. A preview writes them after the pages, so that open pages can reload first.
     */
    void writeData(Path dir, Plan plan, KnowledgeBase kb) throws IOException {
        SiteUrls urls = plan.urls();
        if (urls.known()) {
            text(dir, "feed.xml", new AtomFeed(config, urls).write(plan.view(), kb));
            Map<String, LocalDate> listed = new TreeMap<>();
            for (Page p : plan.pages()) {
                if (p.listed()) {
                    listed.put(p.path(), p.document().map(d -> lastModified(kb, d)).orElse(null));
                }
            }
            text(dir, "sitemap.xml", Sitemap.write(urls, listed));
        }
        SearchIndex previous = lastIndex;
        lastIndex = null; // should writing fail half way
        if (preview) {
            SearchIndex index = search.build(kb.documents());
            index.writeTo(dir.resolve("search/data"), previous);
            lastIndex = index;
        } else {
            // written once, each file as it is made; an unchanged one linked to the published site's
            search.write(kb.documents(), dir.resolve("search/data"), previousFor(dir)::linked);
        }
        ApiFiles api = new ApiFiles(plan.view(), kb);
        text(dir, "api/postmortems.json", api.postmortems());
        text(dir, "api/runbooks.json", api.runbooks());
        text(dir, "api/action-items.json", api.actionItems());
        text(dir, "api/action-items.csv", api.actionItemsCsv());
        for (Map.Entry<String, String> f : api.learningFiles().entrySet()) {
            text(dir, f.getKey(), f.getValue());
        }
        for (Map.Entry<String, String> f : ApiFiles.learningSchemas().entrySet()) {
            text(dir, f.getKey(), f.getValue());
        }
        text(dir, "api/alerts.json", api.alerts(config, plan.alerts()));
    }

    /** What {@link #writeData} leaves out, and why. */
    void noteData(Plan plan, Diagnostics diagnostics) {
        if (!plan.urls().known()) {
            // One note for both: each needs absolute URLs, which only base_url gives.
            diagnostics.add(new Diagnostic(Severity.INFO, RULE_SITEMAP, Position.ofFile(SiteConfig.FILE_NAME),
                    "no `base_url`: sitemap.xml and feed.xml are not written, as they need absolute URLs",
                    "set `base_url` in hindsight.yml, or pass --base-url"));
        }
    }

    private void writeSchemas(Path dir) throws IOException {
        for (Map.Entry<String, String> e : SchemaSet.documents(config).entrySet()) {
            text(dir, "schema/" + Slugs.slug(e.getKey()) + ".schema.json", e.getValue());
        }
    }

    private static LocalDate lastModified(KnowledgeBase kb, Document d) {
        return kb.history(d).map(FileHistory::lastUpdated)
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).orElse(d.meta().date());
    }

    /**
     * Writes a file unless it already holds these bytes. A file that changes is written beside its
     * place and moved over it, so a reader (the preview) never sees half a page. What this writer wrote
     * last to each path is remembered by a checksum: a file known to differ is not read back first.
     */
    private void text(Path dir, String path, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        bytes(dir, path, bytes, bytes.length);
    }

    /** As {@link #text}, for the first {@code length} of {@code bytes}. */
    private void bytes(Path dir, String path, byte[] bytes, int length) throws IOException {
        Path file = dir.resolve(path);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        long print = crc.getValue() << 32 | length;
        if (dir.equals(freshStaging)) {
            // A new, empty directory that only this build writes: nothing to compare or replace. Creating
            // files is most of a build's system time, so no lookup that cannot find anything is made.
            Files.createDirectories(file.getParent());
            if (!previousSite.linked(file, bytes, length)) {
                write(file, bytes, length);
            }
            written.put(path, print);
            return;
        }
        Long last = written.get(path);
        boolean differs = last != null && last != print;
        if (!differs && Files.isRegularFile(file) && Files.size(file) == length
                && java.util.Arrays.equals(Files.readAllBytes(file), 0, length, bytes, 0, length)) {
            written.put(path, print);
            return;
        }
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            write(file, bytes, length);
        } else {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".hindsight-tmp");
            write(tmp, bytes, length);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        written.put(path, print);
    }

    /** {@code Files.write(file, bytes)} for the first {@code length} bytes. */
    private static void write(Path file, byte[] bytes, int length) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes, 0, length);
        }
    }

    /**
     * Page buffers not in use: a page takes one (or makes one when none is free) and gives it back once
     * written, so there are about as many as pages rendered at once, and they go with this writer.
     */
    private final java.util.Queue<PageBuffer> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** The site the full build under way replaces, the source of its unchanged files; none outside {@link #write}. */
    private volatile PreviousSite previousSite = PreviousSite.none();

    /** Where {@code dir}'s unchanged files come from: the replaced site when {@code dir} is the fresh staging one. */
    private PreviousSite previousFor(Path dir) {
        return dir.equals(freshStaging) ? previousSite : PreviousSite.none();
    }

    /** The staging directory of the full build under way, empty when it began; null outside {@link #write}. */
    private volatile Path freshStaging;

    /** Checksum and length of what was last written to each path of the output (or staging) directory. */
    private final Map<String, Long> written = new java.util.concurrent.ConcurrentHashMap<>();

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

    /** Renders and writes page {@code p}; returns whether it was written. */
    private boolean page(Path dir, Plan plan, Page p, Diagnostics diagnostics, AtomicBoolean failed, PageReads reads) {
        PageBuffer free = buffers.poll();
        PageBuffer w = free == null ? new PageBuffer() : free;
        try {
            return render(dir, plan, p, diagnostics, failed, reads, w);
        } finally {
            buffers.add(w.reset());
        }
    }

    /**
     * For a streaming build with the built-in templates: how many pages yet to be written read each document's
     * body HTML (its own page; the pages of the alerts it handles). When the last of them is written, the HTML
     * goes ({@link dev.hindsight.markdown.ParsedMarkdown#releaseHtml()}).
     */
    record BodyReaders(Map<Document, java.util.concurrent.atomic.AtomicInteger> left) {

        static final BodyReaders NONE = new BodyReaders(Map.of());

        static BodyReaders of(Collection<Page> pages) {
            Map<Document, java.util.concurrent.atomic.AtomicInteger> left = new java.util.IdentityHashMap<>();
            for (Page p : pages) {
                for (Document d : reading(p)) {
                    left.computeIfAbsent(d, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                }
            }
            return new BodyReaders(left);
        }

        /** The documents whose body HTML the built-in template of {@code p} reads. */
        private static List<Document> reading(Page p) {
            Document d = p instanceof Page.OfDocument o ? o.doc()
                    : p instanceof Page.OfAlert a ? a.alert().runbook()
                    : p instanceof Page.OfAlertRule r ? r.alert().runbook() : null;
            return d == null ? List.of() : List.of(d);
        }

        void written(Page p) {
            for (Document d : reading(p)) {
                java.util.concurrent.atomic.AtomicInteger n = left.get(d);
                if (n != null && n.decrementAndGet() == 0) {
                    d.body().releaseHtml();
                }
            }
        }
    }

    private boolean render(Path dir, Plan plan, Page p, Diagnostics diagnostics, AtomicBoolean failed, PageReads reads,
                        PageBuffer w) {
        Reads read = reads.recorder();
        try {
            renderer.render(p, plan.shared(), w, read);
        } catch (Renderer.RenderException e) {
            diagnostics.error(RULE_TEMPLATE, Position.of("templates/" + e.template(), e.line(), e.column()),
                    "template failed while rendering " + p.path() + ": " + e.getMessage());
            failed.set(true);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Path> inside = insideOutput(dir, p.path());
        if (inside.isEmpty()) {
            diagnostics.error(RULE_PAGE_PATH, Position.ofFile(p.path()),
                    "page path `" + p.path() + "` is not a plain relative path inside the output directory; not written");
            failed.set(true);
            return false;
        }
        try {
            bytes(dir, p.path(), w.bytes(), w.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reads.rendered(p.path(), read);
        return true;
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

    /** The images and files the documents link to, copied to their own path in the output ({@link LinkedFileCopies}). */
    private void copyLinkedFiles(Path dir, Plan plan, Diagnostics diagnostics) throws IOException {
        LinkedFileCopies.copy(root, dir, plan.documents(), plan.byPath().keySet(), diagnostics, previousFor(dir));
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

    /** The site's {@code static/} folder, copied as is after everything generated ({@link StaticFolder}). */
    private void copyStatic(Path staging, Diagnostics diagnostics) throws IOException {
        StaticFolder.copy(root.resolve("static"), staging, config.staticFiles(), diagnostics, previousSite);
    }
}
