package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.alerting.AlertCatalog;
import dev.hindsight.alerting.Alerting;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildListener;
import dev.hindsight.api.Stage;
import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.config.UrlSchemes;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.GitHistoryBuilder;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentFactory;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.text.Slugs;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import dev.hindsight.validate.LocalChecks;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The pipeline: config → source → markdown → model → (validate) → render → publish. Every problem
 * in the content becomes a diagnostic and the run goes on; only setup problems (no source, bad
 * config, unwritable output) stop it early.
 */
public final class SiteBuilder {

    public static final String RULE_SETUP = "setup";
    /** The source has no {@code hindsight.yml}: most likely the wrong folder (exit 2). */
    public static final String RULE_NO_CONFIG = "no-config";
    /** No file of the source is a document of any kind: nothing to check or publish (exit 1). */
    public static final String RULE_NO_DOCUMENTS = "no-documents";
    /** The run ran out of stack: a template calling itself, or a document nested too deeply (exit 2). */
    public static final String RULE_STACK_OVERFLOW = "stack-overflow";
    /** The run ran out of Java heap (exit 2). */
    public static final String RULE_OUT_OF_MEMORY = "out-of-memory";

    private final YamlReader yaml = new YamlReader();
    /**
     * Made when the first document is parsed ({@link #markdown()}): a warm check whose documents all come from
     * the {@link DiskCache} parses none, and flexmark's parser and extensions cost ~50 ms to set up.
     */
    private volatile MarkdownParser markdown;
    /** What is kept from one load to the next: nothing for a one-shot build. */
    private final LoadCache cache;

    public SiteBuilder() {
        this(LoadCache.OneShot.INSTANCE);
    }

    /** A builder for a preview session ({@link PreviewCache}): documents and the Git history are kept between builds. */
    SiteBuilder(LoadCache cache) {
        this(cache, true);
    }

    /** Whether a build streams its pages ({@code SiteWriter#released}); off only in the test that compares both. */
    private final boolean streaming;

    SiteBuilder(LoadCache cache, boolean streaming) {
        this.cache = cache;
        this.streaming = streaming;
    }

    /**
     * Reads and checks the site; writes it too when {@code options.output()} is set. Running out of
     * stack or memory is a diagnostic (exit 2) that says where and what to do, not a stack trace.
     */
    public BuildResult run(BuildOptions options) {
        Progress progress = new Progress();
        try {
            return run(options, progress);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            // A parallel stream or a task may hand the error on wrapped.
            BuildResult exhausted = exhausted(e, progress.stage, progress.documents, options.source());
            if (exhausted == null) {
                throw e;
            }
            return exhausted;
        }
    }

    /** How far a run got: for the message when it runs out of stack or memory. */
    private static final class Progress {
        volatile String stage = "reading the configuration";
        volatile int documents;
    }

    private BuildResult run(BuildOptions options, Progress progress) {
        Diagnostics diagnostics = new Diagnostics();
        Path source = options.source().toAbsolutePath().normalize();
        if (Files.isDirectory(source) && !Files.isRegularFile(source.resolve(SiteConfig.FILE_NAME))) {
            return noConfiguration(source);
        }
        BuildListener listener = options.listener();
        long readStart = System.nanoTime();
        listener.started(Stage.READ, 0);
        Setup setup = setup(options, diagnostics);
        if (setup.failure() != null) {
            return setup.failure();
        }
        Released released = loadCheckAndRelease(options, progress, setup, diagnostics, listener, readStart);
        if (released.result() != null) {
            return released.result();
        }
        try (SiteWriter writer = released.writer()) {
            return write(writer, released, setup, listener);
        }
    }

