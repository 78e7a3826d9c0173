package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a one-shot build's index keeps the text of its fields (the whole body, synonyms added) only until
 * its terms are made; the rows and files are made of the rest. The files are those of an index that kept them.
 */
class OneShotIndexLiveSetTest {

    private static final List<Document> DOCS = List.of(
            TestDocs.postmortem("2025-01-01-dns", "INC-1", "DNS outage", List.of("dns"), "SEV-1", """
                    ## Summary
                    The resolver cache expired and every lookup timed out.

                    ## Mitigation
                    ```bash
                    systemctl restart unbound
                    ```
                    """),
            TestDocs.runbook("dns", "DNS runbook", "dns", List.of("DnsLatencyHigh"), """
                    ## Diagnosis
                    1. Check the resolver latency dashboard.
                    2. Look for SERVFAIL in the logs.
                    """));

    @Test
    void aOneShotIndexKeepsNoFieldTextOnceItsTermsAreMade() {
        SearchIndexer indexer = new SearchIndexer(UnaryOperator.identity(), Synonyms.builtIn());

        SearchIndex oneShot = indexer.build(DOCS, false);

        assertThat(oneShot.entries()).hasSize(2);
        assertThat(oneShot.entries()).allMatch(e -> e.texts().stream().allMatch(List::isEmpty));
        assertThat(oneShot.entries()).allMatch(e -> !e.sections().isEmpty() && !e.title().isEmpty());
        SearchIndex kept = SearchIndex.fromEntries(DOCS.stream()
                .map(d -> SearchEntry.of(d, UnaryOperator.identity(), Synonyms.builtIn())).toList());
        assertThat(kept.entries()).allMatch(e -> !e.texts(Field.BODY).isEmpty());
        assertThat(oneShot.files()).isEqualTo(kept.files());
        assertThat(oneShot.termCount()).isEqualTo(kept.termCount()).isPositive();
    }
}
