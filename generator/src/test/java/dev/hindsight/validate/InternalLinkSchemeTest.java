package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InternalLink#resolve} leaves the links the scheme pattern it used to match said leave the site. */
class InternalLinkSchemeTest {

    /** Without (?s): the dot takes no line terminator. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    @Test
    void linksWithASchemeLeaveTheSiteAsThePatternSaid() {
        String alphabet = "aZ09+.-:/#?\n\r\u0085\u2028\u2029 é%";
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String url = b.toString();
            boolean leaves = url.isEmpty() || url.startsWith("/") || SCHEME.matcher(url).matches();
            InternalLink link;
            try {
                link = InternalLink.resolve("postmortems/a.md", url);
            } catch (RuntimeException e) {
                continue; // an undecodable or invalid path fails as it did: not what this is about
            }
            assertThat(link == null).as(url).isEqualTo(leaves);
        }
    }
}
