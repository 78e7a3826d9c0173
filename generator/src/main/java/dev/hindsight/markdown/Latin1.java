package dev.hindsight.markdown;

import java.nio.charset.StandardCharsets;

/**
 * A string's characters as one byte each, for scans that look for characters below U+0100: a character above
 * U+00FF reads as {@code ?}, so a scan that meets {@code ?} asks the string ({@link #at}). A string whose characters
 * all fit one byte (most Markdown) is copied whole; {@code toCharArray()} and {@code charAt} go a character at a time
 * without the optimising compiler, which a one-shot run does not use.
 */
public final class Latin1 {

    private Latin1() {
    }

    /** The bytes of {@code s}, one per character (index for index), characters above U+00FF as {@code ?}. */
    public static byte[] bytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == s.length()) {
            return b;
        }
        // The encoder wrote a surrogate pair as one '?': one byte per character instead.
        b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = (byte) (c <= 0xFF ? c : '?');
        }
        return b;
    }

    /** The character at {@code i} of {@code s}, whose {@link #bytes} are {@code bytes}. */
    public static char at(String s, byte[] bytes, int i) {
        int c = bytes[i] & 0xFF;
        return c == '?' ? s.charAt(i) : (char) c;
    }
}
