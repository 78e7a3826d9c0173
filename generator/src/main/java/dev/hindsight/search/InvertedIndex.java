package dev.hindsight.search;

import java.util.ArrayList;
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
 */
final class InvertedIndex {

    static final double K1 = 1.2;

    /** One term: its document frequency and the encoded postings ({@link Codec}). */
    record Term(String term, int df, String postings) {
    }

    private final List<Term> terms;

    private InvertedIndex(List<Term> terms) {
        this.terms = terms;
    }

    /** The terms in {@link String#compareTo} order (UTF-16 code units, as JavaScript compares). */
    List<Term> terms() {
        return terms;
    }

    /** Indexes {@code entries}; a document's id in the index is its position in the list. */
    static InvertedIndex build(List<SearchEntry> entries) {
        int n = entries.size();
        DocTerms[] docs = new DocTerms[n];
        IntStream.range(0, n).parallel().forEach(i -> docs[i] = DocTerms.of(entries.get(i)));

        int fields = Field.values().length;
        double[] avg = new double[fields];
        for (DocTerms d : docs) {
            for (int f = 0; f < fields; f++) {
                avg[f] += d.lengths[f];
            }
        }
        for (int f = 0; f < fields; f++) {
            avg[f] = avg[f] == 0 ? 1 : avg[f] / Math.max(1, n);
        }
        IntStream.range(0, n).parallel().forEach(i -> docs[i].weigh(avg));

        // Partitioned by hash so that the threads share no map; each walks the documents in id order,
        // so every postings list comes out sorted by document id.
        int parts = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        List<Map<String, Postings>> maps = IntStream.range(0, parts).parallel().mapToObj(p -> {
            Map<String, Postings> map = new HashMap<>();
            for (int d = 0; d < n; d++) {
                DocTerms dt = docs[d];
                for (int k = 0; k < dt.terms.length; k++) {
                    String t = dt.terms[k];
                    if ((t.hashCode() & 0x7fffffff) % parts == p) {
                        map.computeIfAbsent(t, x -> new Postings()).add(d, dt.weights[k]);
                    }
                }
            }
            return map;
        }).toList();

        List<Map.Entry<String, Postings>> all = new ArrayList<>();
        maps.forEach(m -> all.addAll(m.entrySet()));
        all.sort(Map.Entry.comparingByKey());
        double[] maxima = new double[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> maxima[i] = all.get(i).getValue().scale(idf(n,
                all.get(i).getValue().size)));
        double globalMax = Arrays.stream(maxima).max().orElse(1);
        Term[] out = new Term[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            Map.Entry<String, Postings> e = all.get(i);
            out[i] = new Term(e.getKey(), e.getValue().size, e.getValue().encode(maxima[i], globalMax));
        });
        return new InvertedIndex(List.of(out));
    }

    static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** One document's terms with their per-field counts, then their weights (score without IDF). */
    private static final class DocTerms {
        final String[] terms;
        final int[] counts;
        final int[] lengths;
        float[] weights;

        private DocTerms(String[] terms, int[] counts, int[] lengths) {
            this.terms = terms;
            this.counts = counts;
            this.lengths = lengths;
        }

        static DocTerms of(SearchEntry e) {
            int fields = Field.values().length;
            Map<String, int[]> tf = new HashMap<>();
            int[] lengths = new int[fields];
            for (Field f : Field.values()) {
                int fi = f.ordinal();
                Tokenizer.tokenize(e.text(f), t -> {
                    tf.computeIfAbsent(t, x -> new int[fields])[fi]++;
                    lengths[fi]++;
                });
            }
            String[] terms = new String[tf.size()];
            int[] counts = new int[tf.size() * fields];
            int k = 0;
            for (Map.Entry<String, int[]> en : tf.entrySet()) {
                terms[k] = en.getKey();
                System.arraycopy(en.getValue(), 0, counts, k * fields, fields);
                k++;
            }
            return new DocTerms(terms, counts, lengths);
        }

        void weigh(double[] avg) {
            Field[] fs = Field.values();
            weights = new float[terms.length];
            for (int k = 0; k < terms.length; k++) {
                double w = 0;
                for (Field f : fs) {
                    int tf = counts[k * fs.length + f.ordinal()];
                    if (tf > 0) {
                        double norm = tf / (1 - f.b + f.b * lengths[f.ordinal()] / avg[f.ordinal()]);
                        w += f.boost * (K1 + 1) * norm / (norm + K1);
                    }
                }
                weights[k] = (float) w;
            }
        }
    }

    /** A growing postings list: document ids in increasing order with their weights. */
    private static final class Postings {
        int[] docs = new int[4];
        float[] weights = new float[4];
        int size;

        void add(int doc, float weight) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            docs[size] = doc;
            weights[size] = weight;
            size++;
        }

        /** Multiplies the weights by the IDF, making them scores; returns the best. */
        double scale(double idf) {
            double max = 0;
            for (int i = 0; i < size; i++) {
                weights[i] = (float) (weights[i] * idf);
                max = Math.max(max, weights[i]);
            }
            return max;
        }

        String encode(double termMax, double globalMax) {
            StringBuilder b = new StringBuilder(2 + size * 3);
            Codec.fixed2(b, Codec.level(termMax, globalMax, Codec.TERM_RATIO, Codec.TERM_LEVELS));
            int prev = -1;
            for (int i = 0; i < size; i++) {
                Codec.varint(b, docs[i] - prev - 1);
                b.append(Codec.digit(Codec.level(weights[i], termMax, Codec.POSTING_RATIO, Codec.POSTING_LEVELS)));
                prev = docs[i];
            }
            return b.toString();
        }
    }
}
