package dev.hindsight.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Freemarker with the HTML output format, so every {@code ${…}} is escaped unless a template says
 * {@code ?no_esc}. Templates come from the site's {@code templates/} folder first, then the built-in
 * theme on the classpath. Configured once per build; thread-safe for rendering.
 */
public final class Renderer {

    static final String THEME = "/dev/hindsight/theme";
    private static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private final Configuration cfg;
    private final RecordingWrapper wrapper;
    /** The wrapper of the pages that record nothing (a one-shot build's): it never looks for their reads. */
    private final RecordingWrapper plain;

    public Renderer(Path siteTemplates) {
        this(siteTemplates, false);
    }

    /**
     * @param keepFragments keep the output of {@code <@cachedList>} rows of the built-in templates between
     *                      renders ({@link FragmentCache}): for the successive builds of a preview
     */
    public Renderer(Path siteTemplates, boolean keepFragments) {
        cfg = new Configuration(VERSION);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        wrapper = new RecordingWrapper(VERSION);
        plain = new RecordingWrapper(VERSION, false);
        cfg.setObjectWrapper(wrapper);
        // Helpers every template can call: safeUrls.isSafeLink(url), scriptJson.escape(json).
        try {
            cfg.setSharedVariable("safeUrls", wrapper.getStaticModels().get(SafeUrls.class.getName()));
            cfg.setSharedVariable("scriptJson", wrapper.getStaticModels().get(ScriptJson.class.getName()));
            java.util.Map<String, Boolean> builtIn = new java.util.concurrent.ConcurrentHashMap<>();
            cfg.setSharedVariable("cachedList", new FragmentCache(keepFragments, name -> builtIn.computeIfAbsent(name,
                    n -> siteTemplates == null || !Files.exists(siteTemplates.resolve(n)))));
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
        List<TemplateLoader> loaders = new ArrayList<>();
        if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
            try {
                loaders.add(new FileTemplateLoader(siteTemplates.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Renderer.class, THEME + "/templates"));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    }

    /**
     * Renders {@code page} into {@code out}, recording what it reads into {@code reads} (a one-shot build
     * passes {@link Reads#none()}).
     */
    public void render(Page page, Page.Shared shared, Writer out, Reads reads) throws IOException, RenderException {
        try {
            Template t = cfg.getTemplate(page.template());
            RecordingWrapper w = reads.recording() ? wrapper : plain;
            Environment env = t.createProcessingEnvironment(new PageModel(page, shared, w), out);
            if (w != wrapper) {
                env.setObjectWrapper(w);
            }
            env.setCustomAttribute(RecordingWrapper.READS, reads);
            env.process();
        } catch (TemplateException e) {
            throw new RenderException(page.template(), e);
        } catch (freemarker.core.ParseException e) {
            throw new RenderException(page.template(), e);
        }
    }

    /** The names of the built-in theme's static files, copied to {@code assets/}. */
    public List<String> assetNames() {
        try (InputStream in = Renderer.class.getResourceAsStream(THEME + "/assets.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream asset(String name) {
        InputStream in = Renderer.class.getResourceAsStream(THEME + "/assets/" + name);
        if (in == null) {
            throw new IllegalStateException("theme asset missing from the jar: " + name);
        }
        return in;
    }

    /** A template that failed to parse or run: reported against the template, never a stack trace. */
    public static final class RenderException extends Exception {
        private final String template;
        private final int line;
        private final int column;

        RenderException(String template, Exception cause) {
            super(message(cause), cause);
            this.template = template;
            if (cause instanceof TemplateException te && te.getLineNumber() != null) {
                this.line = te.getLineNumber();
                this.column = te.getColumnNumber() == null ? 1 : te.getColumnNumber();
            } else if (cause instanceof freemarker.core.ParseException pe) {
                this.line = pe.getLineNumber();
                this.column = pe.getColumnNumber();
            } else {
                this.line = 1;
                this.column = 1;
            }
        }

        private static String message(Exception e) {
            String m = e instanceof TemplateException te ? te.getMessageWithoutStackTop() : e.getMessage();
            m = m == null ? e.toString() : m.strip();
            int nl = m.indexOf('\n');
            return nl < 0 ? m : m.substring(0, nl);
        }

        public String template() {
            return template;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
