package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The phrases {@link Synonyms#expand} adds, against an oracle that tokenizes every text. */
class SynonymsTest {

    private static final Synonyms BUILT_IN = Synonyms.builtIn();

    @Test
    void aPhraseInAnyCaseAndPunctuationAddsTheRestOfItsGroup() {
        assertThat(BUILT_IN.expand(List.of("The DISK-FULL alarm; then Out Of Space.")))
                .containsExactly("The DISK-FULL alarm; then Out Of Space.", "no space left", "filesystem full",
                        "space filling up");
        assertThat(BUILT_IN.expand(List.of("nothing to see here"))).containsExactly("nothing to see here");
        assertThat(BUILT_IN.expand(List.of("K8S"))).containsExactly("K8S", "kubernetes");
    }

    @Property(tries = 400)
    void addsExactlyThePhrasesOfTheGroupsTheTextHolds(@ForAll("texts") String text) {
        List<String> expanded = BUILT_IN.expand(List.of(text));
        assertThat(expanded.get(0)).isEqualTo(text);
        assertThat(new HashSet<>(expanded.subList(1, expanded.size()))).isEqualTo(oracle(text));
    }

    /** The phrases of every group one of whose phrases is a run of {@code text}'s terms, less those present. */
    private static Set<String> oracle(String text) {
        List<String> terms = Tokenizer.terms(text);
        Set<String> out = new HashSet<>();
        for (List<String> group : Synonyms.BUILT_IN) {
            List<String> present = new ArrayList<>();
            for (String phrase : group) {
                List<String> p = Tokenizer.terms(phrase);
                if (!p.isEmpty() && Collections.indexOfSubList(terms, p) >= 0) {
                    present.add(phrase);
                }
            }
            if (!present.isEmpty()) {
                for (String phrase : group) {
                    if (!present.contains(phrase)) {
                        out.add(phrase);
                    }
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<String> texts() {
        List<String> words = new ArrayList<>(List.of("the", "disk", "full", "out", "of", "space", "no", "left",
                "memory", "OOM", "oomkilled", "5xx", "server", "errors", "cert", "Certs", "expired", "sev-1", "sev1",
                "SEV2", "slow", "latency", "crash", "loop", "K8s", "db", "DNS", "timed", "time", "roll", "back",
                "outage", "downtime", "écho", "naïve", "diskFull", "crashLooping", "x"));
        Arbitrary<String> word = Arbitraries.of(words).flatMap(w -> Arbitraries.of(w, w.toUpperCase(java.util.Locale.ROOT)));
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", "-", ", ", ". ", "\n", "_", "/", "'");
        return Arbitraries.just("").flatMap(e -> word.list().ofMinSize(1).ofMaxSize(8)
                .flatMap(ws -> gap.list().ofSize(ws.size()).map(gs -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < ws.size(); i++) {
                        b.append(ws.get(i)).append(gs.get(i));
                    }
                    return b.toString();
                })));
    }
}
