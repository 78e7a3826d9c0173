package dev.hindsight.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final List<List<String>> groups;
    /** The most terms in a phrase (at least 1). */
    private final int maxLength;
    /** Every term of a phrase, numbered from 0. */
    private final Map<String, Integer> termNumbers;
    /** The phrases that have terms (of all groups, in group order): as term numbers, each one's group, as written. */
    private final List<int[]> phraseNumbers;
    private final List<Integer> phraseGroups;
    private final List<String> phraseStrings;
    /** The phrases, as indexes into {@link #phraseNumbers}, by the number of their last term. */
    private final List<int[]> phrasesByLastNumber;

    public Synonyms(List<List<String>> groups) {
        this.groups = groups.stream().map(List::copyOf).toList();
        Map<String, Integer> numbers = new HashMap<>();
        List<int[]> phrases = new ArrayList<>();
        List<Integer> phraseGroupList = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        List<List<Integer>> byLast = new ArrayList<>();
        int max = 1;
        for (int g = 0; g < this.groups.size(); g++) {
            for (String phrase : this.groups.get(g)) {
                List<String> terms = Tokenizer.terms(phrase);
                if (terms.isEmpty()) {
                    continue;
                }
                int[] termNumbersOfPhrase = new int[terms.size()];
                for (int k = 0; k < termNumbersOfPhrase.length; k++) {
                    termNumbersOfPhrase[k] = numbers.computeIfAbsent(terms.get(k), t -> numbers.size());
                }
                while (byLast.size() < numbers.size()) {
                    byLast.add(new ArrayList<>());
                }
                byLast.get(termNumbersOfPhrase[termNumbersOfPhrase.length - 1]).add(phrases.size());
                phrases.add(termNumbersOfPhrase);
                phraseGroupList.add(g);
                strings.add(phrase);
                max = Math.max(max, termNumbersOfPhrase.length);
            }
        }
        this.termNumbers = Map.copyOf(numbers);
        this.phraseNumbers = List.copyOf(phrases);
        this.phraseGroups = List.copyOf(phraseGroupList);
        this.phraseStrings = List.copyOf(strings);
        this.phrasesByLastNumber = byLast.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
        this.maxLength = max;
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
     * holds, other than those the field already holds: the field as the index sees it.
     */
    List<String> expand(List<String> pieces) {
        return expand(pieces, Integer.MAX_VALUE);
    }

    /**
     * As {@link #expand(List)}, looking for phrases in the first {@code maxChars} characters of the
     * pieces only (a body's length must not multiply the cost of the index). A phrase lies within one piece.
     * The index does the same as it tokenizes a field ({@link Matcher}), without this list.
     */
    List<String> expand(List<String> pieces, int maxChars) {
        if (isEmpty()) {
            return pieces;
        }
        Matcher m = new Matcher(null);
        m.startField();
        int budget = maxChars;
        for (String whole : pieces) {
            if (budget <= 0) {
                break;
            }
            m.scan(whole.length() <= budget ? whole : whole.substring(0, budget));
            budget -= Math.min(budget, whole.length());
        }
        List<String> out = new ArrayList<>(pieces);
        m.added(out::add);
        return out.size() == pieces.size() ? pieces : out;
    }

    /** Whether there are no phrases to look for. */
    boolean isEmpty() {
        return phraseNumbers.isEmpty();
    }

    /** A new {@link Matcher} over the terms of one {@link TermDictionary}; for one thread. */
    Matcher matcher(TermDictionary dictionary) {
        return new Matcher(dictionary);
    }

    /**
     * Looks for phrases in the terms of a field as the index counts them, by their ids in {@code dictionary}, so that
     * a field's text is tokenized once for both (issue 18: the separate pass of {@link #expand} was ~5 % of a
     * build's CPU). Per field: {@link #startField}, then for each piece {@link #startPiece} and {@link #term} for
     * each term in order (or {@link #scan} for a piece that is looked at only in part), then {@link #added}: the
     * same phrases, in the same order, as {@link #expand} adds to the field's pieces.
     */
    final class Matcher {

        private final TermDictionary dictionary;
        /** The number of each dictionary id's term among the phrases' terms, -1 when none; known below {@link #known}. */
        private int[] numberOfId = new int[1 << 10];
        private int known;
        /** The numbers of the last terms of the current piece, newest last ({@link #run} of them are real). */
        private final int[] window = new int[maxLength];
        private int run;
        private final java.util.BitSet foundGroups = new java.util.BitSet();
        private final List<Integer> foundOrder = new ArrayList<>();
        private final java.util.BitSet presentPhrases = new java.util.BitSet();

        /** @param dictionary where the ids given to {@link #term} are; null for a matcher that only {@link #scan}s */
        private Matcher(TermDictionary dictionary) {
            this.dictionary = dictionary;
        }

        void startField() {
            foundGroups.clear();
            foundOrder.clear();
            presentPhrases.clear();
            run = 0;
        }

        void startPiece() {
            run = 0;
        }

        /** The next term of the piece, by its id in the dictionary. */
        void term(int id) {
            if (id >= known) {
                resolve(id);
            }
            push(numberOfId[id]);
        }

        /** Looks at all of {@code piece}, which the index tokenizes apart (the start of a longer piece). */
        void scan(String piece) {
            startPiece();
            Tokenizer.tokenize(piece, t -> push(termNumbers.getOrDefault(t, -1)));
        }

        /**
         * Gives {@code sink} the phrases of each group found, in the order found, but those present (as terms); a
         * phrase without terms adds nothing to the index and is left out.
         */
        void added(java.util.function.Consumer<String> sink) {
            for (int g : foundOrder) {
                for (int p = 0; p < phraseNumbers.size(); p++) {
                    if (phraseGroups.get(p) == g && !present(phraseNumbers.get(p))) {
                        sink.accept(phraseStrings.get(p));
                    }
                }
            }
        }

        private boolean present(int[] phrase) {
            for (int q = presentPhrases.nextSetBit(0); q >= 0; q = presentPhrases.nextSetBit(q + 1)) {
                if (java.util.Arrays.equals(phraseNumbers.get(q), phrase)) {
                    return true;
                }
            }
            return false;
        }

        private void resolve(int id) {
            if (id >= numberOfId.length) {
                numberOfId = java.util.Arrays.copyOf(numberOfId, Math.max(id + 1, numberOfId.length * 2));
            }
            for (int k = known; k <= id; k++) {
                numberOfId[k] = termNumbers.getOrDefault(dictionary.term(k), -1);
            }
            known = id + 1;
        }

        private void push(int number) {
            if (number < 0) {
                run = 0;
                return;
            }
            System.arraycopy(window, 1, window, 0, window.length - 1);
            window[window.length - 1] = number;
            run++;
            if (number >= phrasesByLastNumber.size()) {
                return;
            }
            for (int p : phrasesByLastNumber.get(number)) {
                int[] phrase = phraseNumbers.get(p);
                if (phrase.length <= run && endsWindow(phrase)) {
                    int g = phraseGroups.get(p);
                    if (!foundGroups.get(g)) {
                        foundGroups.set(g);
                        foundOrder.add(g);
                    }
                    presentPhrases.set(p);
                }
            }
        }

        private boolean endsWindow(int[] phrase) {
            int offset = window.length - phrase.length;
            for (int k = 0; k < phrase.length; k++) {
                if (window[offset + k] != phrase[k]) {
                    return false;
                }
            }
            return true;
        }
    }
}