    private BuildResult write(SiteWriter writer, Released released, Setup setup, BuildListener listener) {
        // Only what the pages read is reachable from here on: the whole documents went with the frame that
        // loaded and checked them (issue 18: the live set while the pages are written).
        try {
            KnowledgeBase shown = released.shown();
            // The released documents are new instances: the alert catalog the checks made is joined again
            // over them (in memory; the rule files are not read again).
            int pages = writer.write(shown, setup.services(), new OutputDirectory(setup.output()),
                    released.diagnostics(), PageReads.NONE,
                    Alerting.catalog(setup.config(), setup.alertRules(), shown),
                    searchFrom(listener, since(released.releaseStart())));
            return new BuildResult(released.diagnostics().sorted(), released.documents(), pages, pages < 0);
        } catch (IOException | UncheckedIOException e) {
            return setupFailure(released.diagnostics(), setup.output().toString(),
                    "cannot write the site: " + e.getMessage());
        }
    }

    /**
     * What a build writes from, once its documents are checked: the writer and the documents it shows, released
     * ({@link SiteWriter#released}); or {@code result} when the run ends there (a check, no documents, a failure).
     */
    private record Released(BuildResult result, SiteWriter writer, KnowledgeBase shown, Diagnostics diagnostics,
                            int documents, long releaseStart) {

        static Released ended(BuildResult result) {
            return new Released(result, null, null, null, 0, 0);
        }
    }

    /**
     * Loads and checks the documents; for a build, releases them for the pages. The whole knowledge base (source
     * texts, YAML trees, blocks, plain text) and the alert catalog the checks made of it are referenced only from
     * this frame, so that they are garbage once it returns, before the first page is rendered.
     */
    private Released loadCheckAndRelease(BuildOptions options, Progress progress, Setup setup,
                                         Diagnostics diagnostics, BuildListener listener, long readStart) {
        progress.stage = "reading the documents";
        SiteWriter writer;
        try {
            // Made before the documents are read: it says what a build keeps of each one as it is read.
            writer = setup.output() == null ? null
                    : new SiteWriter(setup.config(), setup.root(), false, setup.alertRules(), streaming);
        } catch (UncheckedIOException e) {
            return Released.ended(setupFailure(diagnostics, setup.output().toString(),
                    "cannot write the site: " + e.getMessage()));
        }
        Keep keep = writer == null ? Keep.WHOLE : writer.keep();
        Released released = null;
        try {
            released = loadAndCheck(options, progress, setup, diagnostics, listener, readStart, writer, keep);
            return released;
        } finally {
            if (writer != null && (released == null || released.result() != null)) {
                writer.close(); // no pages to write: what it held for them goes now
            }
        }
    }

    private Released loadAndCheck(BuildOptions options, Progress progress, Setup setup, Diagnostics diagnostics,
                                  BuildListener listener, long readStart, SiteWriter writer, Keep keep) {
        KnowledgeBase kb;
        try {
            kb = loader(options, setup).load(setup.root(), setup.output(), setup.config(), options.referenceDate(),
                    diagnostics, listener, readStart, keep);
        } catch (IOException e) {
            return Released.ended(setupFailure(diagnostics, setup.root().toString(),
                    "cannot read the site: " + e.getMessage()));
        }
        progress.documents = kb.documents().size();
        progress.stage = "checking the documents";
        listener.started(Stage.VALIDATE, kb.documents().size());
        long validateStart = System.nanoTime();
        Checked checked = check(setup, kb, diagnostics);
        listener.ended(Stage.VALIDATE, kb.documents().size(), since(validateStart));
        Diagnostics checkedDiagnostics = checked.diagnostics();
        if (kb.documents().isEmpty()) {
            // An empty site is never what a team meant to publish: fail instead of writing it.
            checkedDiagnostics.add(noDocuments(setup));
            return Released.ended(new BuildResult(checkedDiagnostics.sorted(), 0, 0, false));
        }
        if (setup.output() == null) {
            return Released.ended(new BuildResult(checkedDiagnostics.sorted(), kb.documents().size(), 0, false));
        }
        progress.stage = STAGE_WRITING;
        int documents = kb.documents().size();
        // The checks are done: what only they and the search index read goes now, not when the last page is
        // written. A preview keeps its documents whole (it checks them again).
        long releaseStart = System.nanoTime() - keep.wall().toNanos(); // the entries made as the documents were read
        return new Released(null, writer, writer.released(published(kb, options)), checkedDiagnostics, documents,
                releaseStart);
    }

