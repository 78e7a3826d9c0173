package dev.hindsight.markdown;

import com.vladsch.flexmark.util.sequence.BasedOptionsSequence;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * The Java string under a flexmark sequence that is one contiguous piece of it (a {@link SubSequence} of the
 * body), so that a scan or a copy runs over the string itself. flexmark's own {@code charAt} checks the index
 * and maps NUL on every character: scanning and copying text that way was a tenth of the parse stage's samples
 * (issue 18). A sequence made of several pieces (a paragraph in a list or a quote) has no such string: the
 * callers then go flexmark's way, and do so too whenever the range holds a NUL, which flexmark shows as U+FFFD.
 */
final class BaseChars {

    private BaseChars() {
    }

    /** The string {@code seq} is a contiguous part of, or null when it is not one. */
    static String base(BasedSequence seq) {
        return seq instanceof SubSequence ? string(seq.getBase()) : null;
    }

    /**
     * The string under {@code base}, a sequence's {@code getBase()}: the body itself, or the body in the options
     * wrapper the parser reads ({@link MarkdownParser#source}), whose {@code toString()} is that same string.
     */
    static String string(Object base) {
        return base instanceof String s ? s : base instanceof BasedOptionsSequence o ? o.toString() : null;
    }

    /**
     * A set of characters for {@link #any}: those below 64 as bits of a mask, and the backslash, the only one
     * above that the callers look for.
     */
    record Chars(long below64, boolean backslash) {
        static Chars of(String chars) {
            long mask = 0;
            boolean backslash = false;
            for (char c : chars.toCharArray()) {
                if (c == '\\') {
                    backslash = true;
                } else if (c < 64) {
                    mask |= 1L << c;
                } else {
                    throw new IllegalArgumentException("only the backslash and characters below 64: " + (int) c);
                }
            }
            return new Chars(mask, backslash);
        }
    }

    /**
     * As {@link #any(String, int, int, Chars)}, scanning {@code latin1}, the {@link Latin1} bytes of {@code s}, instead
     * of {@code s.charAt} (slow without the optimising compiler on a string with characters above U+00FF): a byte
     * holds its character unless it is {@code ?}, which is asked of the string.
     */
    static boolean any(String s, byte[] latin1, int from, int to, Chars chars) {
        long mask = chars.below64();
        boolean backslash = chars.backslash();
        for (int i = from; i < to; i++) {
            int c = latin1[i] & 0xFF;
            if (c == '?') {
                c = s.charAt(i);
            }
            if (c < 64 ? (mask >>> c & 1) != 0 : backslash && c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Whether any of {@code chars} occurs in {@code s} from {@code from} to {@code to}. */
    static boolean any(String s, int from, int to, Chars chars) {
        long mask = chars.below64();
        boolean backslash = chars.backslash();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 64 ? (mask >>> c & 1) != 0 : backslash && c == '\\') {
                return true;
            }
        }
        return false;
    }
}
