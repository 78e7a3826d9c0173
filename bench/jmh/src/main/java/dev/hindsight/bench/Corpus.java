package dev.hindsight.bench;

import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentFactory;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmarks' input: corpora written by {@code bench/CorpusGenerator.java} (the same generator
 * {@code bench/run} uses), generated once and cached, and the documents read from them exactly as
 * {@code SiteBuilder} reads them.
 *
 * <p>Corpora are cached under {@code bench/work/jmh/} (git-ignored), in a folder named after the
 * arguments and a hash of the generator's source, so a changed generator gives a fresh corpus. Every
 * corpus is its own Git repository (generated with Git), so Hindsight never walks up into the
 * project's own repository. Override the cache folder with {@code -Dhindsight.jmh.work=DIR} or
 * {@code HINDSIGHT_JMH_WORK}, and the repository root (where {@code bench/CorpusGenerator.java} is)
 * with {@code -Dhindsight.repo=DIR} or {@code HINDSIGHT_REPO}; by default it is found by walking up
 * from the working directory and from the benchmarks jar.
 */
final class Corpus {

    /** "Today" for every run, as in {@code bench/run}: the corpus is valid on this date. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 1);
    /** Seed of every corpus here (the generator's default). */
    static final long SEED = 42;

    private Corpus() {
    }

    /**
     * The site root ({@code content/}) of a deterministic {@code docs}-document corpus with its Git
     * history (1.2 × docs commits), generating it on first use.
     */
    static Path site(int docs) {
        Path repo = repositoryRoot();
        Path generator = repo.resolve("bench/CorpusGenerator.java");
        String key = "n" + docs + "-s" + SEED + "-" + hash(generator).substring(0, 12);
        Path work = workDir(repo);
        Path dir = work.resolve(key);
        Path done = work.resolve(key + ".ok");
        if (Files.isRegularFile(done) && Files.isDirectory(dir.resolve("content"))) {
            return dir.resolve("content");
        }
        try {
            Files.createDirectories(work);
            Path tmp = work.resolve(key + ".tmp");
            deleteRecursively(tmp);
            deleteRecursively(dir);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), generator.toString(), "--out", tmp.toString(),
                    "--docs", Integer.toString(docs), "--seed", Long.toString(SEED))
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("CorpusGenerator exited with " + rc);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(done, key + "\n");
            return dir.resolve("content");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository root: holds {@code bench/CorpusGenerator.java}. */
    static Path repositoryRoot() {
        String configured = setting("hindsight.repo", "HINDSIGHT_REPO");
        if (configured != null) {
            Path p = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p.resolve("bench/CorpusGenerator.java"))) {
                throw new IllegalStateException("no bench/CorpusGenerator.java under " + p);
            }
            return p;
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            starts.add(Path.of(Corpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // only the working directory then
        }
        for (Path start : starts) {
            for (Path p = start.normalize(); p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("bench/CorpusGenerator.java"))) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("cannot find bench/CorpusGenerator.java above " + starts
                + "; run from the repository, or set -Dhindsight.repo=DIR / HINDSIGHT_REPO");
    }

    private static Path workDir(Path repo) {
        String configured = setting("hindsight.jmh.work", "HINDSIGHT_JMH_WORK");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : repo.resolve("bench/work/jmh");
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static String hash(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One corpus file: its path relative to the site root and its text. */
    record RawFile(String path, String text) {
    }

    /** Every {@code .md} file of the site, in path order, as text. */
    static List<RawFile> rawFiles(Path site) {
        try (Stream<Path> all = Files.walk(site)) {
            List<RawFile> out = new ArrayList<>();
            for (Path p : all.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                out.add(new RawFile(site.relativize(p).toString().replace('\\', '/'),
                        Files.readString(p, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A site read the way {@code SiteBuilder} reads it (without Git), for the stages after reading. */
    record Loaded(Path root, SiteConfig config, ServiceCatalog services, List<SourceDocument> sources,
                  List<Document> documents) {
    }

    static Loaded load(Path site) {
        try {
            Path root = site.toAbsolutePath().normalize();
            YamlReader yaml = new YamlReader();
            Diagnostics diagnostics = new Diagnostics();
            SiteConfig config = new ConfigParser(yaml).load(root, diagnostics);
            ServiceCatalog services = ServiceCatalog.load(root, yaml, dev.hindsight.text.Slugs::slug, diagnostics);
            SiteSource source = new SiteSource(root, yaml, config.limits().maxFileSize());
            DocumentFactory factory = new DocumentFactory(config);
            MarkdownParser markdown = new MarkdownParser();
            List<SourceDocument> sources = new ArrayList<>();
            List<Document> docs = new ArrayList<>();
            for (String path : source.scan(Set.of(), diagnostics)) {
                SourceDocument src = source.load(path, diagnostics);
                if (src == null) {
                    continue;
                }
                Optional<KindConfig> kind = factory.kindOf(src, diagnostics);
                if (kind.isEmpty()) {
                    continue;
                }
                sources.add(src);
                ParsedMarkdown body = markdown.parse(path, src.file().body(), src.file().bodyLine(), diagnostics);
                docs.add(factory.create(src, kind.get(), body, diagnostics));
            }
            requireClean(diagnostics.sorted(), "reading " + root);
            return new Loaded(root, config, services, List.copyOf(sources), List.copyOf(docs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus is valid by construction; a warning or error means the benchmark measures the wrong thing. */
    static void requireClean(List<Diagnostic> diagnostics, String what) {
        List<Diagnostic> bad = diagnostics.stream()
                .filter(d -> d.severity() == Severity.ERROR || d.severity() == Severity.WARNING).toList();
        if (!bad.isEmpty()) {
            throw new IllegalStateException(what + " reported " + bad.size() + " problems, first: " + bad.get(0));
        }
    }
}
