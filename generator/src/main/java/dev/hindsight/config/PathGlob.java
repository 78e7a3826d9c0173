package dev.hindsight.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A path pattern of {@code include:}/{@code exclude:}, matched against a path relative to the site root
 * (with {@code /}): {@code *} any characters but {@code /}, {@code **} any characters, {@code **}{@code /}
 * any number of folders (none too), {@code ?} one character. A pattern without {@code /} matches the
 * file name in any folder ({@code _index.md}); a pattern naming a folder ({@code docs/}) matches all below it.
 */
public record PathGlob(String glob, Pattern regex) {

    public PathGlob {
        Objects.requireNonNull(glob, "glob");
        Objects.requireNonNull(regex, "regex");
    }

    public static PathGlob of(String glob) {
        String g = glob.strip();
        while (g.startsWith("./")) {
            g = g.substring(2);
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        if (!g.contains("/")) {
            g = "**/" + g;
        }
        return new PathGlob(glob, Pattern.compile(toRegex(g)));
    }

    public boolean matches(String relPath) {
        return regex.matcher(relPath).matches();
    }

    static String toRegex(String g) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**/", i)) {
                out.append("(?:.*/)?");
                i += 3;
            } else if (c == '*' && g.startsWith("**", i)) {
                out.append(".*");
                i += 2;
            } else if (c == '*') {
                out.append("[^/]*");
                i++;
            } else if (c == '?') {
                out.append("[^/]");
                i++;
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return out.toString();
    }
}
