package dev.hindsight.validate;

import dev.hindsight.markdown.Latin1;
import dev.hindsight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a file that hold prose, with their line numbers: front-matter values and the body,
 * leaving out fenced code blocks; inline code spans are blanked so that columns stay exact.
 */
final class ProseLines {

    record Line(int number, String text) {
    }

    private ProseLines() {
    }

    static List<Line> of(SourceFile file) {
        List<Line> out = new ArrayList<>();
        each(file, (text, chars, from, to, number, markdown) -> {
            out.add(line(text, from, to, number, markdown));
            return true;
        });
        return out;
    }

    /**
     * A prose line found by {@link #each}: the line {@code from}..{@code to} of {@code text}, whose characters are
     * also given as {@link Latin1} bytes.
     */
    interface Visitor {
        /** Visits a line; false to stop. */
        boolean line(String text, byte[] chars, int from, int to, int number, boolean markdown);
    }

    /**
     * Visits the prose lines of {@code file} in order, without making them: the caller makes those it needs
     * with {@link #line}. The lines are the same as {@link #of}'s, found on the file's characters.
     */
    static void each(SourceFile file, Visitor visitor) {
        if (file.hasFrontMatter() && !each(file.frontMatter(), file.frontMatterLine(), false, visitor)) {
            return;
        }
        each(file.body(), file.bodyLine(), true, visitor);
    }

    /** The line {@code from}..{@code to} of {@code text} as {@link #of} makes it: code spans blanked in Markdown. */
    static Line line(String text, int from, int to, int number, boolean markdown) {
        String line = text.substring(from, to);
        return new Line(number, markdown ? blankCode(line) : line);
    }

    private static boolean each(String s, int first, boolean markdown, Visitor visitor) {
        byte[] text = Latin1.bytes(s);
        int n = text.length;
        int fence = 0; // the fence character while inside fenced code, else 0
        int number = first;
        for (int start = 0; start <= n; number++) {
            int end = start;
            while (end < n && text[end] != '\n') {
                end++;
            }
            if (markdown) {
                int i = start;
                while (i < end && Character.isWhitespace(Latin1.at(s, text, i))) {
                    i++;
                }
                int c = i + 2 < end ? text[i] : 0;
                if ((c == '`' || c == '~') && text[i + 1] == c && text[i + 2] == c) {
                    if (fence == 0) {
                        fence = c;
                    } else if (c == fence) {
                        fence = 0;
                    }
                    start = end + 1;
                    continue;
                }
            }
            if (fence == 0 && !visitor.line(s, text, start, end, number, markdown)) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    private static String blankCode(String line) {
        if (line.indexOf('`') < 0) {
            return line;
        }
        StringBuilder b = new StringBuilder(line);
        boolean inCode = false;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '`') {
                inCode = !inCode;
            } else if (inCode) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
