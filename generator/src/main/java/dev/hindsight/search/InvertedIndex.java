package dev.hindsight.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Terms to scored postings. Scoring is BM25 per field with the field's boost, summed over the fields
 * (so one title match outweighs any number of body matches), times the term's IDF:
 * {@code idf(t) · Σ_f boost_f · (k1+1)·tf'/(tf'+k1)} with {@code tf' = tf / (1 − b_f + b_f·len/avglen)}.
 * Everything the client needs per (term, document) is computed here; it only adds numbers up.
 *
 * <p>The build is four passes: tasks tokenize runs of documents, each with its own
 * {@link TermDictionary}, counting per field into one packed {@code long} per (term, document); the
 * task dictionaries are merged into one sorted term list; postings arrays are sized by document
 * frequency and filled in document order; then each term is scored and encoded.
 */
final class InvertedIndex {

    static final double K1 = 1.2;
    private static final int BITS = 12;
    private static final long MAX_COUNT = (1L << BITS) - 1;

    /** How much of the body is looked at for synonyms: the start, where a document says what it is about. */
    static final int BODY_SYNONYM_CHARS = 64 * 1024;

    /** How many characters of field {@code f} are looked at for synonym phrases (all but the body's). */
    static int synonymChars(Field f) {
        return f == Field.BODY ? BODY_SYNONYM_CHARS : Integer.MAX_VALUE;
    }

    /** How many of a term's best documents {@link Term#top} names. */
    static final int TOP = 10;

    /**
     * One term: its document frequency, the encoded postings ({@link Codec}) and its best documents (at most
     * {@link #TOP}, best score first, ties to the lower id), whose rows its postings shard carries.
     */
    record Term(String term, int df, String postings, int[] top) {

        Term(String term, int df, String postings) {
            this(term, df, postings, new int[0]);
        }
    }

    private final List<Term> terms;

    private InvertedIndex(List<Term> terms) {
        this.terms = terms;
    }

    /** The terms in {@link String#compareTo} order (UTF-16 code units, as JavaScript compares). */
    List<Term> terms() {
        return terms;
    }

    /**
     * Indexes {@code entries}; a document's id in the index is its position in the list. A field that holds a phrase
     * of {@code synonyms} is indexed with the other phrases of its group too ({@link Synonyms#expand}), found as the
     * field is tokenized.
     */
    static InvertedIndex build(List<SearchEntry> entries, Synonyms synonyms) {
        int n = entries.size();
        int fields = Field.COUNT;
        int taskCount = Math.max(1, Math.min(n / 64, 2 * Runtime.getRuntime().availableProcessors()));
        Task[] tasks = new Task[taskCount];
        IntStream.range(0, taskCount).parallel().forEach(t -> {
            tasks[t] = new Task(n * t / taskCount, n * (t + 1) / taskCount, synonyms);
            tasks[t].run(entries);
        });

        // One sorted term list; each task's local ids mapped to positions in it.
        Map<String, Integer> global = new HashMap<>();
        for (Task t : tasks) {
            for (int id = 0; id < t.dictionary.size(); id++) {
                global.putIfAbsent(t.dictionary.term(id), global.size());
            }
        }
        String[] sorted = global.keySet().toArray(new String[0]);
        Arrays.parallelSort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            global.put(sorted[i], i);
        }
        for (Task t : tasks) {
            t.toGlobal = new int[t.dictionary.size()];
            for (int id = 0; id < t.toGlobal.length; id++) {
                t.toGlobal[id] = global.get(t.dictionary.term(id));
            }
        }

        double[] avg = new double[fields];
        for (Task t : tasks) {
            for (int d = 0; d < t.to - t.from; d++) {
                for (int f = 0; f < fields; f++) {
                    avg[f] += t.lengths[d * fields + f];
                }
            }
        }
        for (int f = 0; f < fields; f++) {
            avg[f] = avg[f] == 0 ? 1 : avg[f] / Math.max(1, n);
        }

        int[] df = new int[sorted.length];
        for (Task t : tasks) {
            for (int k = 0; k < t.termCount; k++) {
                df[t.toGlobal[t.termIds[k]]]++;
            }
        }
        int[][] docs = new int[sorted.length][];
        float[][] weights = new float[sorted.length][];
        for (int g = 0; g < sorted.length; g++) {
            docs[g] = new int[df[g]];
            weights[g] = new float[df[g]];
        }
        // Tasks hold consecutive documents, so filling task by task keeps every list in id order. The
        // term range is split between threads, each of which only writes the lists of its own terms.
        int[] filled = new int[sorted.length];
        int parts = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, parts).parallel().forEach(p -> {
            int lo = (int) ((long) sorted.length * p / parts);
            int hi = (int) ((long) sorted.length * (p + 1) / parts);
            for (Task t : tasks) {
                t.fill(docs, weights, filled, avg, lo, hi);
            }
        });

        double[] maxima = new double[sorted.length];
        IntStream.range(0, sorted.length).parallel().forEach(g -> {
            double idf = idf(n, df[g]);
            double max = 0;
            for (int i = 0; i < weights[g].length; i++) {
                weights[g][i] *= (float) idf;
                max = Math.max(max, weights[g][i]);
            }
            maxima[g] = max;
        });
        double globalMax = Arrays.stream(maxima).max().orElse(1);
        Term[] out = new Term[sorted.length];
        IntStream.range(0, sorted.length).parallel().forEach(g ->
                out[g] = term(sorted[g], docs[g], weights[g], maxima[g], globalMax, n));
        return new InvertedIndex(List.of(out));
    }

    /**
     * The documents of the {@link #TOP} highest score levels, highest first, ties to the lower id: the order in
     * which the client ranks a term's documents, which sees the levels only.
     */
    static int[] top(int[] docs, int[] levels) {
        int k = Math.min(TOP, docs.length);
        int[] out = new int[k];
        int size = 0;
        for (int i = 0; i < docs.length; i++) {
            int level = levels[i];
            if (size == k && level <= levels[out[k - 1]]) {
                continue; // ids ascend: an equal level later has a higher id
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && level > levels[out[at - 1]]) {
                out[at] = out[at - 1];
                at--;
            }
            out[at] = i;
        }
        for (int i = 0; i < k; i++) {
            out[i] = docs[out[i]];
        }
        return out;
    }

    static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static Term term(String term, int[] docs, float[] weights, double termMax, double globalMax,
                             int documentCount) {
        int[] levels = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            levels[i] = Codec.level(weights[i], termMax, Codec.POSTING_RATIO, Codec.POSTING_LEVELS);
        }
        return new Term(term, docs.length, Codec.postings(docs, levels,
                Codec.level(termMax, globalMax, Codec.TERM_RATIO, Codec.TERM_LEVELS), documentCount), top(docs, levels));
    }

    /**
     * Documents {@code [from, to)}: their terms as local ids with per-field counts packed into a long
     * ({@value #BITS} bits a field, saturating), and their field lengths.
     */
    private static final class Task implements Tokenizer.Sink {
        final int from;
        final int to;
        final TermDictionary dictionary = new TermDictionary();
        final int[] termStart;
        int[] termIds = new int[1 << 14];
        long[] counts = new long[1 << 14];
        int termCount;
        final int[] lengths;
        int[] toGlobal;

        private int[] lastDoc = new int[1 << 12];
        private int[] slotOf = new int[1 << 12];
        private int doc;
        private int field;
        private long one;

        /** The phrases of the current field so far, while its terms are looked at for them; null when not. */
        private Synonyms.Matcher matching;
        private final Synonyms.Matcher matcher;

        Task(int from, int to, Synonyms synonyms) {
            this.from = from;
            this.to = to;
            this.termStart = new int[to - from + 1];
            this.lengths = new int[(to - from) * Field.COUNT];
            this.matcher = synonyms.isEmpty() ? null : synonyms.matcher(dictionary);
        }

        void run(List<SearchEntry> entries) {
            Arrays.fill(lastDoc, -1);
            for (int d = from; d < to; d++) {
                doc = d;
                termStart[d - from] = termCount;
                SearchEntry e = entries.get(d);
                for (Field f : Field.values()) {
                    field = f.ordinal();
                    one = 1L << (BITS * field);
                    if (matcher == null) {
                        for (String text : e.texts(f)) {
                            Tokenizer.tokenize(text, this);
                        }
                    } else {
                        tokenizeExpanded(e.texts(f), synonymChars(f));
                    }
                }
            }
            termStart[to - from] = termCount;
        }

        /**
         * Tokenizes the pieces of a field and then the phrases {@link Synonyms#expand(List, int)} adds to them, looking
         * for the phrases in the first {@code maxChars} characters only.
         */
        private void tokenizeExpanded(List<String> pieces, int maxChars) {
            matcher.startField();
            int budget = maxChars;
            for (String piece : pieces) {
                if (budget > 0 && piece.length() <= budget) {
                    matcher.startPiece();
                    matching = matcher;
                } else if (budget > 0) {
                    matcher.scan(piece.substring(0, budget));
                }
                budget -= Math.min(budget, piece.length());
                Tokenizer.tokenize(piece, this);
                matching = null;
            }
            matcher.added(phrase -> Tokenizer.tokenize(phrase, this));
        }

        @Override
        public void term(String term) {
            count(dictionary.idOf(term));
        }

        @Override
        public void asciiTerm(String text, int start, int end, boolean upper) {
            count(dictionary.idOfAscii(text, start, end, upper));
        }

        private void count(int id) {
            if (matching != null) {
                matching.term(id);
            }
            if (id >= lastDoc.length) {
                int old = lastDoc.length;
                lastDoc = Arrays.copyOf(lastDoc, Math.max(id + 1, old * 2));
                slotOf = Arrays.copyOf(slotOf, lastDoc.length);
                Arrays.fill(lastDoc, old, lastDoc.length, -1);
            }
            lengths[(doc - from) * Field.COUNT + field]++;
            if (lastDoc[id] != doc) {
                lastDoc[id] = doc;
                if (termCount == termIds.length) {
                    termIds = Arrays.copyOf(termIds, termCount * 2);
                    counts = Arrays.copyOf(counts, termCount * 2);
                }
                slotOf[id] = termCount;
                termIds[termCount] = id;
                counts[termCount] = one;
                termCount++;
            } else {
                int k = slotOf[id];
                if (((counts[k] >>> (BITS * field)) & MAX_COUNT) != MAX_COUNT) {
                    counts[k] += one;
                }
            }
        }

        /** Appends this task's postings of the terms in [lo, hi), weighted, to their lists. */
        void fill(int[][] docs, float[][] weights, int[] filled, double[] avg, int lo, int hi) {
            Field[] fs = Field.values();
            double[] norm = new double[fs.length];
            for (int d = from; d < to; d++) {
                for (Field f : fs) {
                    norm[f.ordinal()] = 1 - f.b + f.b * lengths[(d - from) * fs.length + f.ordinal()] / avg[f.ordinal()];
                }
                for (int k = termStart[d - from]; k < termStart[d - from + 1]; k++) {
                    int g = toGlobal[termIds[k]];
                    if (g < lo || g >= hi) {
                        continue;
                    }
                    long packed = counts[k];
                    double w = 0;
                    for (Field f : fs) {
                        int tf = (int) ((packed >>> (BITS * f.ordinal())) & MAX_COUNT);
                        if (tf > 0) {
                            double x = tf / norm[f.ordinal()];
                            w += f.boost * (K1 + 1) * x / (x + K1);
                        }
                    }
                    docs[g][filled[g]] = d;
                    weights[g][filled[g]] = (float) w;
                    filled[g]++;
                }
            }
        }
    }
}
