package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.config.ValidationConfig;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-text pre-filter of the blameless rule never hides a line the phrase pattern matches. */
class BlamelessPrefilterTest {

    private static final String[] PIECES = {
        "human", "error", "Human", "ERROR", "fault", "of", "should", "have", "known", "careless", "the", "deploy",
        " ", "  ", "\t", "-", ".", "é", "\u017F", "\u0131", "\u0130", "\u212A", "K", "k", "s", "S", "i", "I",
        "hUmAn", "SHOULD HAVE", "blame", "ß", "ǅ",
    };

    @Test
    void neverSkipsALineThePatternMatches() {
        BlamelessLanguageRule.Phrases phrases = BlamelessLanguageRule.Phrases.of(ValidationConfig.DEFAULT_BLAMELESS);
        Random random = new Random(11);
        int matched = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(8) + 1; k > 0; k--) {
                line.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = line.toString();
            if (phrases.pattern().matcher(text).find()) {
                matched++;
                assertThat(phrases.mayMatch(text)).as(text).isTrue();
            }
        }
        assertThat(matched).as("lines the pattern matched").isGreaterThan(100);
    }

    @Test
    void lettersThatFoldToAsciiAreNotFilteredOut() {
        BlamelessLanguageRule.Phrases phrases = BlamelessLanguageRule.Phrases.of(List.of("should have known"));
        String longS = "we \u017Fhould have known";
        assertThat(phrases.pattern().matcher(longS).find()).isTrue();
        assertThat(phrases.mayMatch(longS)).isTrue();
        assertThat(phrases.mayMatch("nothing to see here")).isFalse();
    }
}
