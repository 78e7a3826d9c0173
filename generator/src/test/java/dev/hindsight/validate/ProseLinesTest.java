package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.config.ValidationConfig;
import dev.hindsight.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The prose lines found on the file's characters ({@link ProseLines#each}) are the lines split from its text, and
 * the rules' quick looks at a line as it stands in the file ({@link ProseRule#mayMatch}) never turn away a line
 * whose code-blanked text a rule reports on.
 */
class ProseLinesTest {

    private static final String[] PIECES = {
        "a", "word", " ", "  ", "\t", "\n", "\n", "\r\n", "```", "~~~", "``", "`", "   ```js", "\u2003", "\u00a0",
        "TODO", "TBD", "FIXME", "TODOs", "xTODO", "@al", "@b.c", "a@b", "human error", "Human  Error", "blame",
        "should have known", "\u017Fhould have known", "\u0130", "é", "\ud83d\ude00", "-", ".", "#", "> ",
    };

    private static String random(Random random, int max) {
        StringBuilder b = new StringBuilder();
        for (int k = random.nextInt(max); k > 0; k--) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void theLinesAreThoseSplitFromTheText() {
        Random random = new Random(5);
        for (int n = 0; n < 5_000; n++) {
            boolean front = random.nextBoolean();
            SourceFile file = new SourceFile("a.md", front ? random(random, 10) : "", front ? 2 : 0,
                    random(random, 60), front ? 7 : 1, front);
            assertThat(ProseLines.of(file)).as(file.toString()).isEqualTo(split(file));
        }
    }

    @Test
    void aQuickLookNeverTurnsAwayALineARuleReportsOn() {
        Random random = new Random(9);
        BlamelessLanguageRule.Phrases phrases = BlamelessLanguageRule.Phrases.of(ValidationConfig.DEFAULT_BLAMELESS);
        Pattern todo = Pattern.compile("(?<![A-Za-z])(TODO|TBD|FIXME)(?![a-z])");
        Pattern mention = Pattern.compile("(?<![\\w.@/:-])@[A-Za-z][\\w.-]*[\\w]");
        PlaceholderRule placeholder = new PlaceholderRule();
        MentionRule mentions = new MentionRule();
        int[] found = new int[3];
        for (int n = 0; n < 50_000; n++) {
            String raw = random(random, 8).replace("\n", "");
            String file = "x\n" + raw + "\ny";
            byte[] text = dev.hindsight.markdown.Latin1.bytes(file);
            int from = 2;
            int to = from + raw.length();
            String blanked = ProseLines.line(file, from, to, 1, true).text();
            boolean hasMarker = raw.contains("TODO") || raw.contains("TBD") || raw.contains("FIXME");
            assertThat(placeholder.mayMatch(null, file, text, from, to)).as(raw).isEqualTo(hasMarker);
            assertThat(mentions.mayMatch(null, file, text, from, to)).as(raw).isEqualTo(raw.indexOf('@') >= 0);
            assertThat(phrases.mayMatch(file, text, from, to)).as(raw).isEqualTo(phrases.mayMatch(raw));
            if (todo.matcher(blanked).find()) {
                found[0]++;
                assertThat(placeholder.mayMatch(null, file, text, from, to)).as(raw).isTrue();
            }
            if (mention.matcher(blanked).find()) {
                found[1]++;
                assertThat(mentions.mayMatch(null, file, text, from, to)).as(raw).isTrue();
            }
            if (phrases.pattern().matcher(blanked).find()) {
                found[2]++;
                assertThat(phrases.mayMatch(file, text, from, to)).as(raw).isTrue();
            }
        }
        assertThat(java.util.Arrays.stream(found).min().getAsInt()).as("lines reported on").isGreaterThan(500);
    }

    /** The lines as they were made before {@link ProseLines#each}: split on line feeds, fences by the stripped line. */
    private static List<ProseLines.Line> split(SourceFile file) {
        List<ProseLines.Line> out = new ArrayList<>();
        if (file.hasFrontMatter()) {
            add(out, file.frontMatter(), file.frontMatterLine(), false);
        }
        add(out, file.body(), file.bodyLine(), true);
        return out;
    }

    private static void add(List<ProseLines.Line> out, String text, int first, boolean markdown) {
        String[] lines = text.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.stripLeading();
            if (markdown && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                String marker = trimmed.substring(0, 3);
                if (fence == null) {
                    fence = marker;
                } else if (marker.equals(fence)) {
                    fence = null;
                }
                continue;
            }
            if (fence == null) {
                out.add(new ProseLines.Line(first + i, markdown ? blankCode(line) : line));
            }
        }
    }

    private static String blankCode(String line) {
        StringBuilder b = new StringBuilder(line);
        boolean inCode = false;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '`') {
                inCode = !inCode;
            } else if (inCode) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }
}
