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

    @Test
    void theOnePassFilterAgreesWithSearchingTheLowerCasedLineForEachFirstWordNotAfterALetterOrDigit() {
        List<String> list = List.of("human error", "Fault of", "a", "x-ray blame", "should have known", "negligent",
                "ne");
        BlamelessLanguageRule.Phrases phrases = BlamelessLanguageRule.Phrases.of(list);
        List<String> firstWords = List.of("human", "fault", "a", "x-ray", "should", "negligent", "ne");
        String[] pieces = {"hu", "man", "HUM", "an", "fau", "lt", "FAULT", "x-", "RAY", "sh", "ould", "negl", "N",
            "E", "igent", "b", "c", " ", "-", "é", "\u017F", "\u0131", "\u0130", "\u212A", "ß", "A"};
        Random random = new Random(7);
        int kept = 0;
        int dropped = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = random.nextInt(6) + 1; k > 0; k--) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = line.toString();
            if (random.nextInt(4) > 0) {
                text = text.replace("a", "o").replace("A", "O");
            }
            boolean special = text.chars().anyMatch(c -> c == '\u017F' || c == '\u0131' || c == '\u0130'
                    || c == '\u212A');
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            boolean expected = special || firstWords.stream().anyMatch(w -> startsAWord(lower, w));
            assertThat(phrases.mayMatch(text)).as(text).isEqualTo(expected);
            if (expected) {
                kept++;
            } else {
                dropped++;
            }
        }
        assertThat(kept).isGreaterThan(1000);
        assertThat(dropped).isGreaterThan(1000);
        assertThat(BlamelessLanguageRule.Phrases.of(List.of("é blame")).mayMatch("nothing")).as("not ASCII: no filter")
                .isTrue();
    }

    /** Whether {@code w} occurs in {@code lower} at 0 or after a character that is not an ASCII letter or digit. */
    private static boolean startsAWord(String lower, String w) {
        for (int j = lower.indexOf(w); j >= 0; j = lower.indexOf(w, j + 1)) {
            char before = j == 0 ? ' ' : lower.charAt(j - 1);
            if (!(before >= 'a' && before <= 'z' || before >= 'A' && before <= 'Z' || before >= '0' && before <= '9')) {
                return true;
            }
        }
        return false;
    }
}
