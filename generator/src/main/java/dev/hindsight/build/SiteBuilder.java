package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.MarkdownFolders;
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
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
    private final MarkdownParser markdown = new MarkdownParser();
    private final DocumentCache cache;
    private GitHistory cachedHistory;
    private GitState cachedGitState;

    public SiteBuilder() {
        this(null);
    }

    /** A builder for a preview session: documents and the Git history are kept between builds. */
    SiteBuilder(DocumentCache cache) {
        this.cache = cache;
    }

    /**
     * Reads and checks the site; writes it too when {@code options.output()} is set. Running out of
     * stack or memory is a diagnostic (exit 2) that says where and what to do, not a stack trace.
     */
    public BuildResult run(BuildOptions options) {
        Progress progress = new Progress();
        try {
            return run(options, progress);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return exhausted(e, progress, options.source());
        } catch (RuntimeException e) {
            // A parallel stream or a task may hand the error on wrapped.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DocumentExhausted || t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                    return exhausted(t, progress, options.source());
                }
            }
            throw e;
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
        Setup setup = setup(options, diagnostics);
        if (setup.failure() != null) {
            return setup.failure();
        }
        KnowledgeBase kb;
        progress.stage = "reading the documents";
        try {
            kb = load(setup.root(), setup.output(), setup.config(), options.referenceDate(), diagnostics);
        } catch (IOException e) {
            return setupFailure(diagnostics, setup.root().toString(), "cannot read the site: " + e.getMessage());
        }
        progress.documents = kb.documents().size();
        progress.stage = "checking the documents";
        diagnostics = validate(setup, kb, diagnostics);
        if (kb.documents().isEmpty()) {
            // An empty site is never what a team meant to publish: fail instead of writing it.
            diagnostics.add(noDocuments(setup));
            return new BuildResult(diagnostics.sorted(), 0, 0, false);
        }
        if (setup.output() == null) {
            return new BuildResult(diagnostics.sorted(), kb.documents().size(), 0, false);
        }
        progress.stage = STAGE_WRITING;
        int documents = kb.documents().size();
        // The checks are done: what only they and the search index read goes now, not when the last page is
        // written. A preview keeps its documents whole (it checks them again).
        try {
            SiteWriter writer = new SiteWriter(setup.config(), setup.root());
            kb = writer.released(published(kb, options));
            int pages = writer.write(kb, setup.services(),
                    new OutputDirectory(setup.output()), diagnostics);
            return new BuildResult(diagnostics.sorted(), documents, pages, pages < 0);
        } catch (IOException | UncheckedIOException e) {
            return setupFailure(diagnostics, setup.output().toString(), "cannot write the site: " + e.getMessage());
        }
    }

    /** What a build reads before the documents; {@code failure} is set when it cannot go on. */
    record Setup(Path root, Path output, SiteConfig config, ServiceCatalog services, BuildResult failure) {
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
            return new Setup(root, output, config, ServiceCatalog.load(root, yaml, Slugs::slug, diagnostics), null);
        } catch (IOException e) {
            return failed(setupFailure(diagnostics, root.toString(), "cannot read the site: " + e.getMessage()));
        }
    }

    private static Setup failed(BuildResult result) {
        return new Setup(null, null, null, null, result);
    }

    /** Runs every rule; returns the diagnostics with the site's per-rule settings applied. */
    static Diagnostics validate(Setup setup, KnowledgeBase kb, Diagnostics diagnostics) {
        checkRuleNames(setup.config(), diagnostics);
        Validator.forSite(setup.config(), setup.root(), diagnostics)
                .validate(kb, setup.services(), kb.referenceDate().orElse(null), diagnostics);
        return applyRuleSettings(setup.config(), diagnostics);
    }

    static KnowledgeBase published(KnowledgeBase kb, BuildOptions options) {
        return options.includeDrafts() ? kb : kb.filter(d -> !d.meta().isDraft());
    }

    /** Parses the documents while the Git history is read on its own thread. */
    KnowledgeBase load(Path root, Path output, SiteConfig config, LocalDate requestedDate,
                       Diagnostics diagnostics) throws IOException {
        GitState gitState = cache == null ? null : GitState.of(root);
        boolean reuseGit = cache != null && cachedHistory != null && gitState.equals(cachedGitState);
        Diagnostics gitDiagnostics = new Diagnostics();
        FutureTask<GitHistory> git = new FutureTask<>(reuseGit ? () -> cachedHistory
                : new GitHistoryBuilder(root, gitDiagnostics, config.git().bots()));
        Thread gitThread = new Thread(git, "hindsight-git");
        gitThread.setDaemon(true);
        gitThread.start();

        SiteSource source = new SiteSource(root, yaml, config.limits().maxFileSize());
        Set<Path> excluded = output == null ? Set.of() : Set.of(output);
        List<String> paths = source.scan(excluded, diagnostics).stream().filter(config.paths()::includes).toList();
        DocumentFactory factory = new DocumentFactory(config);
        List<Document> docs = paths.parallelStream()
                .map(p -> loadOne(source, factory, p, output != null, diagnostics))
                .filter(d -> d != null)
                .toList();

        GitHistory history = await(git);
        if (cache != null) {
            cache.retainOnly(paths);
            if (!reuseGit) {
                cachedHistory = history;
                cachedGitState = gitState;
                cachedGitDiagnostics = gitDiagnostics.sorted();
            }
            diagnostics.addAll(cachedGitDiagnostics);
        } else {
            diagnostics.addAll(gitDiagnostics.sorted());
        }
        return new KnowledgeBase(docs, history, referenceDate(requestedDate, history),
                config.git().freshnessFallback());
    }

    private List<Diagnostic> cachedGitDiagnostics = List.of();

    /**
     * For a preview update: reads again the files at {@code paths}, which the last {@link #load} found
     * and which have changed since, into the document cache. Returns each path's document, or null
     * when it is no longer a document (deleted, unreadable, no kind).
     */
    java.util.Map<String, Document> reload(Path root, SiteConfig config, java.util.Collection<String> paths) {
        SiteSource source = new SiteSource(root, yaml, config.limits().maxFileSize());
        DocumentFactory factory = new DocumentFactory(config);
        java.util.Map<String, Document> out = new java.util.HashMap<>();
        for (String path : paths) {
            cache.remove(path);
            out.put(path, Files.isRegularFile(root.resolve(path))
                    ? loadOne(source, factory, path, true, new Diagnostics()) : null);
        }
        return out;
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
    private Document loadOne(SiteSource source, DocumentFactory factory, String path, boolean html,
                             Diagnostics diagnostics) {
        if (cache == null) {
            return read(source, factory, path, html, diagnostics);
        }
        Path file = source.root().resolve(path);
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return read(source, factory, path, html, diagnostics);
        }
        DocumentCache.Entry hit = cache.get(path, size, modified);
        if (hit == null) {
            Diagnostics own = new Diagnostics();
            Document doc = read(source, factory, path, html, own);
            hit = new DocumentCache.Entry(size, modified, doc, own.sorted());
            cache.put(path, hit);
        }
        diagnostics.addAll(hit.diagnostics());
        return hit.document();
    }

    /** Reads one document; running out of stack or memory there names the document. */
    private Document read(SiteSource source, DocumentFactory factory, String path, boolean html,
                          Diagnostics diagnostics) {
        try {
            return readDocument(source, factory, path, html, diagnostics);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new DocumentExhausted(path, e);
        }
    }

    /** A document that made the run run out of stack or memory. */
    private static final class DocumentExhausted extends RuntimeException {
        private final String path;

        DocumentExhausted(String path, Throwable cause) {
            super(path, cause, false, false);
            this.path = path;
        }
    }

    static final String STAGE_WRITING = "writing the site";

    /**
     * For the preview, whose builds do not go through {@link #run(BuildOptions)}: the one diagnostic of
     * a build that ran out of stack or memory ({@code error} as caught, perhaps wrapped by a task or a
     * parallel stream), or null when {@code error} is not that.
     */
    static BuildResult exhausted(Throwable error, String stage, int documents, Path source) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DocumentExhausted || t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                Progress progress = new Progress();
                progress.stage = stage;
                progress.documents = documents;
                return exhausted(t, progress, source);
            }
        }
        return null;
    }

    /** The one diagnostic of a run that ran out of stack or memory: what happened, where, what to do. */
    private static BuildResult exhausted(Throwable error, Progress progress, Path source) {
        String document = null;
        Throwable cause = error;
        if (error instanceof DocumentExhausted d) {
            document = d.path;
            cause = d.getCause();
        }
        Path root = source.toAbsolutePath().normalize();
        List<String> templates = templateOverrides(root);
        boolean writing = STAGE_WRITING.equals(progress.stage);
        String where = document != null ? "reading " + document : progress.stage;
        Position at = Position.ofFile(document != null ? document : SiteConfig.FILE_NAME);
        String overrides = String.join(", ", templates.stream().limit(5).toList());
        Diagnostic d;
        if (cause instanceof StackOverflowError) {
            String larger = "give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m (Maven: MAVEN_OPTS=-Xss16m)";
            if (writing && inTemplate(cause) && !templates.isEmpty()) {
                d = new Diagnostic(Severity.ERROR, RULE_STACK_OVERFLOW, Position.ofFile(templates.get(0)),
                        "ran out of stack while writing the site, in a template: one of the site's templates ("
                                + overrides + ") most likely calls itself without end",
                        "look for a macro, function or #include that calls itself in templates/; if the templates "
                                + "are right, " + larger);
            } else if (document != null) {
                d = new Diagnostic(Severity.ERROR, RULE_STACK_OVERFLOW, at, "ran out of stack while " + where
                        + ": its Markdown or front matter nests too deeply", "flatten the deepest nesting (lists, "
                        + "quotes, brackets), or " + larger);
            } else {
                d = new Diagnostic(Severity.ERROR, RULE_STACK_OVERFLOW, at, "ran out of stack while " + where
                        + (inTemplate(cause) ? ", in a template" : ""), larger);
            }
        } else {
            d = new Diagnostic(Severity.ERROR, RULE_OUT_OF_MEMORY, at, "ran out of memory while " + where,
                    "give Java more memory: HINDSIGHT_JAVA_OPTS=-Xmx4g (java -Xmx4g -jar hindsight.jar; "
                            + "Maven: MAVEN_OPTS=-Xmx4g)"
                            + (writing && !templates.isEmpty() ? "; the site overrides " + overrides
                            + ", check it too" : ""));
        }
        return new BuildResult(List.of(d), progress.documents, 0, true);
    }

    /** Whether the error happened while FreeMarker was processing a template. */
    private static boolean inTemplate(Throwable error) {
        // A parallel stream rethrows a copy made on the calling thread, with the original as its cause.
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("freemarker.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The site's own templates ({@code templates/…}), sorted; empty when it has none or they cannot be listed. */
    private static List<String> templateOverrides(Path root) {
        Path dir = root.resolve("templates");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> "templates/" + f.getFileName()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private Document readDocument(SiteSource source, DocumentFactory factory, String path, boolean html,
                                  Diagnostics diagnostics) {
        SourceDocument src = source.load(path, diagnostics);
        if (src == null) {
            return null;
        }
        Optional<KindConfig> kind = factory.kindOf(src, diagnostics);
        if (kind.isEmpty()) {
            if (!src.frontMatter().has("type")) {
                diagnostics.info(DocumentFactory.RULE_UNKNOWN_KIND, Position.ofFile(path),
                        "not in a document folder and has no `type:`; skipped");
            }
            return null;
        }
        String text = dev.hindsight.markdown.Shortcodes.rewrite(path, src.file().body(), src.file().bodyLine(),
                diagnostics);
        ParsedMarkdown body = markdown.parse(path, text, src.file().bodyLine(), diagnostics, html);
        return factory.create(src, kind.get(), body, diagnostics);
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
        MarkdownFolders found = markdownFolders(source, Set.of());
        String hint;
        if (found.isEmpty()) {
            hint = "there is no Markdown file here either: point --source at the folder that holds "
                    + SiteConfig.FILE_NAME + ", or start a knowledge base with `hindsight init`";
        } else {
            String mapping = found.exampleMapping();
            hint = "Markdown files here: " + found.summary() + "; `hindsight adopt` writes a " + SiteConfig.FILE_NAME
                    + " that fits them"
                    + (mapping.isEmpty() ? "" : " (or map your folders to kinds yourself, such as " + mapping + ")")
                    + "; or point --source at the folder that holds " + SiteConfig.FILE_NAME;
        }
        Diagnostic d = new Diagnostic(Severity.ERROR, RULE_NO_CONFIG, Position.ofFile(SiteConfig.FILE_NAME),
                "no " + SiteConfig.FILE_NAME + " in " + source + ": this folder is not a Hindsight knowledge base",
                hint);
        return new BuildResult(List.of(d), 0, 0, true);
    }

    /** {@value #RULE_NO_DOCUMENTS}, naming the kinds' folders and the folders the Markdown files are in. */
    private Diagnostic noDocuments(Setup setup) {
        MarkdownFolders found = markdownFolders(setup.root(),
                setup.output() == null ? Set.of() : Set.of(setup.output()));
        List<String> folders = setup.config().kinds().stream().flatMap(k -> k.folders().stream())
                .map(f -> f.endsWith("/") ? f : f + "/").distinct().sorted().toList();
        String hint;
        if (found.isEmpty()) {
            hint = "there is no Markdown file here: write one with `hindsight new postmortem \"TITLE\"` "
                    + "or `hindsight new runbook \"TITLE\" --service ID`";
        } else {
            String mapping = found.exampleMapping();
            hint = "Markdown files here: " + found.summary() + "; `hindsight adopt --force` rewrites "
                    + SiteConfig.FILE_NAME + " to fit them, or "
                    + (mapping.isEmpty() ? "give them a `type:` (such as postmortem or runbook) in their front matter"
                    : "map them to kinds in it, such as " + mapping);
        }
        return new Diagnostic(Severity.ERROR, RULE_NO_DOCUMENTS, Position.ofFile(SiteConfig.FILE_NAME),
                "no documents recognized: no Markdown file is in a kind's folder ("
                        + (folders.isEmpty() ? "none configured" : String.join(", ", folders)) + ") or has a `type:`",
                hint);
    }

    private MarkdownFolders markdownFolders(Path root, Set<Path> excluded) {
        try {
            return MarkdownFolders.of(new SiteSource(root, yaml).scan(excluded, new Diagnostics()));
        } catch (IOException | UncheckedIOException e) {
            return MarkdownFolders.of(List.of());
        }
    }

    private static BuildResult setupFailure(Diagnostics diagnostics, String where, String message) {
        List<Diagnostic> all = new ArrayList<>(diagnostics.sorted());
        all.add(new Diagnostic(Severity.ERROR, RULE_SETUP, Position.ofFile(where), message, ""));
        return new BuildResult(all, 0, 0, true);
    }
}
