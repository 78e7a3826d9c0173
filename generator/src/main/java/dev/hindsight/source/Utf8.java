package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that reports the line and column of the first bad byte. */
final class Utf8 {

    static final String RULE = "encoding";

    private Utf8() {
    }

    /** Returns the text, or null after reporting why the bytes are not UTF-8 text. */
    static String decode(String path, byte[] bytes, Diagnostics diagnostics) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                diagnostics.error(RULE, at(path, bytes, i),
                        "file holds a NUL byte; it looks binary, not Markdown text",
                        "remove the file or give it another extension");
                return null;
            }
        }
        // The usual case, valid UTF-8, in one pass of the JDK's own decoding: it writes U+FFFD for each
        // malformed sequence, so text without U+FFFD came from valid bytes and equals the strict decoding.
        // Text with U+FFFD (written in the file, or a bad byte) is decoded again strictly to tell which.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            diagnostics.error(RULE, at(path, bytes, in.position()),
                    "file is not valid UTF-8 (bad byte 0x"
                            + String.format(java.util.Locale.ROOT, "%02X", bytes[in.position()] & 0xff) + ")",
                    "save the file as UTF-8");
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static Position at(String path, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Count characters, not bytes: skip UTF-8 continuation bytes before the offset.
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return Position.of(path, line, column);
    }
}
