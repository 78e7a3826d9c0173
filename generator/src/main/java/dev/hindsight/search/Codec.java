package dev.hindsight.search;

/**
 * The compact text encodings of the index files, decoded by {@code search.js}. Every character comes
 * from a 64-letter alphabet that needs no escaping in a JavaScript string or HTML.
 *
 * <ul>
 *   <li>Unsigned numbers are base-32 varints, most significant group first: a character at index
 *       32–63 carries 5 bits and says "more follows", one at 0–31 carries the last 5 bits.</li>
 *   <li>A postings list is two fixed characters (12 bits) for the term's best score on a global log
 *       scale, then per document the gap to the previous document id minus one (varint) and one
 *       character for the score relative to the term's best, on a log scale.</li>
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
        return java.util.Arrays.copyOf(tmp, n);
    }
}
