package dev.hindsight;

import dev.hindsight.api.AdoptResult;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.ChangedResult;
import dev.hindsight.api.NewDocument;
import dev.hindsight.api.Preview;
import dev.hindsight.api.PreviewOptions;
import dev.hindsight.adopt.Adopter;
import dev.hindsight.changed.ChangedCheck;
import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.GithubFormatter;
import dev.hindsight.diag.GitlabFormatter;
import dev.hindsight.diag.JsonFormatter;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.diag.SarifFormatter;
import dev.hindsight.diag.TextFormatter;
import dev.hindsight.config.UrlSchemes;
import dev.hindsight.preview.PreviewServer;
import dev.hindsight.build.SiteBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Properties;
import dev.hindsight.scaffold.Scaffolder;
import dev.hindsight.source.YamlReader;
import dev.hindsight.validate.SchemaSet;

/**
 * The one entry point for the CLI and the Maven plugin: check a knowledge base, build or preview its site,
 * scaffold and adopt. Front ends use only this class, the types of {@code dev.hindsight.api} and the
 * diagnostic value types of {@code diag} ({@code Diagnostic}, {@code Position}, {@code Severity});
 * {@code ArchitectureTest} and the plugin's {@code MojoArchitectureTest} check it.
 */
public final class Hindsight {

    /** The configuration file at the site root. */
    public static final String CONFIG_FILE = SiteConfig.FILE_NAME;

    /** Diagnostics that stop a run as a whole (no configuration, out of stack or memory), each with its advice. */
    private static final Set<String> RUN_FAILURES = Set.of(SiteBuilder.RULE_NO_CONFIG,
            SiteBuilder.RULE_STACK_OVERFLOW, SiteBuilder.RULE_OUT_OF_MEMORY);

    /** Reads and validates the site without writing anything. */
    public BuildResult check(BuildOptions options) {
        return new SiteBuilder().run(options.withOutput(null));
    }

    /**
     * {@code check --changed}: only the diagnostics of documents changed since the merge base of HEAD
     * and {@code ref} (null: the default branch), plus the cross-document findings those changes caused.
     *
     * @throws dev.hindsight.changed.ChangeScopeException when Git cannot tell what changed
     */
    public ChangedResult checkChanged(BuildOptions options, String ref, Map<String, String> environment) {
        ChangedCheck.Outcome outcome = new ChangedCheck().run(options.withOutput(null), ref, environment);
        return new ChangedResult(outcome.result(), outcome.scope().shortBase(), outcome.scope().reference(),
                outcome.scope().changed());
    }

    /** Reads, validates and writes the site to {@code options.output()}. */
    public BuildResult build(BuildOptions options) {
        if (options.output() == null) {
            throw new IllegalArgumentException("build needs an output directory");
        }
        return new SiteBuilder().run(options);
    }

    /**
     * The preview of the site at {@code options.source()}: not started yet; {@link Preview#start} builds and
     * serves it. {@code log} receives one line per rebuild.
     */
    public Preview preview(PreviewOptions options, Consumer<String> log) {
        return new PreviewServer(options, log);
    }

    /** "2 errors, 1 warning" (or "no problems"): the one-line count of a run's diagnostics. */
    public String summary(BuildResult result) {
        return new TextFormatter().summary(result.diagnostics());
    }

    /** Whether {@code d} stopped the run as a whole (no configuration, out of stack or memory). */
    public static boolean stoppedTheRun(Diagnostic d) {
        return RUN_FAILURES.contains(d.ruleId());
    }

    /** Whether {@code d} is about the run's setup (a directory that cannot be read or written), not content. */
    public static boolean isSetupProblem(Diagnostic d) {
        return d.ruleId().equals(SiteBuilder.RULE_SETUP);
    }

    /**
     * The scheme of {@code url} (lower case) when a base URL may not use it — anything but http, https or
     * no scheme (a relative address) — else empty.
     */
    public static Optional<String> refusedUrlScheme(String url) {
        return UrlSchemes.refused(url);
    }

    /** Output formats of {@link #format}. */
    public static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab");

