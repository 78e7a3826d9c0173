package dev.hindsight.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms. {@code assets/search.js} has a line-for-line twin ({@code compounds});
 * a browser test feeds both the same strings, so change them together.
 *
 * <p>A <em>compound</em> is a run of letters, marks and digits, where {@code - _ .} between two such
 * characters join rather than split ({@code INC-2024-031}, {@code node.js}, {@code 4.12.1}). Each
 * compound yields its whole folded form, then its pieces between joiners, then the camel-case parts
 * of every piece ({@code HighErrorRate} → {@code high}, {@code error}, {@code rate};
 * {@code OOMKilled} → {@code oom}, {@code killed}), so an identifier is found as typed and by its
 * words. Letter–digit changes do not split ({@code 5xx}, {@code p99}, {@code http2} stay whole).
 * Folding is {@code toLowerCase(Locale.ROOT)} and, for non-ASCII text, stripping accents: NFD, minus
 * the Combining Diacritical Marks block (U+0300–U+036F), then NFC; so {@code café} = {@code cafe}
 * while marks that make a different letter elsewhere (the kana voicing mark of {@code バ}) stay. Terms shorter than 2 or longer than 40 UTF-16 units are dropped;
 * lengths are counted in UTF-16 units because that is what JavaScript counts.
 */
final class Tokenizer {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 40;

    /** Receives the terms of a text in order, duplicates included. */
    interface Sink {
        void term(String term);
    }

    private Tokenizer() {
    }

    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text, out::add);
        return out;
    }

    static void tokenize(String text, Sink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean joined = false;
            boolean upperInside = false;
            boolean ascii = true;
            int j = i;
            while (j < n) {
                int c = text.codePointAt(j);
                if (isWordChar(c)) {
                    if (c >= 0x80) {
                        ascii = false;
                    } else if (j > start && c >= 'A' && c <= 'Z') {
                        upperInside = true;
                    }
                    j += Character.charCount(c);
                } else if (isJoiner(c) && j + 1 < n && isWordChar(text.codePointAt(j + 1))) {
                    joined = true;
                    j++;
                } else {
                    break;
                }
            }
            compound(text, start, j, joined, upperInside || !ascii, sink);
            i = j;
        }
    }

    /** Emits the whole compound, its pieces and their camel-case parts. */
    private static void compound(String text, int start, int end, boolean joined, boolean mayHaveCamel, Sink sink) {
        emit(text.substring(start, end), sink);
        if (!joined && !mayHaveCamel) {
            return;
        }
        int pieceStart = start;
        for (int k = start; k <= end; k++) {
            if (k == end || (joined && isJoiner(text.charAt(k)))) {
                String piece = text.substring(pieceStart, k);
                if (joined) {
                    emit(piece, sink);
                }
                List<String> parts = camelParts(piece);
                if (parts.size() > 1) {
                    parts.forEach(p -> emit(p, sink));
                }
                pieceStart = k + 1;
            }
        }
    }

    private static void emit(String raw, Sink sink) {
        String term = fold(raw);
        if (term.length() >= MIN_LENGTH && term.length() <= MAX_LENGTH) {
            sink.term(term);
        }
    }

    /**
     * Camel-case parts: a boundary before an upper-case letter that follows a lower-case letter or a
     * digit ({@code latencyP99} → {@code latency|P99}, {@code P99High} → {@code P99|High}), and before
     * the last capital of an acronym that a lower-case letter follows ({@code OOMKilled} →
     * {@code OOM|Killed}). A one-unit part joins its neighbour, so {@code IPv6} and {@code iPhone} stay
     * whole.
     */
    static List<String> camelParts(String piece) {
        List<String> parts = new ArrayList<>();
        int segStart = 0;
        int prevType = -1;
        int i = 0;
        while (i < piece.length()) {
            int cp = piece.codePointAt(i);
            int type = Character.getType(cp);
            int nextIndex = i + Character.charCount(cp);
            int nextType = nextIndex < piece.length() ? Character.getType(piece.codePointAt(nextIndex)) : -1;
            boolean boundary = type == Character.UPPERCASE_LETTER
                    && (prevType == Character.LOWERCASE_LETTER || prevType == Character.DECIMAL_DIGIT_NUMBER
                    || (prevType == Character.UPPERCASE_LETTER && nextType == Character.LOWERCASE_LETTER));
            if (boundary && i > segStart) {
                parts.add(piece.substring(segStart, i));
                segStart = i;
            }
            prevType = type;
            i = nextIndex;
        }
        parts.add(piece.substring(segStart));
        return mergeSingles(parts);
    }

    private static List<String> mergeSingles(List<String> parts) {
        List<String> out = new ArrayList<>();
        String carry = "";
        for (String p : parts) {
            String s = carry + p;
            if (s.length() == 1) {
                carry = s;
            } else {
                out.add(s);
                carry = "";
            }
        }
        if (!carry.isEmpty()) {
            if (out.isEmpty()) {
                out.add(carry);
            } else {
                out.set(out.size() - 1, out.get(out.size() - 1) + carry);
            }
        }
        return out;
    }

    static String fold(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x300 || c > 0x36f) {
                b.append(c);
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Letters, marks and numbers: Unicode general categories L*, M* and N* (types 1 to 11). */
    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_NUMBER;
    }

    static boolean isJoiner(int c) {
        return c == '-' || c == '_' || c == '.';
    }
}
