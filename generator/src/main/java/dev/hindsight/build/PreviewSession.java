package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.render.Page;
import dev.hindsight.render.Staleness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The builds of one preview: the first is a full build; after that, a change to Markdown files
 * re-reads only those files and re-renders only the pages whose HTML may change: new pages, pages given
 * another model, and pages that read, while they were last rendered, something the change touched
 * (recorded dependencies, {@link Staleness}; see "Never stale" in ARCHITECTURE.md). The reload callback runs as soon as those pages are written; then come the
 * data files (feed, sitemap, search index, api/), a rescan of the site root that catches anything the
 * file watcher missed (and re-renders what it finds), and validation. A change to the configuration,
 * the service catalog, templates or static files, a new commit (or a failed build) makes the next
 * build a full one.
 */
public final class PreviewSession {

    /**
     * What one build did: its result, whether it was full, how many pages it rendered, how long until
     * the pages were written ({@code publishMillis}) and how long in all, data files and validation
     * included. {@code checked} is false when a newer change cut the update short after its pages were
     * written: its result then only has what rendering reported, and the next update checks the site.
     */
    public record Update(BuildResult result, boolean full, int rendered, long publishMillis, long millis,
                         boolean checked) {
    }

    /** Rescans that may each find more changes before an update gives up and builds in full. */
    private static final int MAX_CORRECTIONS = 2;

    private final BuildOptions options;
    private final PreviewCache cache = new PreviewCache();
    /** What each page of the output read when it was last rendered. */
    private final PageReads.Kept reads = new PageReads.Kept();
    private final SiteBuilder builder = new SiteBuilder(cache);
    private SiteBuilder.Setup setup;
    private SiteWriter writer;
    private GitState gitState;
    /** The documents of the last build, drafts included; null when the next build must be full. */
    private Documents last;
    /** What the update in progress is doing, for the message when it runs out of stack or memory. */
    private String stage = "";

    /**
     * Every document of a build, drafts included, sorted by path and by path, and the Git history they
     * were read with. An update takes over the previous one's map.
     */
    private record Documents(List<Document> sorted, Map<String, Document> byPath, GitHistory git) {
        static Documents of(KnowledgeBase kb) {
            Map<String, Document> byPath = new HashMap<>(kb.documents().size() * 2);
            kb.documents().forEach(d -> byPath.put(d.meta().sourcePath(), d));
            return new Documents(kb.documents(), byPath, kb.git());
        }
    }

    public PreviewSession(BuildOptions options) {
        if (options.output() == null) {
            throw new IllegalArgumentException("a preview needs an output directory");
        }
        this.options = options;
    }

    /**
     * Builds after {@code changed} (absolute paths of files created, modified or deleted; empty for
     * "anything may have changed").
     */
    public synchronized Update update(Collection<Path> changed) {
        return update(changed, () -> { });
    }

    /**
     * As {@link #update(Collection)}; {@code published} runs as soon as the new pages are written, before
     * an incremental update rescans the site root, validates it and writes the data files, so that open
     * pages can reload without waiting for them.
     */
    public synchronized Update update(Collection<Path> changed, Runnable published) {
        return update(changed, published, () -> false);
    }

    /**
     * As {@link #update(Collection, Runnable)}; an incremental update stops after its pages are written
     * as soon as {@code superseded} says that a newer change is waiting, and leaves the rest to the
     * update of that change.
     */
    public synchronized Update update(Collection<Path> changed, Runnable published, BooleanSupplier superseded) {
        long t0 = System.nanoTime();
        stage = "reading the configuration";
        try {
            if (last == null || changed.isEmpty() || changed.stream().anyMatch(this::structural)
                    || !GitState.of(setup.root()).equals(gitState)) {
                return full(t0, published);
            }
            return incremental(changed, t0, published, superseded);
        } catch (StackOverflowError | OutOfMemoryError | RuntimeException e) {
            // As in check and build: one diagnostic, not a stack trace. The stack is unwound and the
            // output's staging directory discarded; the last good site stays, the next build is full.
            BuildResult exhausted = SiteBuilder.exhausted(e, stage, last == null ? 0 : last.sorted().size(),
                    options.source());
            if (exhausted == null) {
                throw e;
            }
            last = null;
            return new Update(exhausted, true, 0, millis(t0), millis(t0), true);
        }
    }

