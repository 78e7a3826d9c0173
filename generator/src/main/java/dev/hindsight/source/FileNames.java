package dev.hindsight.source;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which file and folder names a site may hold. A name with a control character, a backslash or bytes
 * that are not UTF-8 cannot be named in a diagnostic line, a URL or on Windows: the file is reported
 * and skipped. Characters Windows refuses ({@code : * ? < > | "}) only make a warning, as the site
 * builds fine. Names are shown with those characters escaped ({@code \n}, {@code \\}, {@code \xFF}).
 */
final class FileNames {

    /** Characters Windows does not allow in a file name; Linux and macOS do. */
    static final String UNPORTABLE = ":*?<>|\"";

    enum Problem {
        NONE, CONTROL, BACKSLASH, NOT_UTF8, UNPORTABLE
    }

    private FileNames() {
    }

    /** The worst problem of one name (a single path segment), as Java decoded it from the file system. */
    static Problem check(Path file) {
        String name = file.getFileName().toString();
        if (name.indexOf('\uFFFD') >= 0 && !isUtf8(rawName(file))) {
            return Problem.NOT_UTF8;
        }
        // One pass over the chars (every file of a site is checked on every run): the worst problem found wins.
        boolean backslash = false;
        boolean unportable = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isControl(c)) {
                return Problem.CONTROL;
            }
            backslash |= c == '\\';
            unportable |= UNPORTABLE.indexOf(c) >= 0;
        }
        return backslash ? Problem.BACKSLASH : unportable ? Problem.UNPORTABLE : Problem.NONE;
    }

    /** The unportable characters of {@code name}, each once, in the order of {@link #UNPORTABLE}'s first use in it. */
    static List<String> unportable(String name) {
        List<String> found = new ArrayList<>();
        name.chars().filter(c -> UNPORTABLE.indexOf(c) >= 0).mapToObj(c -> "`" + (char) c + "`").distinct()
                .forEach(found::add);
        return found;
    }

    /**
     * {@code rel} (a path relative to the site root, with {@code /}) shown on one line: backslashes doubled,
     * control characters as {@code \n}, {@code \r}, {@code \t} or {@code \xHH} ({@code \u0085} above
     * ASCII), and, for a file whose name is not UTF-8, each byte that is not as {@code \xHH}.
     */
    static String visible(String rel, Path file) {
        String text = rel.indexOf('\uFFFD') >= 0 ? decodeLeniently(rawRelative(rel, file)) : rel;
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case INVALID -> b.append("\\x").append(String.format(Locale.ROOT, "%02X", (int) text.charAt(++i)));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append("\\x").append(String.format(Locale.ROOT, "%02X", (int) c));
                    } else if (c >= 0x80 && c <= 0x9f) {
                        b.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
    }

    /** Marks, in {@link #decodeLeniently}'s result, that the next char is a raw byte that is not UTF-8. */
    private static final char INVALID = '\uFFFF';

    /**
     * The bytes of the file's name as stored. Java keeps them in the path and writes them into its URI
     * percent-encoded; the string form has U+FFFD in place of bytes that are not UTF-8.
     */
    private static byte[] rawName(Path file) {
        String uri = file.toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return percentDecode(uri.substring(uri.lastIndexOf('/') + 1));
    }

    /** The bytes of the last {@code rel}'s segment count of segments of {@code file}'s path. */
    private static byte[] rawRelative(String rel, Path file) {
        int segments = rel.split("/", -1).length;
        String uri = file.toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        int start = uri.length();
        for (int i = 0; i < segments && start > 0; i++) {
            start = uri.lastIndexOf('/', start - 1);
        }
        return percentDecode(uri.substring(start + 1));
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** UTF-8 text, with each byte that is not part of a valid sequence as {@link #INVALID} and the byte's value. */
    private static String decodeLeniently(byte[] bytes) {
        StringBuilder b = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            int len = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3
                    : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
            if (len > 0 && i + len <= bytes.length) {
                byte[] seq = java.util.Arrays.copyOfRange(bytes, i, i + len);
                if (isUtf8(seq)) {
                    b.append(new String(seq, StandardCharsets.UTF_8));
                    i += len;
                    continue;
                }
            }
            b.append(INVALID).append((char) lead);
            i++;
        }
        return b.toString();
    }
}
