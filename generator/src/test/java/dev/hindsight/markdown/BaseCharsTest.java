package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.SegmentedSequenceFull;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaseCharsTest {

    private static final BaseChars.Chars ESCAPES = BaseChars.Chars.of("\\&\0");
    private static final BaseChars.Chars QUESTION = BaseChars.Chars.of("?");

    /** The scan of the Latin1 bytes finds what the scan of the string finds, whatever the characters and range. */
    @Test
    void scanningTheBytesFindsWhatScanningTheStringFinds() {
        String[] pieces = {"a", "\\", "&", "\0", "?", "é", "\u00FF", "\u0100", "\u0126", "\u3F5C", "\u263F", "😀", " "};
        Random random = new Random(11);
        int found = 0;
        for (int n = 0; n < 10_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = b.toString();
            byte[] latin1 = Latin1.bytes(s);
            int from = s.isEmpty() ? 0 : random.nextInt(s.length());
            int to = from + (s.length() == from ? 0 : random.nextInt(s.length() - from + 1));
            for (BaseChars.Chars chars : new BaseChars.Chars[] {ESCAPES, QUESTION}) {
                boolean expected = BaseChars.any(s, from, to, chars);
                assertThat(BaseChars.any(s, latin1, from, to, chars)).as("%s %d..%d", s, from, to).isEqualTo(expected);
                found += expected ? 1 : 0;
            }
        }
        assertThat(found).isGreaterThan(3_000);
    }

    @Test
    void aCharacterAboveLatin1IsNotTakenForTheQuestionMarkItsByteHolds() {
        String s = "x\u0126\\";
        assertThat(BaseChars.any(s, Latin1.bytes(s), 0, 2, ESCAPES)).isFalse();
        assertThat(BaseChars.any(s, Latin1.bytes(s), 0, 2, QUESTION)).isFalse();
        assertThat(BaseChars.any(s, Latin1.bytes(s), 0, 3, ESCAPES)).isTrue();
    }

    /**
     * What the parser reads ({@link MarkdownParser#source}): a sequence of several pieces (a soft break in a list item)
     * is an offset array, not a tree with a thread-local cache of its own, and the body's own string is the base
     * under every contiguous sequence, so that the scans over the string itself still apply.
     */
    @Test
    void theBodyStaysTheBaseOfWhatTheParserReadsAndPiecedSequencesAreArrays() {
        String body = "- an item\n  continued *here*\n";
        Document doc = Parser.builder().build().parse(MarkdownParser.source(body));
        List<Node> texts = new ArrayList<>();
        List<Node> breaks = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Text) {
                texts.add(n);
            } else if (n instanceof SoftLineBreak) {
                breaks.add(n);
            }
        }
        assertThat(texts).extracting(n -> n.getChars().toString()).containsExactly("an item", "continued ", "here");
        assertThat(texts).allSatisfy(n -> assertThat(BaseChars.base(n.getChars())).isSameAs(body));
        assertThat(BaseChars.string(doc.getChars().getBase())).isSameAs(body);
        assertThat(breaks).singleElement().satisfies(n -> assertThat((Object) n.getChars()).isInstanceOf(SegmentedSequenceFull.class));
    }
}
