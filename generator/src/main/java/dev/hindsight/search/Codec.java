package dev.hindsight.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The compact text encodings of the index files, decoded by {@code search-index.js}. Every character comes
 * from a 64-letter alphabet that needs no escaping in a JavaScript string or HTML (plus {@code ~}, the
 * mark of a dense postings list).
 *
 * <ul>
 *   <li>Unsigned numbers are base-32 varints, most significant group first: a character at index
 *       32–63 carries 5 bits and says "more follows", one at 0–31 carries the last 5 bits. Signed
 *       ones are zigzag-mapped first (0, −1, 1, −2 … → 0, 1, 2, 3 …).</li>
 *   <li>A postings list is two fixed characters (12 bits) for the term's best score on a global log
 *       scale, then per document the gap to the previous document id minus one (varint) and one
 *       character for the score relative to the term's best, on a log scale. A term in more than
 *       about a sixth of the documents is written dense, when that is shorter: {@code ~}, the two
 *       characters of its best score, a bitmap of the documents that have it (six documents a
 *       character, the lowest bit first), then one score character per such document, in id order.
 *       Common words are what multi-word queries load, and dense they are a third smaller.</li>
 *   <li>A sorted list of strings (file keys, facet values) is front-coded: per string, one character
 *       for the length of the prefix it shares with the previous one (at most 63), a varint for the
 *       length of the rest in UTF-16 units, and the rest.</li>
 * </ul>
 */
final class Codec {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    /** Step of the per-posting score scale: 7 %, so 63 steps span a factor of about 71. */
    static final double POSTING_RATIO = 1.07;
    /** Step of the per-term best-score scale: 0.5 %, 4096 steps. */
    static final double TERM_RATIO = 1.005;
    static final int TERM_LEVELS = 4096;
    static final int POSTING_LEVELS = 64;
    static final char DENSE = '~';

    private Codec() {
    }

    static void varint(StringBuilder out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        int groups = 1;
        for (long v = value >>> 5; v != 0; v >>>= 5) {
            groups++;
        }
        for (int g = groups - 1; g > 0; g--) {
            out.append(ALPHABET.charAt(32 + (int) ((value >>> (5 * g)) & 31)));
        }
        out.append(ALPHABET.charAt((int) (value & 31)));
    }

    static void zigzag(StringBuilder out, long value) {
        varint(out, value >= 0 ? 2 * value : -2 * value - 1);
    }

    static void fixed2(StringBuilder out, int value) {
        out.append(ALPHABET.charAt((value >>> 6) & 63)).append(ALPHABET.charAt(value & 63));
    }

    static char digit(int value) {
        return ALPHABET.charAt(value);
    }

    /** The level of {@code score} on a log scale whose top level ({@code levels - 1}) is {@code max}. */
    static int level(double score, double max, double ratio, int levels) {
        if (score <= 0 || max <= 0) {
            return 0;
        }
        long q = (levels - 1) + Math.round(Math.log(score / max) / Math.log(ratio));
        return (int) Math.max(0, Math.min(levels - 1, q));
    }

    /** The postings of a term: document ids ascending, each with its score level (0–63). */
    static String postings(int[] docs, int[] levels, int termLevel, int documentCount) {
        StringBuilder sparse = new StringBuilder(2 + docs.length * 3);
        fixed2(sparse, termLevel);
        int prev = -1;
        for (int i = 0; i < docs.length; i++) {
            varint(sparse, docs[i] - prev - 1);
            sparse.append(digit(levels[i]));
            prev = docs[i];
        }
        int bitmap = (documentCount + 5) / 6;
        if (3 + bitmap + docs.length >= sparse.length()) {
            return sparse.toString();
        }
        StringBuilder dense = new StringBuilder(3 + bitmap + docs.length);
        dense.append(DENSE);
        fixed2(dense, termLevel);
        int[] bits = new int[bitmap];
        for (int doc : docs) {
            bits[doc / 6] |= 1 << (doc % 6);
        }
        for (int b : bits) {
            dense.append(digit(b));
        }
        for (int level : levels) {
            dense.append(digit(level));
        }
        return dense.toString();
    }

    /** Front coding of strings in sorted order (any order works, sorted is what makes it small). */
    static String frontCoded(List<String> strings) {
        StringBuilder out = new StringBuilder();
        String prev = "";
        for (String s : strings) {
            int shared = 0;
            int max = Math.min(63, Math.min(prev.length(), s.length()));
            while (shared < max && prev.charAt(shared) == s.charAt(shared)) {
                shared++;
            }
            if (shared > 0 && Character.isHighSurrogate(s.charAt(shared - 1))) {
                shared--; // never split a surrogate pair: each piece must be valid text on its own
            }
            out.append(digit(shared));
            varint(out, s.length() - shared);
            out.append(s, shared, s.length());
            prev = s;
        }
        return out.toString();
    }

    /** Decoding, for tests: the strings of {@link #frontCoded}. */
    static List<String> decodeFrontCoded(String s) {
        List<String> out = new ArrayList<>();
        String prev = "";
        int i = 0;
        while (i < s.length()) {
            int shared = ALPHABET.indexOf(s.charAt(i++));
            long length = 0;
            int d;
            do {
                d = ALPHABET.indexOf(s.charAt(i++));
                length = length * 32 + (d & 31);
            } while (d >= 32);
            String next = prev.substring(0, shared) + s.substring(i, i + (int) length);
            i += (int) length;
            out.add(next);
            prev = next;
        }
        return out;
    }

    /** Decoding, for tests: document id → score level of a postings list (sparse or dense). */
    static SortedMap<Integer, Integer> decodePostings(String p, int documentCount) {
        SortedMap<Integer, Integer> out = new TreeMap<>();
        if (p.charAt(0) == DENSE) {
            int bitmap = (documentCount + 5) / 6;
            int score = 3 + bitmap;
            for (int doc = 0; doc < documentCount; doc++) {
                if ((ALPHABET.indexOf(p.charAt(3 + doc / 6)) >> (doc % 6) & 1) != 0) {
                    out.put(doc, ALPHABET.indexOf(p.charAt(score++)));
                }
            }
            return out;
        }
        int doc = -1;
        long acc = 0;
        for (int i = 2; i < p.length(); i++) {
            int d = ALPHABET.indexOf(p.charAt(i));
            acc = acc * 32 + (d & 31);
            if (d < 32) {
                doc += (int) acc + 1;
                acc = 0;
                out.put(doc, ALPHABET.indexOf(p.charAt(++i)));
            }
        }
        return out;
    }

    /** The term's best-score level: the first two characters after the dense mark, if any. */
    static int termLevel(String p) {
        int at = p.charAt(0) == DENSE ? 1 : 0;
        return ALPHABET.indexOf(p.charAt(at)) * 64 + ALPHABET.indexOf(p.charAt(at + 1));
    }

    /** Decoding, for tests: the numbers of a varint sequence. */
    static long[] decodeVarints(String s) {
        long[] tmp = new long[s.length()];
        int n = 0;
        long acc = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = ALPHABET.indexOf(s.charAt(i));
            acc = acc * 32 + (d & 31);
            if (d < 32) {
                tmp[n++] = acc;
                acc = 0;
            }
        }
        return Arrays.copyOf(tmp, n);
    }
}
