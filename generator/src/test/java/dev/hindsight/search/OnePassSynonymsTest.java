package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The index finds the synonyms of a field as it tokenizes it ({@link Synonyms.Matcher}); its terms, postings and
 * best documents are those of an index without synonyms over the fields as {@link Synonyms#expand} writes them out.
 */
class OnePassSynonymsTest {

    private static final Synonyms BUILT_IN = Synonyms.builtIn();

    @Property(tries = 200)
    void theIndexEqualsOneOverTheExpandedFields(@ForAll("collections") List<List<List<String>>> docs) {
        List<SearchEntry> raw = new ArrayList<>();
        List<SearchEntry> expanded = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            List<List<String>> fields = docs.get(d);
            raw.add(entry(d, fields));
            List<List<String>> out = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                out.add(BUILT_IN.expand(fields.get(f), InvertedIndex.synonymChars(Field.values()[f])));
            }
            expanded.add(entry(d, out));
        }
        assertSameIndex(InvertedIndex.build(raw, BUILT_IN), InvertedIndex.build(expanded, Synonyms.NONE));
    }

    @Test
    void aBodyIsLookedAtForPhrasesInItsFirst64KCharactersOnly() {
        String filler = "the pool drained slowly ".repeat(InvertedIndex.BODY_SYNONYM_CHARS / 24 + 1);
        // "disk full" across the line of 64K characters (after the first piece's 26): only "disk" is looked at.
        String first = "the node ran out of memory";
        String across = filler.substring(0, InvertedIndex.BODY_SYNONYM_CHARS - first.length() - 5)
                + " disk full and k8s, then a rollback";
        List<List<String>> inside = fields(List.of("short"), List.of(first, across));
        List<List<String>> split = fields(List.of("Disk"), List.of(filler, "crash loop"));
        List<List<String>> onlyTitle = fields(List.of("Cert expired on the edge"), List.of("nothing"));
        List<SearchEntry> raw = List.of(entry(0, inside), entry(1, split), entry(2, onlyTitle));
        List<SearchEntry> expanded = new ArrayList<>();
        for (SearchEntry e : raw) {
            List<List<String>> out = new ArrayList<>();
            for (Field f : Field.values()) {
                out.add(BUILT_IN.expand(e.texts(f), InvertedIndex.synonymChars(f)));
            }
            expanded.add(entry(expanded.size(), out));
        }
        // What expand adds, so that the comparison below is not between two indexes that add nothing.
        assertThat(expanded.get(0).texts(Field.BODY)).containsExactly(first, across, "oom", "memory exhausted");
        assertThat(expanded.get(1).texts(Field.BODY)).containsExactly(filler, "crash loop");
        assertThat(expanded.get(2).texts(Field.TITLE)).contains("certificate", "expiry");
        InvertedIndex withSynonyms = InvertedIndex.build(raw, BUILT_IN);
        assertSameIndex(withSynonyms, InvertedIndex.build(expanded, Synonyms.NONE));
        assertThat(withSynonyms.terms()).extracting(InvertedIndex.Term::term).contains("exhausted", "expiry")
                .doesNotContain("kubernetes", "crashloop");
    }

    private static void assertSameIndex(InvertedIndex actual, InvertedIndex expected) {
        assertThat(actual.terms()).hasSameSizeAs(expected.terms());
        for (int i = 0; i < expected.terms().size(); i++) {
            InvertedIndex.Term a = actual.terms().get(i);
            InvertedIndex.Term e = expected.terms().get(i);
            assertThat(a.term()).isEqualTo(e.term());
            assertThat(a.df()).as(e.term()).isEqualTo(e.df());
            assertThat(a.postings()).as(e.term()).isEqualTo(e.postings());
            assertThat(Arrays.equals(a.top(), e.top())).as(e.term()).isTrue();
        }
    }

    private static List<List<String>> fields(List<String> title, List<String> body) {
        List<List<String>> out = new ArrayList<>();
        for (Field f : Field.values()) {
            out.add(f == Field.TITLE ? title : f == Field.BODY ? body : List.of());
        }
        return out;
    }

    private static SearchEntry entry(int d, List<List<String>> texts) {
        return new SearchEntry("D-" + d, "D " + d, "d/" + d + "/", "runbook", List.of(), "", "", "", "d" + d + ".md",
                texts, List.of());
    }

    @Provide
    Arbitrary<List<List<List<String>>>> collections() {
        List<String> words = List.of("the", "disk", "full", "out", "of", "space", "no", "left", "memory", "OOM",
                "oomkilled", "5xx", "server", "errors", "cert", "Certs", "expired", "sev-1", "sev1", "SEV2", "slow",
                "latency", "crash", "loop", "K8s", "db", "DNS", "timed", "time", "roll", "back", "outage", "downtime",
                "écho", "naïve", "diskFull", "crashLooping", "x", "disk-full", "time_out");
        Arbitrary<String> word = Arbitraries.of(words);
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "-", ", ", ". ", "\n", "_", "/");
        Arbitrary<String> piece = word.list().ofMinSize(0).ofMaxSize(7).flatMap(ws -> gap.list().ofSize(ws.size())
                .map(gs -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < ws.size(); i++) {
                        b.append(ws.get(i)).append(gs.get(i));
                    }
                    return b.toString();
                }));
        Arbitrary<List<String>> field = piece.list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<List<List<String>>> doc = field.list().ofSize(Field.COUNT);
        return doc.list().ofMinSize(1).ofMaxSize(200);
    }
}