    /**
     * What a load keeps of each document it has read (after the cache, so whether read now or kept from an earlier
     * run): the document itself, or for a one-shot build only what its checks, pages and search index need
     * ({@link SiteWriter#keep}), made on the reading thread so that the whole document is garbage at once (issue 18:
     * the live set does not grow with the site's text). {@link #wall} is the share of the load's wall time it took.
     */
    interface Keep {
        Keep WHOLE = d -> d;

        Document keep(Document whole);

        /** Told once, at the end of the load, the wall time {@link #keep} took (its threads' share). */
        default void took(Duration wall) {
        }

        default Duration wall() {
            return Duration.ZERO;
        }
    }

    /** The wall time since {@code start} (a {@link System#nanoTime} reading). */
    static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * {@code listener}, with {@code prepared} added to the time of {@link Stage#SEARCH}: the search entries are
     * made of each whole document before its text is released ({@link SiteWriter#released}), the index of
     * them is written alongside the pages.
     */
    private static BuildListener searchFrom(BuildListener listener, Duration prepared) {
        return new BuildListener() {
            @Override
            public void started(Stage stage, int total) {
                listener.started(stage, total);
            }

            @Override
            public void documentRead() {
                listener.documentRead();
            }

            @Override
            public void pageWritten() {
                listener.pageWritten();
            }

            @Override
            public void ended(Stage stage, int count, Duration wall) {
                listener.ended(stage, count, stage == Stage.SEARCH ? wall.plus(prepared) : wall);
            }
        };
    }

    /**
     * Who loads the documents: this builder, or for a one-shot run with {@code options.cacheDir()} one that reads
     * them through the {@link DiskCache} there (this builder when the cache cannot be used: the run goes on
     * without it).
     */
    private SiteBuilder loader(BuildOptions options, Setup setup) {
        if (cache != LoadCache.OneShot.INSTANCE || options.cacheDir() == null) {
            return this;
        }
        return DiskCache.open(options.cacheDir(), setup.root(), setup.output() != null, options.baseUrl(),
                ToolFingerprint.current()).map(SiteBuilder::new).orElse(this);
    }

    /**
     * Where a one-shot run with {@code options.cacheDir()} keeps its parsed {@code services.yml} ({@link CatalogStore},
     * beside the {@link DiskCache}'s entries); nowhere for a preview or without a cache.
     */
    private ServiceCatalog.Store catalogStore(BuildOptions options) {
        if (cache != LoadCache.OneShot.INSTANCE || options.cacheDir() == null) {
            return ServiceCatalog.Store.NONE;
        }
        return CatalogStore.in(options.cacheDir(), ToolFingerprint.current());
    }

    /** What a build reads before the documents; {@code failure} is set when it cannot go on. */
    record Setup(Path root, Path output, SiteConfig config, ServiceCatalog services, BuildResult failure,
                 Alerting.Rules alertRules) {
    }

    Setup setup(BuildOptions options, Diagnostics diagnostics) {
        Path root = options.source().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return failed(setupFailure(diagnostics, root.toString(), "source directory does not exist: " + root));
        }
        Diagnostics configDiagnostics = new Diagnostics();
        SiteConfig config;
        try {
            config = new ConfigParser(yaml).load(root, configDiagnostics);
        } catch (IOException e) {
            return failed(setupFailure(diagnostics, SiteConfig.FILE_NAME, "cannot read configuration: " + e.getMessage()));
        }
        diagnostics.addAll(configDiagnostics.sorted());
        if (configDiagnostics.hasErrors()) {
            return failed(new BuildResult(diagnostics.sorted(), 0, 0, true));
        }
        Optional<String> scheme = UrlSchemes.refused(options.baseUrl());
        if (scheme.isPresent()) {
            return failed(setupFailure(diagnostics, root.toString(), "the base URL must be an http:// or https:// "
                    + "address, not `" + scheme.get() + ":`"));
        }
        if (!options.baseUrl().isEmpty()) {
            config = config.withBaseUrl(options.baseUrl());
        }
        Path output = null;
        if (options.output() != null) {
            // Compared and written with links resolved: a link cannot smuggle the output into the source.
            output = realPath(options.output());
            Optional<String> refused = refuseOutput(realPath(root), output);
            if (refused.isPresent()) {
                return failed(setupFailure(diagnostics, options.output().toString(), refused.get()));
            }
            try {
                new OutputDirectory(output).recover();
            } catch (IOException e) {
                return failed(setupFailure(diagnostics, output.toString(),
                        "cannot restore the previous site: " + e.getMessage()));
            }
        }
        try {
            return new Setup(root, output, config, ServiceCatalog.load(root, yaml, Slugs::slug, diagnostics,
                    catalogStore(options)), null,
                    Alerting.read(config, root)); // once per build: checks, pages and api/alerts.json share it
        } catch (IOException e) {
            return failed(setupFailure(diagnostics, root.toString(), "cannot read the site: " + e.getMessage()));
        }
    }

    private static Setup failed(BuildResult result) {
        return new Setup(null, null, null, null, result, Alerting.Rules.none());
    }

    /** Runs every rule; returns the diagnostics with the site's per-rule settings applied. */
    static Diagnostics validate(Setup setup, KnowledgeBase kb, Diagnostics diagnostics) {
        return check(setup, kb, diagnostics).diagnostics();
    }

    /** What checking a site gives: its diagnostics (rule settings applied) and the alert catalog it checked. */
    record Checked(Diagnostics diagnostics, AlertCatalog alerts) {
    }

    /** As {@link #validate}, with the alert catalog the checks worked on: the build hands it to pages and API. */
    static Checked check(Setup setup, KnowledgeBase kb, Diagnostics diagnostics) {
        checkRuleNames(setup.config(), diagnostics);
        AlertCatalog alerts = Validator.forSite(setup.config(), setup.root(), diagnostics)
                .validate(kb, setup.services(), kb.referenceDate().orElse(null), diagnostics, setup.alertRules(),
                        true); // the document-local rules ran as each document was read (readDocument)
        return new Checked(applyRuleSettings(setup.config(), diagnostics), alerts);
    }

    /**
     * The alert catalog of the published documents: the checked one ({@code checked}, of {@code all}) when
     * nothing is left out; else the rules already read joined again with what is shown (no file is read), so
     * that no page links to a draft the site does not publish.
     */
    static AlertCatalog alertsShown(Setup setup, KnowledgeBase all, KnowledgeBase shown, AlertCatalog checked) {
        return shown.documents().size() == all.documents().size() ? checked
                : Alerting.catalog(setup.config(), setup.alertRules(), shown);
    }

    static KnowledgeBase published(KnowledgeBase kb, BuildOptions options) {
        return options.includeDrafts() ? kb : kb.filter(d -> !d.meta().isDraft());
    }

    /** Parses the documents while the Git history is read on its own thread. */
    KnowledgeBase load(Path root, Path output, SiteConfig config, LocalDate requestedDate,
                       Diagnostics diagnostics) throws IOException {
        return load(root, output, config, requestedDate, diagnostics, BuildListener.SILENT, System.nanoTime());
    }

    /**
     * As above, telling {@code listener} of the stages read (begun at {@code readStart}, with the setup), Git
     * and parse, and of each document read.
     */
    KnowledgeBase load(Path root, Path output, SiteConfig config, LocalDate requestedDate,
                       Diagnostics diagnostics, BuildListener listener, long readStart) throws IOException {
        return load(root, output, config, requestedDate, diagnostics, listener, readStart, Keep.WHOLE);
    }

    /** As above, keeping of each document what {@code keep} makes of it. */
    KnowledgeBase load(Path root, Path output, SiteConfig config, LocalDate requestedDate,
                       Diagnostics diagnostics, BuildListener listener, long readStart, Keep keep) throws IOException {
        Diagnostics gitDiagnostics = new Diagnostics();
        GitHistoryBuilder gitBuilder = new GitHistoryBuilder(root, gitDiagnostics, config.git().bots(),
                cache.historyStore());
        boolean check = output == null;
        GitHistoryBuilder historyBuilder = check ? gitBuilder.withoutShortIds() : gitBuilder; // a check shows no commits
        // A build reads the whole history, on its own thread while the documents are read. A check needs a file's
        // history only for a runbook without `last_reviewed`, whose last commit counts as its review: the walk starts
        // when the first such runbook is read, and a check that meets none reads HEAD alone (the reference date and
        // the repository's diagnostics) once the documents are read.
        Function<GitHistoryBuilder, Callable<GitHistory>> read = b -> timedGit(listener, cache.history(root, b));
        GitThread git = new GitThread(read.apply(historyBuilder));
        if (!check) {
            git.start();
        }

        SiteSource source = new SiteSource(root, yaml, config.limits().maxFileSize());
        Set<Path> excluded = output == null ? Set.of() : Set.of(output);
        List<String> paths = source.scan(excluded, diagnostics).stream().filter(config.paths()::includes).toList();
        DocumentFactory factory = new DocumentFactory(config);
        LocalChecks local = Validator.localChecks(config);
        long scanned = System.nanoTime();
        listener.started(Stage.PARSE, paths.size());
        LoadTime time = LoadTime.start();
        List<Document> docs = paths.parallelStream()
                .map(p -> {
                    Document d = loadOne(source, factory, local, p, output != null, diagnostics, time);
                    listener.documentRead();
                    if (d == null) {
                        return null;
                    }
                    if (check && KnowledgeBase.datedByGit(d, config.git().freshnessFallback())) {
                        git.start();
                    }
                    long kept = System.nanoTime();
                    d = keep.keep(d);
                    time.kept().add(System.nanoTime() - kept);
                    return d;
                })
                .filter(d -> d != null)
                .toList();
        long loaded = System.nanoTime();
        // Each document is read, parsed, then kept, on every core: the shared wall time is split as the threads' was.
        long all = time.read().sum() + time.parse().sum() + time.kept().sum();
        long readShare = all == 0 ? 0 : Math.round((loaded - scanned) * (time.read().sum() / (double) all));
        long keptShare = all == 0 ? 0 : Math.round((loaded - scanned) * (time.kept().sum() / (double) all));
        keep.took(Duration.ofNanos(keptShare));
        listener.ended(Stage.READ, paths.size(), Duration.ofNanos(scanned - readStart + readShare));
        listener.ended(Stage.PARSE, docs.size(), Duration.ofNanos(loaded - scanned - readShare - keptShare));

        GitHistory history = git.started() ? await(git.task)
                : await(GitThread.runHere(read.apply(historyBuilder.headOnly())));
        diagnostics.addAll(cache.loaded(paths, history, gitDiagnostics.sorted()));
        return new KnowledgeBase(docs, history, referenceDate(requestedDate, history),
                config.git().freshnessFallback());
    }

    /**
     * For a preview update: reads again the files at {@code paths}, which the last {@link #load} found
     * and which have changed since, into the document cache. Returns each path's document, or null
     * when it is no longer a document (deleted, unreadable, no kind).
     */
    java.util.Map<String, Document> reload(Path root, SiteConfig config, java.util.Collection<String> paths) {
        SiteSource source = new SiteSource(root, yaml, config.limits().maxFileSize());
        DocumentFactory factory = new DocumentFactory(config);
        LocalChecks local = Validator.localChecks(config);
        java.util.Map<String, Document> out = new java.util.HashMap<>();
        for (String path : paths) {
            cache.forget(path);
            out.put(path, Files.isRegularFile(root.resolve(path))
                    ? loadOne(source, factory, local, path, true, new Diagnostics(), LoadTime.start()) : null);
        }
        return out;
    }

    /** The nanoseconds the threads of a load spent reading files, parsing them and keeping them ({@link Keep}), summed. */
    record LoadTime(LongAdder read, LongAdder parse, LongAdder kept) {
        static LoadTime start() {
            return new LoadTime(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    /** {@code read}, telling {@code listener} when it starts and ends, with the files it has a history of. */
    private static Callable<GitHistory> timedGit(BuildListener listener, Callable<GitHistory> read) {
        return () -> {
            listener.started(Stage.GIT, 0);
            long start = System.nanoTime();
            GitHistory history = read.call();
            listener.ended(Stage.GIT, history.files().size(), since(start));
            return history;
        };
    }

    /** The Git history read on a thread of its own, which the first {@link #start} starts; later calls do nothing. */
    private static final class GitThread {
        final FutureTask<GitHistory> task;
        private final AtomicBoolean started = new AtomicBoolean();

        GitThread(Callable<GitHistory> read) {
            this.task = new FutureTask<>(read);
        }

        void start() {
            if (!started.get() && started.compareAndSet(false, true)) { // a read, not a write, once started
                Thread thread = new Thread(task, "hindsight-git");
                thread.setDaemon(true);
                thread.start();
            }
        }

        boolean started() {
            return started.get();
        }

        /** {@code read} run on this thread, as a task {@link #await} takes. */
        static FutureTask<GitHistory> runHere(Callable<GitHistory> read) {
            FutureTask<GitHistory> task = new FutureTask<>(read);
            task.run();
            return task;
        }
    }

    /** "Today": the requested date, else HEAD's commit date in UTC, else unknown (null). Never the clock. */
    static LocalDate referenceDate(LocalDate requested, GitHistory history) {
        return requested != null ? requested : history.headDate().orElse(null);
    }

    private static GitHistory await(FutureTask<GitHistory> git) {
        try {
            return git.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GitHistory.none();
        } catch (ExecutionException e) {
            // The builder turns repository problems into diagnostics; anything else is a bug.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One document; its body rendered to HTML only when {@code html} (a build, not a check). */
    private Document loadOne(SiteSource source, DocumentFactory factory, LocalChecks local, String path, boolean html,
                             Diagnostics diagnostics, LoadTime time) {
        return cache.document(source.root().resolve(path), path,
                d -> read(source, factory, local, path, html, d, time), diagnostics);
    }

    /** Reads one document; running out of stack or memory there names the document. */
    private Document read(SiteSource source, DocumentFactory factory, LocalChecks local, String path, boolean html,
                          Diagnostics diagnostics, LoadTime time) {
        try {
            return readDocument(source, factory, local, path, html, diagnostics, time);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new Exhaustion.DocumentExhausted(path, e);
        }
    }

    static final String STAGE_WRITING = "writing the site";

    /**
     * For the preview, whose builds do not go through {@link #run(BuildOptions)}: the one diagnostic of
     * a build that ran out of stack or memory ({@code error} as caught, perhaps wrapped by a task or a
     * parallel stream), or null when {@code error} is not that ({@link Exhaustion}).
     */
    static BuildResult exhausted(Throwable error, String stage, int documents, Path source) {
        return Exhaustion.of(error, stage, documents, source);
    }

    /**
     * Reads, parses and makes one document, and runs the rules that look at nothing else ({@code local}): their
     * diagnostics are the document's own, kept with it by a cache (issue 18: a warm check validates only what
     * depends on more than one file).
     */
    private Document readDocument(SiteSource source, DocumentFactory factory, LocalChecks local, String path,
                                  boolean html, Diagnostics diagnostics, LoadTime time) {
        long start = System.nanoTime();
        SourceDocument src = source.load(path, diagnostics);
        if (src == null) {
            time.read().add(System.nanoTime() - start);
            return null;
        }
        Optional<KindConfig> kind = factory.kindOf(src, diagnostics);
        long read = System.nanoTime();
        time.read().add(read - start);
        if (kind.isEmpty()) {
            if (!src.frontMatter().has("type")) {
                diagnostics.info(DocumentFactory.RULE_UNKNOWN_KIND, Position.ofFile(path),
                        "not in a document folder and has no `type:`; skipped");
            }
            return null;
        }
        String text = dev.hindsight.markdown.Shortcodes.rewrite(path, src.file().body(), src.file().bodyLine(),
                diagnostics);
        ParsedMarkdown body = markdown().parse(path, text, src.file().bodyLine(), diagnostics, html);
        Document document = factory.create(src, kind.get(), body, diagnostics);
        local.check(document, diagnostics);
        if (!html) {
            document = CheckedShape.of(document); // a check keeps what its rules read (issue 18)
        }
        time.parse().add(System.nanoTime() - read);
        return document;
    }

    /** The Markdown parser, made on first use (thread-safe: the parallel load shares one). */
    private MarkdownParser markdown() {
        MarkdownParser m = markdown;
        if (m == null) {
            synchronized (this) {
                m = markdown;
                if (m == null) {
                    m = new MarkdownParser();
                    markdown = m;
                }
            }
        }
        return m;
    }

    /** Rules named in {@code rules:} that do not exist are most likely typos. */
    private static void checkRuleNames(SiteConfig config, Diagnostics diagnostics) {
        Set<String> known = new java.util.TreeSet<>(Validator.ruleIds());
        known.addAll(EXTRACTION_RULES);
        Set<String> named = new java.util.TreeSet<>(config.validation().ruleSeverities().keySet());
        named.addAll(config.validation().disabledRules());
        for (String rule : named) {
            if (!known.contains(rule)) {
                diagnostics.warning(ConfigParser.RULE, Position.ofFile(SiteConfig.FILE_NAME),
                        "`rules` names unknown rule `" + rule + "`", "known rules: " + String.join(", ", known));
            }
        }
    }

    /** Rules reported while reading (before validation) that a site may also re-grade or switch off. */
    private static final Set<String> EXTRACTION_RULES = Set.of("front-matter-type", "timeline-format",
            DocumentFactory.RULE_UNKNOWN_KIND, dev.hindsight.markdown.Shortcodes.RULE,
            MarkdownParser.RULE_UNCLOSED_FENCE);

    /** Per-rule severities and switches from {@code rules:}, applied to what reading reported too. */
    private static Diagnostics applyRuleSettings(SiteConfig config, Diagnostics diagnostics) {
        Diagnostics out = new Diagnostics();
        for (Diagnostic d : diagnostics.sorted()) {
            if (!EXTRACTION_RULES.contains(d.ruleId())) {
                out.add(d);
                continue;
            }
            config.validation().severityOf(d.ruleId(), d.severity()).ifPresent(s -> out.add(d.withSeverity(s)));
        }
        return out;
    }

    /**
     * {@code path} made absolute with its symbolic links resolved as far as it exists, and the rest
     * (which may hold {@code ..}) normalised.
     */
    static Path realPath(Path path) {
        Path abs = path.toAbsolutePath();
        java.util.ArrayDeque<Path> missing = new java.util.ArrayDeque<>();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path out;
        try {
            out = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            return abs.normalize();
        }
        while (!missing.isEmpty()) {
            out = out.resolve(missing.pop());
        }
        return out.normalize();
    }

    /** The output may not be the source, contain it, or sit inside it outside an ignored folder. */
    static Optional<String> refuseOutput(Path root, Path output) {
        if (output.equals(root)) {
            return Optional.of("output directory is the source directory; choose another --output");
        }
        if (root.startsWith(output)) {
            return Optional.of("output directory " + output + " contains the source directory " + root);
        }
        if (output.startsWith(root)) {
            Path first = root.relativize(output).getName(0);
            String name = first.toString();
            if (!name.startsWith(".") && !name.equals("target") && !name.equals("build") && !name.equals("_site")) {
                return Optional.of("output directory " + output + " is inside the source directory; "
                        + "use a folder outside it, or under target/");
            }
        }
        return Optional.empty();
    }

    /** {@value #RULE_NO_CONFIG}, with the folders of Markdown files the source does hold. */
    private BuildResult noConfiguration(Path source) {
        return new BuildResult(List.of(NothingToBuild.noConfiguration(source, yaml)), 0, 0, true);
    }

    /** {@value #RULE_NO_DOCUMENTS}, naming the kinds' folders and the folders the Markdown files are in. */
    private Diagnostic noDocuments(Setup setup) {
        return NothingToBuild.noDocuments(setup, yaml);
    }

    private static BuildResult setupFailure(Diagnostics diagnostics, String where, String message) {
        List<Diagnostic> all = new ArrayList<>(diagnostics.sorted());
        all.add(new Diagnostic(Severity.ERROR, RULE_SETUP, Position.ofFile(where), message, ""));
        return new BuildResult(all, 0, 0, true);
    }
}