    /**
     * The diagnostics of a run as {@code text}, {@code json} or {@code sarif}. SARIF paths are made
     * relative to the Git repository holding {@code source}, so code-scanning annotates the right file.
     */
    public String format(BuildResult result, String format, Path source) {
        List<Diagnostic> diagnostics = result.diagnostics();
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextFormatter().format(diagnostics);
            case "json" -> new JsonFormatter().format(diagnostics);
            case "sarif" -> new SarifFormatter(version(), repositoryPrefix(source), SourceLines.fingerprints(source),
                    SarifFormatter.MAX_RESULTS).format(diagnostics);
            case "github" -> new GithubFormatter(repositoryPrefix(source)).format(diagnostics);
            case "gitlab" -> new GitlabFormatter(repositoryPrefix(source), SourceLines.fingerprints(source))
                    .format(diagnostics);
            default -> throw new IllegalArgumentException("unknown format '" + format
                    + "'; use text, json, sarif, github or gitlab");
        };
    }

    /**
     * The Markdown job summary of a run for {@code $GITHUB_STEP_SUMMARY}: counts by rule and file and
     * the worst findings, with paths relative to the repository.
     */
    public String githubSummary(BuildResult result, Path source) {
        return new GithubFormatter(repositoryPrefix(source)).summary(result.diagnostics());
    }

    /** The path of {@code source} inside its Git work tree ("" at the top, or when not in one). */
    static String repositoryPrefix(Path source) {
        Path dir = source.toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                String rel = p.relativize(dir).toString().replace('\\', '/');
                return rel.isEmpty() ? "" : rel + "/";
            }
        }
        return "";
    }

    /**
     * The reference date from {@code SOURCE_DATE_EPOCH} (seconds since the epoch), or null when it is
     * unset. Throws on a value that is not a number.
     */
    public static LocalDate referenceDateFromEpoch(String sourceDateEpoch) {
        if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
            return null;
        }
        try {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.strip())), ZoneOffset.UTC);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be seconds since 1970-01-01, not '"
                    + sourceDateEpoch + "'");
        }
    }

    /**
     * The front-matter JSON Schema of each kind of the site at {@code source} (built-in defaults, with
     * the site's severities), by kind name, sorted.
     */
    public Map<String, String> schemas(Path source) {
        Diagnostics ignored = new Diagnostics();
        SiteConfig config;
        try {
            config = new ConfigParser(new YamlReader()).load(source, ignored);
        } catch (IOException e) {
            config = SiteConfig.defaults();
        }
        return SchemaSet.documents(config);
    }

    /**
     * The rule table: every rule a site can grade in {@code rules:}, with its default severity and what
     * it checks, one line each, aligned; the same list the README's rule table is checked against.
     */
    public String ruleTable() {
        List<RuleInfo> rules = RuleInfo.registry();
        int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (RuleInfo r : rules) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %-7s  %s", r.id(), r.defaultSeverity().label(),
                    r.shortDescription())).append('\n');
        }
        return out.toString();
    }

    /** Creates a working knowledge base in {@code dir}; returns the files written. */
    public List<String> init(Path dir, LocalDate today) throws IOException {
        return new Scaffolder().init(dir, today);
    }

    /**
     * Writes a new document of {@code doc.kind()} into the kind's folder of the site at {@code site},
     * from the site's {@code archetypes/} or the built-in template. Returns its path relative to the site.
     */
    public String newDocument(Path site, NewDocument doc) throws IOException {
        SiteConfig config = new ConfigParser(new YamlReader()).load(site, new Diagnostics());
        KindConfig kind = config.kind(doc.kind()).orElseThrow(() -> new IllegalArgumentException(
                "unknown kind '" + doc.kind() + "'; known: "
                        + String.join(", ", config.kinds().stream().map(KindConfig::name).toList())));
        String folder = kind.folders().isEmpty() ? kind.name() + "s" : kind.folders().get(0);
        return new Scaffolder().newDocument(site, folder, doc);
    }

    /**
     * Reads the existing Markdown collection at {@code dir} and writes a {@code hindsight.yml} that fits it
     * (never over an existing one unless {@code force}); documents are never changed.
     */
    public AdoptResult adopt(Path dir, boolean force) throws IOException {
        return new Adopter().adopt(dir, force);
    }

    /** The version this jar was built as. */
    public static String version() {
        try (InputStream in = Hindsight.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
