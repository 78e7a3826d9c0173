package dev.hindsight.build;

import java.io.Writer;
import java.util.Arrays;

/**
 * A page as its template writes it, encoded to UTF-8 as it comes, into a buffer that the writer reuses page
 * after page. Rendering a page into a {@code StringWriter}, then a {@code String}, then bytes
 * made three copies of every page (a tenth of everything a build allocates, issue 18); this makes none
 * for the pages that fit the buffer. The bytes are those of {@code String.getBytes(UTF_8)} of the same
 * text: a surrogate without its pair becomes {@code ?}, also when the pair is split across two writes.
 * Not thread-safe: one page at a time.
 */
final class PageBuffer extends Writer {

    /** A buffer grown past this by a huge page is not kept for the next one. */
    static final int KEPT = 1 << 20;
    private static final int INITIAL = 64 * 1024;

    private byte[] bytes = new byte[INITIAL];
    /** Where {@link #write(String, int, int)} copies a string's characters to. */
    private final char[] scratch = new char[8192];
    private int length;
    /** A high surrogate whose low half has not come yet, or 0. */
    private char high;

    /** Empties the buffer for the next page (and lets a buffer grown by a huge page go). */
    PageBuffer reset() {
        if (bytes.length > KEPT) {
            bytes = new byte[INITIAL];
        }
        length = 0;
        high = 0;
        return this;
    }

    /** The bytes written so far: {@code bytes()[0 .. length())}; ends a pending lone surrogate first. */
    byte[] bytes() {
        finish();
        return bytes;
    }

    int length() {
        finish();
        return length;
    }

    private void finish() {
        if (high != 0) {
            high = 0;
            room(1);
            bytes[length++] = '?';
        }
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    /**
     * Runs of ASCII are copied in a tight loop with the buffer and its length in locals; anything else goes
     * through {@link #put} one character at a time, as does the character after a pending high surrogate.
     */
    @Override
    public void write(char[] chars, int off, int len) {
        room(len);
        int i = off;
        int end = off + len;
        while (i < end) {
            if (high == 0) {
                byte[] b = bytes;
                int at = length;
                while (i < end) {
                    char c = chars[i];
                    if (c >= 0x80) {
                        break;
                    }
                    b[at++] = (byte) c;
                    i++;
                }
                length = at;
                if (i == end) {
                    return;
                }
            }
            put(chars[i++]);
        }
    }

    /** Copied out of the string in chunks ({@link String#getChars}) and written as characters. */
    @Override
    public void write(String s, int off, int len) {
        char[] chunk = scratch;
        while (len > 0) {
            int n = Math.min(len, chunk.length);
            s.getChars(off, off + n, chunk, 0);
            write(chunk, 0, n);
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public Writer append(CharSequence s) {
        String text = String.valueOf(s);
        write(text, 0, text.length());
        return this;
    }

    private void put(char c) {
        room(4);
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            bytes[length++] = '?';
        }
        if (c < 0x80) {
            bytes[length++] = (byte) c;
        } else if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | c >> 6);
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[length++] = '?';
        } else {
            bytes[length++] = (byte) (0xE0 | c >> 12);
            bytes[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    /** Room for {@code chars} more characters of at most 3 bytes each (4 for a completed pair of 2). */
    private void room(int chars) {
        long need = length + 3L * chars + 4;
        if (need > bytes.length) {
            if (need > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("page larger than 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 8L, 2L * bytes.length)));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
