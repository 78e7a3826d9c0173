package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LinkedFile#schemeEnd}: the hand-written scan says what the scheme pattern it replaced said, for any text. */
class LinkedFileSchemeTest {

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("(?s)^[A-Za-z][A-Za-z0-9+.-]*:.*");

    @Test
    void aSchemeIsWhatThePatternCalledOne() {
        List<String> cases = List.of("", "a", ":", "a:", "https://x", "mailto:a@b", "HTTP://X", "1http:", "h1+.-:x",
                "h_t:x", "h t:x", "é:x", "a:\nb", "\na:", " a:", "a\n:", "img.png", "./a:b", "a/b:c", "x#y:z",
                "tel:+1", "a:b:c", "-a:", "a-:");
        for (String c : cases) {
            assertThat(LinkedFile.schemeEnd(c) >= 0).as(c).isEqualTo(SCHEME.matcher(c).matches());
        }
        String alphabet = "aZ09+.-:/#?\n\r\u2028 é_";
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThat(LinkedFile.schemeEnd(s) >= 0).as(s).isEqualTo(SCHEME.matcher(s).matches());
            if (LinkedFile.schemeEnd(s) >= 0) {
                assertThat(s.charAt(LinkedFile.schemeEnd(s))).isEqualTo(':');
            }
        }
    }
}
