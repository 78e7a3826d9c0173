package dev.hindsight.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups of phrases that mean the same to an on-call engineer ("disk full", "out of space", "no space
 * left"). Expanded at index time, so the browser needs no synonym list: a field whose text holds one
 * phrase of a group (its terms in a row, as {@link Tokenizer} makes them) also gets every other
 * phrase of the group, once, in that same field; ranking stays BM25F over the expanded fields.
 */
public final class Synonyms {

    /** The built-in set, replaced by {@code search.synonyms} and added to by {@code search.extra_synonyms}. */
    public static final List<List<String>> BUILT_IN = List.of(
            List.of("disk full", "out of space", "no space left", "filesystem full", "space filling up"),
            List.of("oom", "out of memory", "memory exhausted"),
            List.of("5xx", "server error", "server errors"),
            List.of("cert", "certs", "certificate", "certificates"),
            List.of("expired", "expiry", "expiration", "expires", "expiring"),
            List.of("sev1", "sev-1"),
            List.of("sev2", "sev-2"),
            List.of("sev3", "sev-3"),
            List.of("sev4", "sev-4"),
            List.of("latency", "slow", "slowness"),
            List.of("crashloop", "crash loop", "crashlooping", "crash looping"),
            List.of("k8s", "kubernetes"),
            List.of("db", "database"),
            List.of("dns", "name resolution"),
            List.of("timeout", "timed out", "time out"),
            List.of("rollback", "roll back", "rolled back"),
            List.of("outage", "downtime"));

    public static final Synonyms NONE = new Synonyms(List.of());

    private static final Synonyms DEFAULT = new Synonyms(BUILT_IN);

    /** A phrase's terms, and the index of its group. */
    private record Phrase(List<String> terms, int group) {
    }

    private final List<List<String>> groups;
    /** Phrases by their last term. */
    private final Map<String, List<Phrase>> byLastTerm = new HashMap<>();
    /** The most terms in a phrase (at least 1). */
    private final int maxLength;
    /** Whether every last term is ASCII, so that a plain text search can rule a piece out. */
    private final boolean asciiLastTerms;
    /** The last terms (lower case ASCII) by their first character (128 lists), for {@link #mayHold}; null unless ASCII. */
    private final List<List<String>> lastTermsByFirstChar;

    public Synonyms(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
        int max = 1;
        for (int g = 0; g < this.groups.size(); g++) {
            for (String phrase : this.groups.get(g)) {
                List<String> terms = Tokenizer.terms(phrase);
                if (!terms.isEmpty()) {
                    byLastTerm.computeIfAbsent(terms.get(terms.size() - 1), k -> new ArrayList<>())
                            .add(new Phrase(terms, g));
                    max = Math.max(max, terms.size());
                }
            }
        }
        this.maxLength = max;
        this.asciiLastTerms = byLastTerm.keySet().stream().allMatch(t -> t.chars().allMatch(c -> c < 0x80));
        this.lastTermsByFirstChar = asciiLastTerms ? byFirstChar(byLastTerm.keySet()) : null;
    }

    private static List<List<String>> byFirstChar(Set<String> terms) {
        List<List<String>> table = new ArrayList<>();
        for (int c = 0; c < 0x80; c++) {
            table.add(new ArrayList<>());
        }
        terms.stream().filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(java.util.Locale.ROOT)).sorted()
                .forEach(t -> table.get(t.charAt(0)).add(t));
        return table.stream().map(List::copyOf).toList();
    }

    /** {@code own} groups (the built-in ones when null) followed by {@code extra}. */
    public static Synonyms of(List<List<String>> own, List<List<String>> extra) {
        if (own == null && extra.isEmpty()) {
            return DEFAULT;
        }
        List<List<String>> groups = new ArrayList<>(own == null ? BUILT_IN : own);
        groups.addAll(extra);
        return new Synonyms(groups);
    }

    public static Synonyms builtIn() {
        return DEFAULT;
    }

    public List<List<String>> groups() {
        return groups;
    }

    /**
     * {@code pieces} (the text of one field) followed by the phrases of every group one of the pieces
     * holds, other than those the field already holds.
     */
    List<String> expand(List<String> pieces) {
        return expand(pieces, Integer.MAX_VALUE);
    }

    /**
     * As {@link #expand(List)}, looking for phrases in the first {@code maxChars} characters of the
     * pieces only (a body's length must not multiply the cost of the index).
     */
    List<String> expand(List<String> pieces, int maxChars) {
        if (groups.isEmpty()) {
            return pieces;
        }
        int budget = maxChars;
        Set<Integer> found = new LinkedHashSet<>();
        Set<List<String>> present = new java.util.HashSet<>();
        // The last terms seen, newest last: a phrase is matched when its last term arrives.
        String[] window = new String[maxLength];
        for (String whole : pieces) {
            if (budget <= 0) {
                break;
            }
            String piece = whole.length() <= budget ? whole : whole.substring(0, budget);
            budget -= piece.length();
            if (!mayHold(piece)) {
                continue;
            }
            int[] seen = {0};
            Tokenizer.tokenize(piece, term -> {
                System.arraycopy(window, 1, window, 0, window.length - 1);
                window[window.length - 1] = term;
                seen[0]++;
                List<Phrase> candidates = byLastTerm.get(term);
                if (candidates == null) {
                    return;
                }
                for (Phrase p : candidates) {
                    if (p.terms().size() <= seen[0] && endsWindow(window, p.terms())) {
                        found.add(p.group());
                        present.add(p.terms());
                    }
                }
            });
        }
        if (found.isEmpty()) {
            return pieces;
        }
        List<String> out = new ArrayList<>(pieces);
        for (int g : found) {
            for (String phrase : groups.get(g)) {
                if (!present.contains(Tokenizer.terms(phrase))) {
                    out.add(phrase);
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code piece} may hold a phrase: false when no phrase's last term occurs in it as text,
     * which skips tokenizing long bodies (a 100,000-line timeline) that hold none. Text with non-ASCII
     * characters is always tokenized, as folding may make it match.
     */
    private boolean mayHold(String piece) {
        if (!asciiLastTerms) {
            return true;
        }
        // One pass, without copying the piece: at each character, the last terms that begin with it (in
        // ASCII lower case, as the piece would be lower-cased) are compared in place.
        int n = piece.length();
        for (int i = 0; i < n; i++) {
            char c = piece.charAt(i);
            if (c >= 0x80) {
                return true;
            }
            List<String> candidates = lastTermsByFirstChar.get(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            for (int k = 0; k < candidates.size(); k++) {
                String last = candidates.get(k);
                if (last.length() <= n - i && startsAtIgnoringAsciiCase(piece, i, last)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code piece} holds {@code lower} (ASCII, lower case) at {@code at}, ASCII letters in either case. */
    private static boolean startsAtIgnoringAsciiCase(String piece, int at, String lower) {
        for (int k = 1; k < lower.length(); k++) {
            char c = piece.charAt(at + k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWindow(String[] window, List<String> phrase) {
        int offset = window.length - phrase.size();
        for (int k = 0; k < phrase.size(); k++) {
            if (!phrase.get(k).equals(window[offset + k])) {
                return false;
            }
        }
        return true;
    }

}
