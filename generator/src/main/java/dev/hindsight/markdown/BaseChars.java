package dev.hindsight.markdown;

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
        return seq instanceof SubSequence && seq.getBase() instanceof String s ? s : null;
    }

    /** Whether any of {@code chars} occurs in {@code s} from {@code from} to {@code to}. */
    static boolean any(String s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
