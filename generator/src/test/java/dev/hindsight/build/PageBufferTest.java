package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages are encoded as they are written (issue 18): the bytes must be exactly {@code getBytes(UTF_8)}'s. */
class PageBufferTest {

    private static final char[] ALPHABET = {'a', '<', '\n', 'é', 'ÿ', 'Ā', '—', '€', '\uFFFF', '\uD83D', '\uDE00',
            '\uD800', '\uDFFF', '\u0000', '\u007F', '\u0080', '\u07FF', '\u0800'};

    @Test
    void bytesAreThoseOfUtf8EncodingWhateverTheWritesAndSplits() {
        Random random = new Random(18);
        PageBuffer buffer = new PageBuffer();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(round % 100 == 0 ? 300_000 : 40);
            for (int i = 0; i < n; i++) {
                text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
            }
            String s = text.toString();
            buffer.reset();
            int at = 0;
            while (at < s.length()) {
                int len = Math.min(s.length() - at, random.nextInt(5) == 0 ? 1 : random.nextInt(70_000) + 1);
                switch (random.nextInt(3)) {
                    case 0 -> buffer.write(s, at, len);
                    case 1 -> buffer.write(s.toCharArray(), at, len);
                    default -> {
                        for (int i = at; i < at + len; i++) {
                            buffer.write(s.charAt(i));
                        }
                    }
                }
                at += len;
            }
            byte[] expected = s.getBytes(StandardCharsets.UTF_8);
            assertThat(Arrays.copyOf(buffer.bytes(), buffer.length())).as("round %d: %s", round,
                    s.length() < 50 ? s.chars().mapToObj(Integer::toHexString).toList() : s.length() + " chars")
                    .isEqualTo(expected);
        }
    }

    @Test
    void aBufferGrownByAHugePageIsNotKept() throws java.io.IOException {
        PageBuffer buffer = new PageBuffer();
        buffer.write("x".repeat(PageBuffer.KEPT + 1));
        assertThat(buffer.length()).isEqualTo(PageBuffer.KEPT + 1);
        buffer.reset();
        buffer.write("<p>");
        assertThat(buffer.bytes().length).isLessThanOrEqualTo(PageBuffer.KEPT);
        assertThat(new String(buffer.bytes(), 0, buffer.length(), StandardCharsets.UTF_8)).isEqualTo("<p>");
    }
}
