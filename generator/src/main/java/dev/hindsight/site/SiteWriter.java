package dev.hindsight.site;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.render.Formats;
import dev.hindsight.render.Renderer;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Renders every page into a staging directory and publishes it when nothing failed. */
final class SiteWriter {

    static final String RULE_TEMPLATE = "template";
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
    int write(KnowledgeBase kb, OutputDirectory out, Diagnostics diagnostics) throws IOException {
        out.checkWritable();
        Path staging = out.stage();
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Postmortem> postmortems = new ArrayList<>(kb.postmortems());
            postmortems.sort(Comparator.comparing((Postmortem p) -> p.meta().date(),
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(p -> p.meta().sourcePath()));
            Map<String, Object> home = base("");
            home.put("postmortems", postmortems);
            home.put("runbooks", kb.runbooks());
            home.put("others", kb.documents().stream().filter(GenericDocument.class::isInstance).toList());
            page(staging, "index.html", "index.ftlh", home, diagnostics, failed);

            kb.documents().parallelStream().forEach(doc -> {
                Map<String, Object> model = base(rootFor(doc.meta().url()));
                model.put("doc", doc);
                model.put("history", kb.history(doc).orElse(null));
                model.put("editUrl", editUrl(config.editUrl(), kb.git().repositoryPath(doc.meta().sourcePath())));
                page(staging, doc.meta().url(), template(doc), model, diagnostics, failed);
            });
            copyAssets(staging);
            copyStatic(staging);
            if (failed.get()) {
                out.discard(staging);
                return -1;
            }
            out.publish(staging);
            return kb.documents().size() + 1;
        } catch (IOException | RuntimeException e) {
            out.discard(staging);
            throw e;
        }
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

    private void page(Path staging, String path, String template, Map<String, Object> model,
                      Diagnostics diagnostics, AtomicBoolean failed) {
        StringWriter w = new StringWriter(16 * 1024);
        try {
            renderer.render(template, model, w);
        } catch (Renderer.RenderException e) {
            diagnostics.error(RULE_TEMPLATE, Position.of("templates/" + e.template(), e.line(), e.column()),
                    "template failed while rendering " + path + ": " + e.getMessage());
            failed.set(true);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<Path> inside = insideOutput(staging, path);
        if (inside.isEmpty()) {
            diagnostics.error(RULE_PAGE_PATH, Position.ofFile(path),
                    "page path `" + path + "` is not a plain relative path inside the output directory; not written");
            failed.set(true);
            return;
        }
        Path file = inside.get();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
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
