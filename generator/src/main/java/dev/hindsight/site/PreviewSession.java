package dev.hindsight.site;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.render.AlertView;
import dev.hindsight.render.ServiceView;
import dev.hindsight.render.TagView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The builds of one preview: the first is a full build; after that, a change to Markdown files
 * re-parses only those files and re-renders only the pages that show them — their own pages, the
 * pages of runbooks and postmortems that link to them, their services, tags and alerts, and the
 * site-wide lists, dashboards and data files. A change to the configuration, the service catalog,
 * templates or static files (or a failed build) makes the next build a full one.
 */
public final class PreviewSession {

    /**
     * What one build did: its result, whether it was full, how many pages it rendered, how long until
     * the pages were written ({@code publishMillis}) and how long in all, validation included.
     */
    public record Update(BuildResult result, boolean full, int rendered, long publishMillis, long millis) {
    }

    private final BuildOptions options;
    private final SiteBuilder builder = new SiteBuilder(new DocumentCache());
    private SiteBuilder.Setup setup;
    private SiteWriter writer;
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
     * an incremental update validates the site, so that open pages can reload without waiting for it.
     */
    public synchronized Update update(Collection<Path> changed, Runnable published) {
        long t0 = System.nanoTime();
        return last == null || changed.isEmpty() || changed.stream().anyMatch(this::structural)
                ? full(t0, published) : incremental(changed, t0, published);
    }

    private Update full(long t0, Runnable published) {
        Diagnostics diagnostics = new Diagnostics();
        last = null;
        setup = builder.setup(options, diagnostics);
        if (setup.failure() != null) {
            return new Update(setup.failure(), true, 0, millis(t0), millis(t0));
        }
        KnowledgeBase kb;
        try {
            kb = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        diagnostics = SiteBuilder.validate(setup, kb, diagnostics);
        writer = new SiteWriter(setup.config(), setup.root());
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
                Math.max(pages, 0), publish, millis(t0));
    }

    private Update incremental(Collection<Path> changed, long t0, Runnable published) {
        Diagnostics diagnostics = new Diagnostics();
        KnowledgeBase kb;
        try {
            kb = builder.load(setup.root(), setup.output(), setup.config(), options.referenceDate(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> sources = new HashSet<>();
        for (Path p : changed) {
            Path abs = p.toAbsolutePath().normalize();
            if (abs.startsWith(setup.root())) {
                sources.add(setup.root().relativize(abs).toString().replace('\\', '/'));
            }
        }
        Predicate<SiteWriter.Page> affected = affected(sources, last, kb);
        int rendered;
        try {
            rendered = writer.update(SiteBuilder.published(kb, options), setup.services(), setup.output(), affected,
                    diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long publish = millis(t0);
        if (rendered < 0) {
            last = null; // a template failed: the next build starts over
        } else {
            last = kb;
            published.run();
        }
        // Validation does not change what the pages show: it runs after they are written.
        diagnostics = SiteBuilder.validate(setup, kb, diagnostics);
        return new Update(new BuildResult(diagnostics.sorted(), kb.documents().size(), Math.max(rendered, 0),
                rendered < 0), false, Math.max(rendered, 0), publish, millis(t0));
    }

    /** Anything but a Markdown document may change every page. */
    private boolean structural(Path p) {
        return !p.getFileName().toString().endsWith(".md");
    }

    /**
     * The pages that can show something of the documents at {@code sources}, before or after the change.
     */
    static Predicate<SiteWriter.Page> affected(Set<String> sources, KnowledgeBase before, KnowledgeBase after) {
        Set<String> docs = new HashSet<>(sources);
        Set<String> services = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (KnowledgeBase kb : List.of(before, after)) {
            for (String path : sources) {
                kb.byPath(path).ifPresent(d -> {
                    tags.addAll(d.meta().tags());
                    if (d instanceof Postmortem pm) {
                        services.addAll(pm.services());
                        for (String id : pm.runbooks()) {
                            before.byId(id).ifPresent(r -> docs.add(r.meta().sourcePath()));
                            after.byId(id).ifPresent(r -> docs.add(r.meta().sourcePath()));
                        }
                    } else if (d instanceof Runbook rb) {
                        services.add(rb.service());
                        services.addAll(rb.dependencies());
                        alerts.addAll(rb.alerts());
                        for (KnowledgeBase other : List.of(before, after)) {
                            for (Postmortem pm : other.postmortems()) {
                                if (pm.runbooks().contains(rb.id())) {
                                    docs.add(pm.meta().sourcePath());
                                }
                            }
                        }
                    }
                });
            }
        }
        return page -> {
            Object doc = page.model().get("doc");
            if (doc instanceof Document d) {
                return docs.contains(d.meta().sourcePath());
            }
            if (page.model().get("service") instanceof ServiceView s) {
                return services.contains(s.id());
            }
            if (page.model().get("tag") instanceof TagView t) {
                return tags.contains(t.name());
            }
            if (page.model().get("alert") instanceof AlertView a) {
                return alerts.contains(a.name());
            }
            return true;
        };
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
