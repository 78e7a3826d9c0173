package dev.hindsight.source;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file of the site that a document links to or shows (an image, a PDF, a log excerpt), resolved
 * against the document's folder. Such a file is copied to the same path in the output, so the link,
 * which the page keeps relative, still works there (also from {@code file://}); a file several pages
 * use is copied once. Only a regular file inside the site root qualifies: nothing that a {@code ..}
 * or a symbolic link leads out of the root, and no hidden file or folder ({@code .git/config}).
 *
 * @param path   site-relative path, with {@code /}
 * @param status what was found there
 */
public record LinkedFile(String path, Status status) {

    /** What a link to a file found. */
    public enum Status {
        /** A regular file inside the site root: copied. */
        FILE,
        /** Nothing there. */
        MISSING,
        /** A folder: fine as a link, nothing to copy. */
        FOLDER,
        /** A symbolic link (of the file or of a folder on the way) leading outside the site root. */
        OUTSIDE,
        /** A hidden file or folder (a name starting with a dot): never published. */
        HIDDEN
    }

    /**
     * What the relative link {@code url} of the document at {@code fromSourcePath} points to, when it
     * points to a file of the site that is not a Markdown document. Empty for absolute and scheme URLs,
     * anchors, links to {@code .md} files (documents) and links whose path leaves the root by {@code ..}
     * (the {@code broken-link} rule reports those).
     */
    public static Optional<LinkedFile> resolve(Path root, String fromSourcePath, String url) {
        String u = url.strip();
        if (u.isEmpty() || u.startsWith("/") || u.startsWith("#") || u.startsWith("\\")
                || schemeEnd(u) >= 0) {
            return Optional.empty();
        }
        int cut = indexOfAny(u, '#', '?');
        String raw = cut < 0 ? u : u.substring(0, cut);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw;
        }
        if (decoded.endsWith(".md") || decoded.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String joined;
        try {
            Path from = Path.of(fromSourcePath).getParent();
            Path target = (from == null ? Path.of(decoded) : from.resolve(decoded)).normalize();
            joined = target.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return Optional.of(new LinkedFile(decoded, Status.MISSING));
        }
        if (joined.isEmpty() || joined.equals("..") || joined.startsWith("../")) {
            return Optional.empty();
        }
        for (String segment : joined.split("/")) {
            if (segment.startsWith(".")) {
                return Optional.of(new LinkedFile(joined, Status.HIDDEN));
            }
        }
        Path file = root.resolve(joined);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return Optional.of(new LinkedFile(joined, Status.MISSING));
        }
        try {
            Path realRoot = root.toRealPath();
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Optional.of(new LinkedFile(joined, Status.OUTSIDE));
            }
            return Optional.of(new LinkedFile(joined, Files.isDirectory(real) ? Status.FOLDER
                    : Files.isRegularFile(real) ? Status.FILE : Status.MISSING));
        } catch (IOException e) {
            return Optional.of(new LinkedFile(joined, Status.MISSING)); // a dangling symbolic link
        }
    }

    /**
     * The index of the colon that ends {@code url}'s scheme ({@code https:}, {@code mailto:}: a letter, then
     * letters, digits, {@code +}, {@code .} or {@code -}), or -1 when it does not start with one.
     */
    public static int schemeEnd(String url) {
        if (url.isEmpty() || !asciiLetter(url.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!asciiLetter(c) && (c < '0' || c > '9') && c != '+' && c != '.' && c != '-') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