    private Update full(long t0, Runnable published) {
        Diagnostics diagnostics = new Diagnostics();
        last = null;
        setup = builder.setup(options, diagnostics);
        if (setup.failure() != null) {
            return new Update(setup.failure(), true, 0, millis(t0), millis(t0), true);
        }
        gitState = GitState.of(setup.root());
        KnowledgeBase kb;
        stage = "reading the documents";
        try {
            kb = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stage = "checking the documents";
        SiteBuilder.Checked checked = SiteBuilder.check(setup, kb, diagnostics);
        diagnostics = checked.diagnostics();
        stage = SiteBuilder.STAGE_WRITING;
        // The rule files are read by setup, at each full build: one inside the site root is not Markdown, so
        // its change makes the next build full (see structural); one outside it is not watched.
        writer = new SiteWriter(setup.config(), setup.root(), true, setup.alertRules());
        reads.clear();
        int pages;
        try {
            KnowledgeBase shown = SiteBuilder.published(kb, options);
            pages = writer.write(shown, setup.services(), new OutputDirectory(setup.output()), diagnostics, reads,
                    SiteBuilder.alertsShown(setup, kb, shown, checked.alerts()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long publish = millis(t0);
        if (pages >= 0) {
            last = Documents.of(kb);
            published.run();
        }
        return new Update(new BuildResult(diagnostics.sorted(), kb.documents().size(), pages, pages < 0), true,
                Math.max(pages, 0), publish, millis(t0), true);
    }

    private Update incremental(Collection<Path> changed, long t0, Runnable published, BooleanSupplier superseded) {
        Documents next;
        stage = "reading the documents";
        try {
            next = reread(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (next.git() != writer.lastPlan().git()) {
            return full(t0, published); // the repository changed while we read
        }
        Diagnostics pageDiagnostics = new Diagnostics();
        stage = SiteBuilder.STAGE_WRITING;
        int rendered = render(next, pageDiagnostics);
        long publish = millis(t0);
        if (rendered >= 0) {
            published.run();
        }
        try {
            // After the reload: a rescan for whatever the watcher did not report, validation, data files.
            KnowledgeBase scanned;
            Diagnostics loaded;
            for (int round = 0; ; round++) {
                if (superseded.getAsBoolean()) {
                    return unchecked(next.sorted().size(), rendered, pageDiagnostics, publish, t0);
                }
                loaded = new Diagnostics();
                stage = "reading the documents";
                scanned = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(),
                        loaded);
                if (rendered < 0) {
                    break;
                }
                boolean same = SortedDocuments.same(scanned.documents(), last.sorted());
                if (scanned.git() != last.git() || round == MAX_CORRECTIONS && !same) {
                    return full(t0, () -> { });
                }
                if (same) {
                    break;
                }
                pageDiagnostics = new Diagnostics();
                stage = SiteBuilder.STAGE_WRITING;
                int more = render(Documents.of(scanned), pageDiagnostics);
                rendered = more < 0 ? -1 : rendered + more;
                if (more >= 0) {
                    published.run();
                }
            }
            if (superseded.getAsBoolean()) {
                return unchecked(scanned.documents().size(), rendered, pageDiagnostics, publish, t0);
            }
            if (rendered >= 0) {
                writer.noteData(writer.lastPlan(), pageDiagnostics);
            }
            loaded.addAll(pageDiagnostics.sorted());
            // Validation does not change what the pages show: it runs after they are written.
            stage = "checking the documents";
            Diagnostics diagnostics = SiteBuilder.validate(setup, scanned, loaded);
            stage = SiteBuilder.STAGE_WRITING;
            if (rendered >= 0 && !superseded.getAsBoolean()) {
                writer.writeData(setup.output(), writer.lastPlan(), SiteBuilder.published(scanned, options));
            }
            return new Update(new BuildResult(diagnostics.sorted(), scanned.documents().size(),
                    Math.max(rendered, 0), rendered < 0), false, Math.max(rendered, 0), publish, millis(t0), true);
        } catch (IOException e) {
            last = null;
            throw new UncheckedIOException(e);
        }
    }

    private Update unchecked(int documents, int rendered, Diagnostics pageDiagnostics, long publish, long t0) {
        return new Update(new BuildResult(pageDiagnostics.sorted(), documents, Math.max(rendered, 0),
                rendered < 0), false, Math.max(rendered, 0), publish, millis(t0), false);
    }

    /**
     * The documents after {@code changed}: the last ones with the changed files read again. Only a file
     * the last scan did not know (a new one), or one that is no longer a plain file, makes it scan the
     * whole site root.
     */
    private Documents reread(Collection<Path> changed) throws IOException {
        Set<String> known = new TreeSet<>();
        boolean rescan = false;
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(setup.root()) || abs.equals(setup.root())) {
                continue;
            }
            String rel = setup.root().relativize(abs).toString().replace('\\', '/');
            boolean file = Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS);
            boolean exists = file || Files.exists(abs, LinkOption.NOFOLLOW_LINKS);
            if (cache.contains(rel) && (file || !exists)) {
                known.add(rel);
            } else if (exists) {
                rescan = true;
            }
        }
        if (rescan) {
            return Documents.of(builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(),
                    new Diagnostics()));
        }
        Documents previous = last;
        last = null; // until the update is through: its map is taken over
        List<Document> sorted = new ArrayList<>(previous.sorted());
        Map<String, Document> byPath = previous.byPath();
        builder.reload(setup.root(), setup.config(), known).forEach((path, doc) -> {
            Document old = byPath.get(path);
            int at = SortedDocuments.position(sorted, path);
            if (doc == null) {
                if (old != null) {
                    sorted.remove(at);
                    byPath.remove(path);
                }
            } else if (old != null) {
                sorted.set(at, doc);
                byPath.put(path, doc);
            } else {
                sorted.add(at, doc);
                byPath.put(path, doc);
            }
        });
        return new Documents(Collections.unmodifiableList(sorted), byPath, previous.git());
    }

    /** Renders the pages that {@code next} changes; returns how many, or -1 when a template failed. */
    private int render(Documents next, Diagnostics diagnostics) {
        SiteWriter.Plan before = writer.lastPlan();
        List<Document> shown = options.includeDrafts() ? next.sorted()
                : next.sorted().stream().filter(d -> !d.meta().isDraft()).toList();
        List<Document> gone = new ArrayList<>();
        List<Document> added = new ArrayList<>();
        SortedDocuments.differences(before.documents(), shown, gone, added);
        SiteWriter.Plan plan = writer.plan(before, shown, gone, added, diagnostics);
        List<String> removed = before.byPath().keySet().stream().filter(p -> !plan.byPath().containsKey(p)).toList();
        reads.forget(removed);
        List<Page> stale = stale(before, plan, shown, gone, added);
        int rendered;
        try {
            rendered = writer.update(plan, setup.output(), stale, removed, diagnostics, reads);
        } catch (IOException e) {
            last = null;
            throw new UncheckedIOException(e);
        }
        last = rendered < 0 ? null : next; // after a template failure, the next build starts over
        return rendered;
    }

    /**
     * The pages of {@code plan} whose HTML may differ from what the output holds: new pages, pages given
     * another model (another document, service, tag or alert, compared with documents by path), and pages
     * that read something the change touched ({@link Staleness}).
     */
    private List<Page> stale(SiteWriter.Plan before, SiteWriter.Plan plan, List<Document> shown, List<Document> gone,
                             List<Document> added) {
        Map<String, Document> byPath = new HashMap<>(shown.size() * 2);
        shown.forEach(d -> byPath.put(d.meta().sourcePath(), d));
        Set<String> changed = new TreeSet<>();
        gone.forEach(d -> changed.add(d.meta().sourcePath()));
        added.forEach(d -> changed.add(d.meta().sourcePath()));
        return reads.staleness().stale(before.byPath(), plan.pages(), changed, byPath, plan.view());
    }

    /** What finding the stale pages of the last incremental update did (for tests). */
    Staleness.Work stalenessWork() {
        return reads.staleness().work();
    }

    /** How many distinct view queries the pages of the output made (for tests). */
    int distinctQueries() {
        return reads.staleness().queries();
    }

    /**
     * A change that may affect every page: anything but a Markdown document (configuration, catalog,
     * schemas, a folder), and anything under {@code templates/} or {@code static/}.
     */
    private boolean structural(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (setup != null && abs.startsWith(setup.root()) && !abs.equals(setup.root())) {
            String first = setup.root().relativize(abs).getName(0).toString();
            if (first.equals("templates") || first.equals("static")) {
                return true;
            }
        }
        return p.getFileName() == null || !p.getFileName().toString().endsWith(".md");
    }

    /** The plan of the last build (for tests). */
    SiteWriter.Plan writerPlan() {
        return writer.lastPlan();
    }

    /** The view the pages of the last build were rendered with. */
    dev.hindsight.render.SiteView view() {
        return writer.lastPlan().view();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
