package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    private final Diagnostics diagnostics = new Diagnostics();

    private List<String> diagnosticLines() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void decodesValidTextOfEveryLength() {
        String text = "# Ünïcödé — 日本語 😀\nplain ASCII\n";
        assertThat(Utf8.decode("a.md", text.getBytes(StandardCharsets.UTF_8), diagnostics)).isEqualTo(text);
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsText() {
        String text = "before \uFFFD after\n";
        assertThat(Utf8.decode("a.md", text.getBytes(StandardCharsets.UTF_8), diagnostics)).isEqualTo(text);
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void aBadByteIsReportedAtItsLineAndColumn() {
        // line 2: "é" (2 bytes) then 0xFF
        assertThat(Utf8.decode("a.md", bytes('a', '\n', 0xC3, 0xA9, 0xFF, 'b'), diagnostics)).isNull();
        assertThat(diagnosticLines()).containsExactly(
                "a.md:2:2: error[encoding]: file is not valid UTF-8 (bad byte 0xFF)");
    }

    @Test
    void encodedSurrogatesOverlongFormsAndCutSequencesAreNotUtf8() {
        assertThat(Utf8.decode("s.md", bytes('x', 0xED, 0xA0, 0x80), diagnostics)).isNull();
        assertThat(Utf8.decode("o.md", bytes(0xC0, 0xAF), diagnostics)).isNull();
        assertThat(Utf8.decode("t.md", bytes('a', 'b', 0xE2, 0x82), diagnostics)).isNull();
        assertThat(diagnosticLines()).containsExactly(
                "o.md:1:1: error[encoding]: file is not valid UTF-8 (bad byte 0xC0)",
                "s.md:1:2: error[encoding]: file is not valid UTF-8 (bad byte 0xED)",
                "t.md:1:3: error[encoding]: file is not valid UTF-8 (bad byte 0xE2)");
    }

    @Test
    void aNulByteIsReportedAsBinary() {
        assertThat(Utf8.decode("a.md", bytes('a', '\n', 'b', 0), diagnostics)).isNull();
        assertThat(diagnosticLines()).containsExactly("a.md:2:2: error[encoding]: file holds a NUL byte; it looks binary, not Markdown text");
    }

    /** Random bytes, mostly near-valid UTF-8: the result is the strict decoder's, or null exactly when it fails. */
    @Test
    void agreesWithTheStrictDecoderOnRandomBytes() {
        Random random = new Random(42);
        String[] pieces = {"a", "é", "€", "😀", "\uFFFD", "\n"};
        for (int run = 0; run < 5000; run++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            if (b.length > 0 && random.nextBoolean()) {
                b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(128));
            }
            String strict = strict(b);
            Diagnostics d = new Diagnostics();
            assertThat(Utf8.decode("r.md", b, d)).as("run %d", run).isEqualTo(strict);
            assertThat(d.size()).isEqualTo(strict == null ? 1 : 0);
        }
    }

    private static String strict(byte[] b) {
        try {
            CharBuffer out = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
