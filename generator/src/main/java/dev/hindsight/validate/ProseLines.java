package dev.hindsight.validate;

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
        if (file.hasFrontMatter()) {
            add(out, file.frontMatter(), file.frontMatterLine(), false);
        }
        add(out, file.body(), file.bodyLine(), true);
        return out;
    }

    private static void add(List<Line> out, String text, int first, boolean markdown) {
        String[] lines = text.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            if (markdown && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                String marker = trimmed.substring(0, 3);
                if (fence == null) {
                    fence = marker;
                } else if (marker.equals(fence)) {
                    fence = null;
                }
                continue;
            }
            if (fence == null) {
                out.add(new Line(first + i, markdown ? blankCode(line) : line));
            }
        }
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
