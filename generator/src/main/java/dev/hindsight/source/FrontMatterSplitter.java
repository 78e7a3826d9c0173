package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;

/**
 * Splits a Markdown file into YAML front matter and body, keeping exact line offsets. Handles a
 * byte-order mark, CRLF line ends, empty front matter and a missing closing delimiter. A fenced code
 * block in the body can never be mistaken for front matter: a fence opening at column 0 ends the
 * search for the closing {@code ---}.
 */
public final class FrontMatterSplitter {

    public static final String RULE_UNCLOSED = "front-matter-unclosed";

    /** Pure: splits {@code text} (already decoded) and reports problems against {@code path}. */
    public SourceFile split(String path, String text, Diagnostics diagnostics) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstEnd = lineEnd(s, 0);
        if (!isDelimiter(s, 0, firstEnd, false)) {
            return new SourceFile(path, "", 0, normalize(s), 1, false);
        }
        int line = 2;
        int start = nextLineStart(s, firstEnd);
        int pos = start;
        while (pos < s.length()) {
            int end = lineEnd(s, pos);
            if (isDelimiter(s, pos, end, true)) {
                String yaml = normalize(s.substring(start, pos));
                int bodyStart = nextLineStart(s, end);
                return new SourceFile(path, yaml, 2, normalize(s.substring(bodyStart)), line + 1, true);
            }
            if (startsFence(s, pos, end)) {
                break;
            }
            pos = nextLineStart(s, end);
            line++;
        }
        diagnostics.error(RULE_UNCLOSED, Position.of(path, 1, 1),
                "front matter opened with `---` on line 1 is never closed",
                "add a line holding only `---` after the last front-matter key");
        return new SourceFile(path, "", 0, normalize(s), 1, false);
    }

    private static boolean isDelimiter(String s, int from, int to, boolean closing) {
        int end = to;
        while (end > from && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        String line = s.substring(from, end);
        return line.equals("---") || (closing && line.equals("..."));
    }

    private static boolean startsFence(String s, int from, int to) {
        return to - from >= 3 && (s.startsWith("```", from) || s.startsWith("~~~", from));
    }

    /** Index of the '\n' ending the line at {@code from}, or the text length. */
    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        return nl < 0 ? s.length() : nl;
    }

    private static int nextLineStart(String s, int lineEnd) {
        return Math.min(lineEnd + 1, s.length());
    }

    /** CRLF and lone CR become LF, so that every later stage counts lines the same way. */
    static String normalize(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
