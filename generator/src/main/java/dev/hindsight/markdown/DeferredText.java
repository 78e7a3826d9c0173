package dev.hindsight.markdown;

import com.vladsch.flexmark.html.HtmlWriter;

/**
 * Text runs of one document held back from flexmark's HTML writer and put into its output afterwards. The writer
 * looks at every character it is given (line ends, leading whitespace, prefixes), one call per character: about
 * 6 % of a parse's samples went to copying plain text that way. A run of the body that the writer would copy as
 * it stands is written as one {@link #MARK} character instead and its place remembered; {@link #fill} then copies
 * the runs over the marks in the finished HTML, in the order they were written.
 *
 * <p>A run qualifies when the writer's result is the run itself whatever comes before or after it: it is not
 * empty, holds no line end, and neither begins nor ends with a space or a tab (the writer drops leading spaces of
 * a line and tracks whether the last character was a blank). Written as one mark, which is not blank either, it
 * leaves the writer in the same state as the run would. A body that holds the mark character itself defers
 * nothing, and output whose marks do not match the runs in number is refused ({@link #fill} gives null) so that
 * the caller renders again without deferring.
 *
 * <p>One per rendering of one document, used by one thread.
 */
final class DeferredText {

    /**
     * A control character, not blank: rare in text, written by flexmark as it is, and one byte in a string, so that
     * HTML of text whose characters all fit one byte stays so (a mark above U+00FF made every page's HTML a UTF-16
     * string, and compressing it back cost more than the mark saved).
     */
    static final char MARK = '\u0001';
    private static final String MARK_TEXT = String.valueOf(MARK);

    /** The body whose runs are deferred, and its {@link Latin1} bytes for scans. */
    private final String body;
    private final byte[] chars;
    private int[] runs = new int[64];
    private int count;
    private int length;

    private DeferredText(String body, byte[] chars) {
        this.body = body;
        this.chars = chars;
    }

    /** A deferral for text of {@code body}, or null when the body holds the mark character. */
    static DeferredText of(String body) {
        return of(body, Latin1.bytes(body));
    }

    /** As {@link #of(String)}, given the body's {@link Latin1} bytes (not changed after). */
    static DeferredText of(String body, byte[] chars) {
        return body.indexOf(MARK) >= 0 ? null : new DeferredText(body, chars);
    }

    /** The body's {@link Latin1} bytes, for scans over the text of its nodes. */
    byte[] chars() {
        return chars;
    }

    /** Whether {@code s} is the body whose runs this defers. */
    boolean holds(String s) {
        return s == body;
    }

    /**
     * Writes a mark for the run {@code from}..{@code to} of the body instead of the run, when the run qualifies
     * (see above; the caller has checked it holds no line end); false, writing nothing, when it does not.
     */
    boolean write(int from, int to, HtmlWriter html) {
        if (from >= to) {
            return false;
        }
        byte first = chars[from];
        byte last = chars[to - 1];
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
            return false;
        }
        if (2 * count == runs.length) {
            runs = java.util.Arrays.copyOf(runs, runs.length * 2);
        }
        runs[2 * count] = from;
        runs[2 * count + 1] = to;
        count++;
        length += to - from - 1;
        html.raw(MARK_TEXT);
        return true;
    }

    /** Whether any run was deferred. */
    boolean any() {
        return count > 0;
    }

    /**
     * {@code html} with each mark replaced by its run, in order; null when the marks in {@code html} are not
     * exactly one per deferred run.
     */
    String fill(String html) {
        if (count == 0) {
            return html.indexOf(MARK) < 0 ? html : null;
        }
        int n = html.length();
        StringBuilder out = new StringBuilder(n + length); // appends of one-byte strings are array copies
        int from = 0;
        for (int i = 0; i < count; i++) {
            int mark = html.indexOf(MARK, from);
            if (mark < 0) {
                return null;
            }
            out.append(html, from, mark).append(body, runs[2 * i], runs[2 * i + 1]);
            from = mark + 1;
        }
        if (html.indexOf(MARK, from) >= 0) {
            return null;
        }
        return out.append(html, from, n).toString();
    }
}
