package dev.hindsight.diag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Stable identities for diagnostics, so that a code-scanning service or GitLab recognises the same
 * finding in the next run instead of opening a new alert.
 *
 * <p>A fingerprint hashes the rule id, the file, the message and the text of the finding's source
 * line (trimmed, whitespace runs folded), but not the line number: inserting lines above a finding
 * keeps its fingerprint, editing the line it sits on (or the message) changes it. Identical findings
 * in one file are told apart by their order ({@code :1}, {@code :2} …).
 */
public final class Fingerprints {

    /** The key under SARIF {@code partialFingerprints}. */
    public static final String SARIF_KEY = "hindsightFinding/v1";

    private final BiFunction<String, Integer, String> lineText;

    /**
     * @param lineText the text of a 1-based line of a site file, or "" when unknown (line 0 means
     *     the file as a whole)
     */
    public Fingerprints(BiFunction<String, Integer, String> lineText) {
        this.lineText = Objects.requireNonNull(lineText, "lineText");
    }

    /** Without source text: rule, file and message only. */
    public static Fingerprints withoutSource() {
        return new Fingerprints((file, line) -> "");
    }

    /** One fingerprint per diagnostic, in the order given (32 lowercase hex digits each). */
    public List<String> of(List<Diagnostic> diagnostics) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String line = d.position().line() == 0 ? "" : lineText.apply(d.position().file(), d.position().line());
            String key = d.ruleId() + '\u0000' + d.position().file() + '\u0000' + d.message() + '\u0000'
                    + normalise(line == null ? "" : line);
            int n = seen.merge(key, 1, Integer::sum);
            out.add(hash(key + '\u0000' + n));
        }
        return List.copyOf(out);
    }

    private static String normalise(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
