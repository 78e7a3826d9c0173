package dev.hindsight.diag;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hindsight.text.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Diagnostics as a SARIF 2.1.0 log with one run, for GitHub code scanning and other SARIF viewers.
 *
 * <p>Result URIs are relative to the {@value #URI_BASE_ID} base id, the repository root, so the
 * log holds no machine path. Diagnostic paths are relative to the site root, so each URI is the
 * site's prefix within the repository (e.g. {@code example-site/}) followed by the diagnostic path.
 * Rules are listed once each, sorted by id; results keep the order given (pass
 * {@link Diagnostics#sorted()} for stable output). A hint goes in the result's
 * {@code properties.hint}.
 *
 * <p>Each rule carries its short and full description and a help URI into the README
 * ({@link RuleInfo}); each result a {@code partialFingerprints} entry ({@link Fingerprints}) so that
 * re-runs update alerts instead of duplicating them. GitHub code scanning rejects a run with more
 * than {@value #MAX_RESULTS} results; beyond the cap the most severe results are kept (in the
 * given order within a severity) and a run-level notification says how many were left out.
 */
public final class SarifFormatter {

    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String SARIF_VERSION = "2.1.0";
    public static final String TOOL_NAME = "Hindsight";
    public static final String INFORMATION_URI = "https://github.com/hindsight-dev/hindsight";
    public static final String URI_BASE_ID = "SRCROOT";

    // RFC 3986 pchar minus ':' (which would read as a scheme in a first segment) and percent.
    private static final String SAFE_PUNCTUATION = "-._~!$&'()*+,;=@/";
    private static final String HEX = "0123456789ABCDEF";

    /** GitHub code scanning's limit of results per run. */
    public static final int MAX_RESULTS = 25_000;

    private final String toolVersion;
    private final String uriPrefix;
    private final Fingerprints fingerprints;
    private final int maxResults;

    /** For a site whose root is the repository root. */
    public SarifFormatter(String toolVersion) {
        this(toolVersion, "");
    }

    /**
     * @param toolVersion the Hindsight version, written as {@code tool.driver.version}
     * @param uriPrefix the site root relative to the repository root, such as {@code example-site/}
     *     or {@code docs/incidents}; empty or {@code .} when they are the same. A missing trailing
     *     {@code /} is added.
     * @throws IllegalArgumentException if the prefix is absolute or climbs out with {@code ..}
     */
    public SarifFormatter(String toolVersion, String uriPrefix) {
        this(toolVersion, uriPrefix, Fingerprints.withoutSource(), MAX_RESULTS);
    }

    /**
     * @param fingerprints how results get their {@code partialFingerprints}
     * @param maxResults   results beyond this many are left out, least severe first, with a note
     */
    public SarifFormatter(String toolVersion, String uriPrefix, Fingerprints fingerprints, int maxResults) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
        this.uriPrefix = RepositoryPaths.normalisePrefix(Objects.requireNonNull(uriPrefix, "uriPrefix"));
        this.fingerprints = Objects.requireNonNull(fingerprints, "fingerprints");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be positive");
        }
        this.maxResults = maxResults;
    }

    public String format(List<Diagnostic> all) {
        List<String> allPrints = fingerprints.of(all);
        List<Integer> kept = capped(all);
        List<Diagnostic> diagnostics = kept.stream().map(all::get).toList();
        List<String> prints = kept.stream().map(allPrints::get).toList();
        ObjectNode log = JsonText.object();
        log.put("$schema", SCHEMA_URI);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("version", toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (String id : new TreeSet<>(diagnostics.stream().map(Diagnostic::ruleId).toList())) {
            ruleIndex.put(id, ruleIndex.size());
            RuleInfo info = RuleInfo.describe(id);
            ObjectNode rule = rules.addObject();
            rule.put("id", id);
            rule.putObject("shortDescription").put("text", info.shortDescription());
            rule.putObject("fullDescription").put("text", info.fullDescription());
            rule.put("helpUri", info.helpUri());
        }
        if (diagnostics.size() < all.size()) {
            ObjectNode invocation = run.putArray("invocations").addObject();
            invocation.put("executionSuccessful", true);
            ObjectNode note = invocation.putArray("toolExecutionNotifications").addObject();
            note.put("level", "warning");
            note.putObject("message").put("text", String.format(java.util.Locale.ROOT,
                    "%d of %d results left out: code scanning takes at most %d per run; the most severe are kept. "
                            + "Run `hindsight check` for the full list.",
                    all.size() - diagnostics.size(), all.size(), maxResults));
        }

        // No "uri": the absolute root differs per checkout, and leaving it out keeps output stable.
        run.putObject("originalUriBaseIds").putObject(URI_BASE_ID).putObject("description")
                .put("text", "The root of the repository that holds the site.");

        ArrayNode results = run.putArray("results");
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            results.add(result(d, ruleIndex.get(d.ruleId()), prints.get(i)));
        }
        return JsonText.write(log);
    }

    /** The indexes of at most {@code maxResults} diagnostics, the most severe, in the given order. */
    private List<Integer> capped(List<Diagnostic> all) {
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        if (all.size() <= maxResults) {
            return order;
        }
        order.sort(java.util.Comparator.comparing((Integer i) -> all.get(i).severity()).thenComparing(i -> i));
        List<Integer> keep = new java.util.ArrayList<>(order.subList(0, maxResults));
        keep.sort(null);
        return keep;
    }

    private ObjectNode result(Diagnostic d, int ruleIndex, String fingerprint) {
        ObjectNode result = JsonText.object();
        result.put("ruleId", d.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(d.severity()));
        result.putObject("message").put("text", d.message());
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", encodePath(uriPrefix + d.position().file()));
        artifact.put("uriBaseId", URI_BASE_ID);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", d.position().displayLine());
        region.put("startColumn", d.position().displayColumn());
        result.putObject("partialFingerprints").put(Fingerprints.SARIF_KEY, fingerprint);
        if (d.hasHint()) {
            result.putObject("properties").put("hint", d.hint());
        }
        return result;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative path as a URI reference: UTF-8, percent-encoded except for safe characters. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c < 0x80 && SAFE_PUNCTUATION.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return out.toString();
    }
}
