package dev.hindsight.markdown;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hugo shortcodes in a Markdown body, read before parsing: {@code {{< ref "x.md" >}}} and {@code relref}
 * become the relative path they stand for, so the link works (and is checked) like any other; any other
 * shortcode is left out of the page and reported at its line:column, never printed raw. Code (fenced blocks
 * and inline code spans) is left as it is.
 */
public final class Shortcodes {

    public static final String RULE = "hugo-shortcode";

    private static final Pattern SHORTCODE = Pattern.compile(
            "\\{\\{([<%])\\s*(/?)\\s*([A-Za-z_][\\w./-]*)((?:[^>%}]|[>%](?!\\}\\}))*?)\\s*/?\\s*[>%]\\}\\}");
    private static final Pattern ARGUMENT = Pattern.compile("^\\s*\"([^\"]*)\"|^\\s*(\\S+)");

    private Shortcodes() {
    }

    /** {@code body} with its shortcodes replaced; {@code path} is the document's path relative to the site root. */
    public static String rewrite(String path, String body, int firstLine, Diagnostics diagnostics) {
        if (!body.contains("{{")) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        String[] lines = body.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.stripLeading();
            if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
            } else if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
                fence = stripped.substring(0, 3);
            } else if (line.contains("{{")) {
                line = rewriteLine(path, line, firstLine + i, diagnostics);
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String rewriteLine(String path, String line, int lineNo, Diagnostics diagnostics) {
        Matcher m = SHORTCODE.matcher(line);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            if (insideCodeSpan(line, m.start())) {
                continue;
            }
            out.append(line, last, m.start());
            String name = m.group(3);
            boolean closing = !m.group(2).isEmpty();
            if (!closing && (name.equals("ref") || name.equals("relref"))) {
                Matcher a = ARGUMENT.matcher(m.group(4));
                String target = a.find() ? (a.group(1) != null ? a.group(1) : a.group(2)) : "";
                if (target.isEmpty()) {
                    diagnostics.warning(RULE, Position.of(path, lineNo, m.start() + 1),
                            "Hugo `" + name + "` shortcode without a target; left out of the page",
                            "write the page it links to, such as {{< ref \"other.md\" >}}");
                } else {
                    out.append(resolve(path, target));
                }
            } else {
                diagnostics.warning(RULE, Position.of(path, lineNo, m.start() + 1),
                        "Hugo shortcode `" + (closing ? "/" : "") + name + "` is not supported; left out of the page",
                        "write it as Markdown, or exclude the file");
            }
            last = m.end();
        }
        if (last == 0) {
            return line;
        }
        out.append(line, last, line.length());
        return out.toString();
    }

    /** Whether {@code at} lies inside an inline code span (an odd number of backticks before it). */
    private static boolean insideCodeSpan(String line, int at) {
        int ticks = 0;
        for (int i = 0; i < at; i++) {
            if (line.charAt(i) == '`') {
                ticks++;
            }
        }
        return ticks % 2 == 1;
    }

    /**
     * A {@code ref} target as a link relative to the document: {@code ./x.md} and {@code x.md} as they are,
     * {@code /runbooks/x.md} from Hugo's {@code content/} folder (the one above the document), else the site root.
     */
    static String resolve(String path, String target) {
        if (!target.startsWith("/")) {
            return target;
        }
        int content = path.startsWith("content/") ? 0 : path.indexOf("/content/") + 1;
        String base = content > 0 || path.startsWith("content/") ? path.substring(0, content) + "content" : "";
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        int depth = dir.isEmpty() ? 0 : dir.split("/").length;
        StringBuilder up = new StringBuilder();
        up.append("../".repeat(depth));
        String rel = (base.isEmpty() ? "" : base) + target;
        if (rel.startsWith("/")) {
            rel = rel.substring(1);
        }
        return up + rel;
    }
}
