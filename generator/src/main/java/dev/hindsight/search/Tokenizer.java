package dev.hindsight.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into search terms. {@code assets/search-tokenize.js} has a line-for-line twin ({@code compounds});
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

        /**
         * An ASCII term: {@code text[start, end)} lower-cased ({@code upper} says whether it has
         * capitals). A counting sink may look it up without making a string first.
         */
        default void asciiTerm(String text, int start, int end, boolean upper) {
            term(lowerAscii(text, start, end, upper));
        }
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
            char ch = text.charAt(i);
            if (ch < 0x80 ? !isAsciiWordChar(ch) : !isWordChar(text.codePointAt(i))) {
                i += ch < 0x80 ? 1 : Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            boolean joined = false;
            boolean upper = false;
            boolean upperInside = false;
            boolean ascii = true;
            int j = i;
            while (j < n) {
                char c = text.charAt(j);
                if (c < 0x80) {
                    if (isAsciiWordChar(c)) {
                        if (c <= 'Z' && c >= 'A') {
                            upper = true;
                            upperInside |= j > start;
                        }
                        j++;
                        continue;
                    }
                    if (isJoiner(c) && j + 1 < n && isWordChar(text.codePointAt(j + 1))) {
                        joined = true;
                        j++;
                        continue;
                    }
                    break;
                }
                int cp = text.codePointAt(j);
                if (!isWordChar(cp)) {
                    break;
                }
                ascii = false;
                j += Character.charCount(cp);
            }
            if (ascii) {
                if (j - start >= MIN_LENGTH && j - start <= MAX_LENGTH) {
                    sink.asciiTerm(text, start, j, upper);
                }
            } else {
                emit(text.substring(start, j), sink);
            }
            if (joined || upperInside || !ascii) {
                parts(text, start, j, joined, sink);
            }
            i = j;
        }
    }

    /** The pieces between joiners and the camel-case parts of each piece. */
    private static void parts(String text, int start, int end, boolean joined, Sink sink) {
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

    static String lowerAscii(String text, int start, int end, boolean upper) {
        if (!upper) {
            return text.substring(start, end);
        }
        char[] c = new char[end - start];
        for (int k = 0; k < c.length; k++) {
            char x = text.charAt(start + k);
            c[k] = x >= 'A' && x <= 'Z' ? (char) (x + 32) : x;
        }
        return new String(c);
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
            return isAsciiWordChar(cp);
        }
        int type = Character.getType(cp);
        return type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_NUMBER;
    }

    private static boolean isAsciiWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    static boolean isJoiner(int c) {
        return c == '-' || c == '_' || c == '.';
    }
}
