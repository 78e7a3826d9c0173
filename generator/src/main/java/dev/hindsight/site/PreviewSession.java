package dev.hindsight.site;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * The builds of one preview: the first is a full build; after that, a change to Markdown files
 * re-reads only those files and re-renders only the pages whose HTML changes ({@link PageImpact}):
 * their own pages, and the lists, service, tag and alert pages and other documents' pages that show
 * what changed in them. The reload callback runs as soon as those pages are written; then come the
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
    private final DocumentCache cache = new DocumentCache();
    private final SiteBuilder builder = new SiteBuilder(cache);
    private SiteBuilder.Setup setup;
    private SiteWriter writer;
    private GitState gitState;
    /** The documents of the last build, drafts included; null when the next build must be full. */
    private KnowledgeBase last;

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
        if (last == null || changed.isEmpty() || changed.stream().anyMatch(this::structural)
                || !GitState.of(setup.root()).equals(gitState)) {
            return full(t0, published);
        }
        return incremental(changed, t0, published, superseded);
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
        try {
            kb = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        diagnostics = SiteBuilder.validate(setup, kb, diagnostics);
        writer = new SiteWriter(setup.config(), setup.root(), true);
        int pages;
        try {
            pages = writer.write(SiteBuilder.published(kb, options), setup.services(),
                    new OutputDirectory(setup.output()), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long publish = millis(t0);
        if (pages >= 0) {
            last = kb;
            published.run();
        }
        return new Update(new BuildResult(diagnostics.sorted(), kb.documents().size(), pages, pages < 0), true,
                Math.max(pages, 0), publish, millis(t0), true);
    }

    private Update incremental(Collection<Path> changed, long t0, Runnable published, BooleanSupplier superseded) {
        KnowledgeBase kb;
        try {
            kb = reread(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kb.git() != last.git()) {
            return full(t0, published); // the repository changed while we read
        }
        Diagnostics pageDiagnostics = new Diagnostics();
        int rendered = render(kb, pageDiagnostics);
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
                    return unchecked(kb, rendered, pageDiagnostics, publish, t0);
                }
                loaded = new Diagnostics();
                scanned = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(),
                        loaded);
                if (rendered < 0) {
                    break;
                }
                if (scanned.git() != last.git() || round == MAX_CORRECTIONS && !sameDocuments(scanned, last)) {
                    return full(t0, () -> { });
                }
                if (sameDocuments(scanned, last)) {
                    break;
                }
                pageDiagnostics = new Diagnostics();
                int more = render(scanned, pageDiagnostics);
                rendered = more < 0 ? -1 : rendered + more;
                if (more >= 0) {
                    published.run();
                }
            }
            if (superseded.getAsBoolean()) {
                return unchecked(scanned, rendered, pageDiagnostics, publish, t0);
            }
            if (rendered >= 0) {
                writer.noteData(writer.lastPlan(), pageDiagnostics);
            }
            loaded.addAll(pageDiagnostics.sorted());
            // Validation does not change what the pages show: it runs after they are written.
            Diagnostics diagnostics = SiteBuilder.validate(setup, scanned, loaded);
            if (rendered >= 0 && !superseded.getAsBoolean()) {
                writer.writeData(setup.output(), writer.lastPlan());
            }
            return new Update(new BuildResult(diagnostics.sorted(), scanned.documents().size(),
                    Math.max(rendered, 0), rendered < 0), false, Math.max(rendered, 0), publish, millis(t0), true);
        } catch (IOException e) {
            last = null;
            throw new UncheckedIOException(e);
        }
    }

    private Update unchecked(KnowledgeBase kb, int rendered, Diagnostics pageDiagnostics, long publish, long t0) {
        return new Update(new BuildResult(pageDiagnostics.sorted(), kb.documents().size(), Math.max(rendered, 0),
                rendered < 0), false, Math.max(rendered, 0), publish, millis(t0), false);
    }

    /**
     * The knowledge base after {@code changed}: the last one with the changed documents read again.
     * Only a file the last scan did not know (a new one), or one that is no longer a plain file, makes
     * it scan the whole site root.
     */
    private KnowledgeBase reread(Collection<Path> changed) throws IOException {
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
            return builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(),
                    new Diagnostics());
        }
        Map<String, Document> reread = builder.reload(setup.root(), setup.config(), known);
        // In path order, so that the knowledge base has nothing to sort.
        List<Document> docs = new ArrayList<>(last.documents().size() + reread.size());
        for (Document d : last.documents()) {
            String path = d.meta().sourcePath();
            if (!reread.containsKey(path)) {
                docs.add(d);
            } else if (reread.get(path) != null) {
                docs.add(reread.remove(path));
            }
        }
        reread.values().stream().filter(Objects::nonNull).forEach(docs::add);
        docs.sort(Comparator.comparing(d -> d.meta().sourcePath()));
        return new KnowledgeBase(docs, last.git(), last.referenceDate().orElse(null),
                setup.config().git().freshnessFallback());
    }

    /** Renders the pages {@code kb} changes; returns how many, or -1 when a template failed. */
    private int render(KnowledgeBase kb, Diagnostics diagnostics) {
        SiteWriter.Plan before = writer.lastPlan();
        KnowledgeBase shown = SiteBuilder.published(kb, options);
        List<Document> gone = new ArrayList<>();
        List<Document> added = new ArrayList<>();
        differences(before.kb(), shown, gone, added);
        SiteWriter.Plan plan = writer.plan(before, shown, gone, added, diagnostics);
        int rendered;
        try {
            rendered = writer.update(plan, setup.output(),
                    new PageImpact(before, plan, gone, added, writer.overriddenTemplates()), diagnostics);
        } catch (IOException e) {
            last = null;
            throw new UncheckedIOException(e);
        }
        last = rendered < 0 ? null : kb; // after a template failure, the next build starts over
        return rendered;
    }

    /**
     * The documents of {@code before} that {@code after} does not have (the same instance), and those of
     * {@code after} that {@code before} does not have. Both lists of documents are sorted by path.
     */
    static void differences(KnowledgeBase before, KnowledgeBase after, List<Document> gone, List<Document> added) {
        List<Document> a = before.documents();
        List<Document> b = after.documents();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int c = i == a.size() ? 1 : j == b.size() ? -1
                    : a.get(i).meta().sourcePath().compareTo(b.get(j).meta().sourcePath());
            if (c < 0) {
                gone.add(a.get(i++));
            } else if (c > 0) {
                added.add(b.get(j++));
            } else {
                if (a.get(i) != b.get(j)) {
                    gone.add(a.get(i));
                    added.add(b.get(j));
                }
                i++;
                j++;
            }
        }
    }

    private static boolean sameDocuments(KnowledgeBase a, KnowledgeBase b) {
        List<Document> x = a.documents();
        List<Document> y = b.documents();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i) != y.get(i)) {
                return false;
            }
        }
        return true;
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

    /** The view the pages of the last build were rendered with. */
    dev.hindsight.render.SiteView view() {
        return writer.lastPlan().view();
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
