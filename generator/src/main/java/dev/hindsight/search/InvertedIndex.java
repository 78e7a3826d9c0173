package dev.hindsight.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
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

        // Each thread owns the terms of one hash partition and walks the documents in id order, so
        // every postings list comes out sorted by document id and no table is shared between threads.
        int parts = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        List<Vocabulary> vocabularies = IntStream.range(0, parts).parallel().mapToObj(p -> {
            Vocabulary v = new Vocabulary();
            for (int d = 0; d < n; d++) {
                docs[d].addTo(v, d, p, parts, avg);
            }
            return v;
        }).toList();

        List<Postings> all = new ArrayList<>();
        vocabularies.forEach(v -> v.addAllTo(all));
        all.sort(Comparator.comparing(p -> p.term));
        double[] maxima = new double[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> maxima[i] = all.get(i).scale(idf(n, all.get(i).size)));
        double globalMax = Arrays.stream(maxima).max().orElse(1);
        Term[] out = new Term[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            Postings p = all.get(i);
            out[i] = new Term(p.term, p.size, p.encode(maxima[i], globalMax));
        });
        return new InvertedIndex(List.of(out));
    }

    static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** One document's terms with their hashes and per-field counts. */
    private static final class DocTerms {
        final String[] terms;
        final int[] hashes;
        final int[] counts;
        final int[] lengths;

        private DocTerms(String[] terms, int[] hashes, int[] counts, int[] lengths) {
            this.terms = terms;
            this.hashes = hashes;
            this.counts = counts;
            this.lengths = lengths;
        }

        static DocTerms of(SearchEntry e) {
            int fields = Field.values().length;
            TermCounter counter = new TermCounter(fields);
            for (Field f : Field.values()) {
                counter.field(f.ordinal());
                Tokenizer.tokenize(e.text(f), counter);
            }
            String[] terms = new String[counter.size()];
            int[] hashes = new int[counter.size()];
            int[] counts = new int[counter.size() * fields];
            counter.copyTo(terms, hashes, counts);
            return new DocTerms(terms, hashes, counts, counter.lengths);
        }

        /** Adds this document's postings for the terms of partition {@code p}. */
        void addTo(Vocabulary v, int doc, int p, int parts, double[] avg) {
            Field[] fs = Field.values();
            for (int k = 0; k < terms.length; k++) {
                if (((hashes[k] & 0x7fffffff) % parts) != p) {
                    continue;
                }
                double w = 0;
                for (Field f : fs) {
                    int tf = counts[k * fs.length + f.ordinal()];
                    if (tf > 0) {
                        double norm = tf / (1 - f.b + f.b * lengths[f.ordinal()] / avg[f.ordinal()]);
                        w += f.boost * (K1 + 1) * norm / (norm + K1);
                    }
                }
                v.get(terms[k], hashes[k]).add(doc, (float) w);
            }
        }
    }

    /** Term → postings, open addressing on the hashes the {@link TermCounter} already computed. */
    private static final class Vocabulary {
        private String[] keys = new String[1 << 14];
        private int[] hashes = new int[keys.length];
        private Postings[] values = new Postings[keys.length];
        private int size;

        Postings get(String term, int hash) {
            int mask = keys.length - 1;
            int i = TermCounter.slot(hash, mask);
            while (keys[i] != null) {
                if (hashes[i] == hash && keys[i].equals(term)) {
                    return values[i];
                }
                i = (i + 1) & mask;
            }
            keys[i] = term;
            hashes[i] = hash;
            Postings p = new Postings(term);
            values[i] = p;
            if (++size * 2 > keys.length) {
                grow();
            }
            return p;
        }

        private void grow() {
            String[] k0 = keys;
            int[] h0 = hashes;
            Postings[] v0 = values;
            keys = new String[k0.length * 2];
            hashes = new int[keys.length];
            values = new Postings[keys.length];
            int mask = keys.length - 1;
            for (int j = 0; j < k0.length; j++) {
                if (k0[j] != null) {
                    int i = TermCounter.slot(h0[j], mask);
                    while (keys[i] != null) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k0[j];
                    hashes[i] = h0[j];
                    values[i] = v0[j];
                }
            }
        }

        void addAllTo(List<Postings> out) {
            for (Postings p : values) {
                if (p != null) {
                    out.add(p);
                }
            }
        }
    }

    /** A growing postings list: document ids in increasing order with their weights. */
    private static final class Postings {
        final String term;
        int[] docs = new int[2];
        float[] weights = new float[2];
        int size;

        Postings(String term) {
            this.term = term;
        }

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
