package dev.hindsight.markdown;

/** A link or image destination as written in the source, with its position in the file. */
public record Link(String url, String text, boolean image, int line, int column) {

    /**
     * Whether the page's {@code href} (the URL with Markdown's backslash escapes and entities resolved)
     * leaves for another host as a network path; see {@link #isNetworkPath(String)}.
     */
    public boolean networkPath() {
        return isNetworkPath(href());
    }

    /** Whether {@link #networkPath()} is spelt with a backslash, which no reader takes for another host. */
    public boolean backslashNetworkPath() {
        return isBackslashNetworkPath(href());
    }

    private String href() {
        return com.vladsch.flexmark.util.sequence.Escaping.unescapeString(url);
    }

    /**
     * Whether a browser reads {@code url} as a network path, one that leaves for another host:
     * {@code //host/path}, and, since browsers read {@code \} as {@code /} in web and file URLs,
     * {@code \\host}, {@code /\host} and {@code \/host}. Browsers first drop leading spaces and control
     * characters and every tab and line break, so this does too. Percent-encoded slashes
     * ({@code %2F%2Fhost}, {@code %5C%5Chost}) stay a path on the same site, as in Chromium.
     */
    public static boolean isNetworkPath(String url) {
        return slashes(url) >= 0;
    }

    /** Whether {@code url} is a network path spelt with a backslash ({@code \\host}, {@code /\host}, {@code \/host}). */
    public static boolean isBackslashNetworkPath(String url) {
        return slashes(url) == 1;
    }

    /** -1 unless {@code url} starts (as a browser reads it) with two slashes; else 1 if one is a backslash, 0 if not. */
    private static int slashes(String url) {
        int seen = 0;
        int backslash = 0;
        boolean leading = true;
        for (int i = 0; i < url.length() && seen < 2; i++) {
            char c = url.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (leading && c <= ' ')) {
                continue;
            }
            leading = false;
            if (c != '/' && c != '\\') {
                return -1;
            }
            backslash |= c == '\\' ? 1 : 0;
            seen++;
        }
        return seen == 2 ? backslash : -1;
    }
}
