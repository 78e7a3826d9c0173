package dev.hindsight.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Path segments made from names that writers choose. Every result is one safe path segment: it never
 * contains {@code /} or {@code \}, is never empty, {@code .} or {@code ..}, so a page written there
 * can never land outside the output directory.
 */
public final class Slugs {

    private static final int MAX_SLUG = 80;

    private Slugs() {
    }

    /**
     * A lowercase slug of {@code [a-z0-9-]} for service ids and tags: accents are dropped, every other
     * run of characters becomes one {@code -}, with none at either end ({@code "Tier 1"} and
     * {@code "tier-1"} share {@code tier-1}). Text with no letter or digit of the Latin alphabet (such as
     * {@code 日本}) becomes its code points in hex ({@code u65e5-u672c}) rather than nothing.
     */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < plain.length() && b.length() < MAX_SLUG; i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && b.length() > 0) {
                    b.append('-');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        if (b.length() > 0) {
            return b.toString();
        }
        return codePoints(text == null ? "" : text);
    }

    private static String codePoints(String text) {
        if (text.isEmpty()) {
            return "x";
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(16).forEach(cp -> {
            if (b.length() > 0) {
                b.append('-');
            }
            b.append('u').append(Integer.toHexString(cp));
        });
        return b.toString();
    }

    /**
     * A case-keeping segment for alert names ({@code PaymentsHighMemory} stays as it is): ASCII letters,
     * digits, {@code .}, {@code _} and {@code -} are kept, every other UTF-8 byte becomes {@code ~} and
     * two uppercase hex digits ({@code "Disk full"} → {@code Disk~20full}). {@code ~} is itself encoded,
     * so different names never share a segment; a name of dots only has its dots encoded, and the empty
     * name is {@code ~}. The result needs no further URL encoding.
     */
    public static String segment(String name) {
        if (name == null || name.isEmpty()) {
            return "~";
        }
        boolean dotsOnly = name.chars().allMatch(c -> c == '.');
        StringBuilder b = new StringBuilder();
        for (byte raw : name.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && !dotsOnly);
            if (keep) {
                b.append((char) c);
            } else {
                b.append('~').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }
}
