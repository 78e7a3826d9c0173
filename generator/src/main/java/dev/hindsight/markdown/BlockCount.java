package dev.hindsight.markdown;

/**
 * One pass over the lines of a body, before flexmark sees it, counting its blocks and lines: every
 * non-blank line outside fenced code (a paragraph's lines each become nodes too: 350 paragraphs of 7000
 * short lines took minutes), every list marker (nested ones on the same line each count), a line that
 * may be a heading {@link #HEADING_WEIGHT} times, inline marks ({@link #MARKS_PER_BLOCK} count as one),
 * and in fenced code each line after a blank line. The
 * count errs high, never low, so that its limit holds for any text: lines inside
 * a fenced code block count only after a blank line, and a fence is taken as closed as soon as flexmark
 * might close it (fewer quote markers, less indentation, the end of an HTML block it may sit in).
 */
final class BlockCount {

    /**
     * What a line that may be a heading counts for: flexmark gives headings of the same text the ids
     * {@code x}, {@code x-1}, {@code x-2}… trying each number from 1, so their cost grows with the square
     * of their count (20 000 headings took 13 s).
     */
    static final int HEADING_WEIGHT = 10;

    /**
     * How many inline marks ({@code *}, {@code _}, backtick, {@code [}, {@code <}) outside fenced code
     * count as one block: flexmark's inline parser costs more than the square of a paragraph's length in
     * marks, so 300 paragraphs of 4000 emphasised words each (each under the 16 KiB paragraph limit)
     * took minutes. The example site's documents have at most about 200 marks.
     */
    static final int MARKS_PER_BLOCK = 2;

    private BlockCount() {
    }

    /** The 0-based index of the line on which the count passes {@code max}, or -1 when it never does. */
    static int lineOverLimit(String body, int max) {
        return lineOverLimit(Latin1.bytes(body), max);
    }

    /** As {@link #lineOverLimit(String, int)} on the body's {@link Latin1} bytes (it looks for ASCII only). */
    static int lineOverLimit(byte[] body, int max) {
        int n = body.length;
        int count = 0;
        int marks = 0;
        boolean prevBlank = true;
        boolean html = false; // maybe in an HTML block: it ends at a blank line, and fences do not open in it
        char fenceChar = 0;
        int fenceLen = 0;
        int fenceQuotes = 0;
        int fenceIndent = 0;
        int line = 0;
        for (int start = 0; start <= n; line++) {
            int end = indexOfLineFeed(body, start, n);
            // Quote markers, each after at most three spaces.
            int i = start;
            int quotes = 0;
            while (true) {
                int j = i;
                int spaces = 0;
                while (j < end && body[j] == ' ' && spaces < 4) {
                    j++;
                    spaces++;
                }
                if (spaces < 4 && j < end && body[j] == '>') {
                    quotes++;
                    i = j + 1;
                } else {
                    break;
                }
            }
            int indent = 0;
            while (i < end && (body[i] == ' ' || body[i] == '\t')) {
                indent += body[i] == '\t' ? 4 : 1;
                i++;
            }
            boolean blank = i >= end || (i == end - 1 && body[i] == '\r');
            if (fenceChar != 0) {
                if (quotes < fenceQuotes || !blank && indent < fenceIndent) {
                    fenceChar = 0; // its quote or list item may have ended: count from here
                } else {
                    if (!blank && indent <= 3 && run(body, i, end, fenceChar) >= fenceLen
                            && isBlank(body, i + run(body, i, end, fenceChar), end)) {
                        fenceChar = 0;
                    } else if (!blank && prevBlank) {
                        count++;
                    }
                    if (count > max) {
                        return line;
                    }
                    prevBlank = blank;
                    start = end + 1;
                    continue;
                }
            }
            if (blank) {
                prevBlank = true;
                html = false;
                start = end + 1;
                continue;
            }
            char c = (char) (body[i] & 0xFF);
            if (!html && indent <= 3 && (c == '`' || c == '~') && run(body, i, end, c) >= 3
                    && (c == '~' || !contains(body, i + run(body, i, end, c), end, '`'))) {
                fenceChar = c;
                fenceLen = run(body, i, end, c);
                fenceQuotes = quotes;
                fenceIndent = indent;
                count++;
            } else {
                marks += marks(body, i, end);
                int before = count;
                // Each list marker: -, + or * and a space, or up to nine digits, . or ) and a space.
                int k = i;
                while (k < end) {
                    int m = listMarkerEnd(body, k, end);
                    if (m < 0) {
                        break;
                    }
                    count++;
                    k = m;
                    while (k < end && (body[k] == ' ' || body[k] == '\t')) {
                        k++;
                    }
                }
                if (k < end) {
                    char d = (char) (body[k] & 0xFF);
                    if (d == '<') {
                        html = true;
                    }
                    if (count == before && (d == '#' || d == '=' || d == '-' && !prevBlank)) {
                        count += HEADING_WEIGHT;
                    } else if (count == before) {
                        count++;
                    }
                }
            }
            if (count + marks / MARKS_PER_BLOCK > max) {
                return line;
            }
            prevBlank = false;
            start = end + 1;
        }
        return -1;
    }

    /** The index after a list marker starting at {@code i} (and the space after it), or -1. */
    private static int listMarkerEnd(byte[] s, int i, int end) {
        char c = (char) (s[i] & 0xFF);
        int j;
        if (c == '-' || c == '+' || c == '*') {
            j = i + 1;
        } else {
            j = i;
            while (j < end && j - i < 9 && s[j] >= '0' && s[j] <= '9') {
                j++;
            }
            if (j == i || j >= end || s[j] != '.' && s[j] != ')') {
                return -1;
            }
            j++;
        }
        return j == end || s[j] == ' ' || s[j] == '\t' || s[j] == '\r' ? j : -1;
    }

    /** The inline marks on a line that open emphasis, code, links, images and inline HTML. */
    private static int marks(byte[] s, int from, int to) {
        int m = 0;
        for (int i = from; i < to; i++) {
            char c = (char) (s[i] & 0xFF);
            if (c == '*' || c == '_' || c == '`' || c == '[' || c == '<') {
                m++;
            }
        }
        return m;
    }

    /** The index of the first line feed in {@code s} from {@code from}, or {@code n} when there is none. */
    static int indexOfLineFeed(byte[] s, int from, int n) {
        int i = from;
        while (i < n && s[i] != '\n') {
            i++;
        }
        return i;
    }

    private static boolean contains(byte[] s, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (s[i] == c) {
                return true;
            }
        }
        return false;
    }

    private static int run(byte[] s, int i, int end, char c) {
        int j = i;
        while (j < end && s[j] == c) {
            j++;
        }
        return j - i;
    }

    /** Whether {@code s} from {@code from} to {@code to} holds only spaces, tabs and carriage returns. */
    static boolean isBlank(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = (char) (s[i] & 0xFF);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
