package dev.hindsight.validate;

import dev.hindsight.source.LinkedFile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A link from one document to a file of the site, resolved against the document's folder.
 *
 * @param path   target path relative to the site root ({@code ""} for the document itself)
 * @param anchor the fragment without {@code #}, or empty
 * @param escapes whether the path leaves the site root
 */
record InternalLink(String path, String anchor, boolean escapes) {

    /** Null for links that leave the site (a scheme, a protocol-relative or a site-absolute URL). */
    static InternalLink resolve(String fromSourcePath, String url) {
        if (url.isEmpty() || url.startsWith("/") || hasScheme(url)) {
            return null;
        }
        int hash = url.indexOf('#');
        String rawPath = hash < 0 ? url : url.substring(0, hash);
        String anchor = hash < 0 ? "" : url.substring(hash + 1);
        int query = rawPath.indexOf('?');
        if (query >= 0) {
            rawPath = rawPath.substring(0, query);
        }
        String decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (decoded.isEmpty()) {
            return new InternalLink("", anchor, false);
        }
        Path from = Path.of(fromSourcePath).getParent();
        Path target = (from == null ? Path.of(decoded) : from.resolve(decoded)).normalize();
        String p = target.toString().replace('\\', '/');
        boolean escapes = p.equals("..") || p.startsWith("../");
        return new InternalLink(p, anchor, escapes);
    }

    /**
     * Whether {@code url} starts with a scheme ({@link LinkedFile#schemeEnd}) and has no line break after it (as
     * {@code ^[A-Za-z][A-Za-z0-9+.-]*:.*} matches it: its dot takes no line terminator).
     */
    private static boolean hasScheme(String url) {
        int colon = LinkedFile.schemeEnd(url);
        if (colon < 0) {
            return false;
        }
        for (int i = colon + 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
