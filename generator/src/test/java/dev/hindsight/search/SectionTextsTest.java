package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the index keeps of each section for snippets around the matched words and links to the
 * matching section: the opening of each section's text, bounded per section and per document.
 */
class SectionTextsTest {

    private static final String RUNBOOK = """
            Intro line.

            ## Symptoms

            - `PaymentsHighMemory` fires
            - checkout errors

            ## Diagnosis

            | Check | Where |
            |-------|-------|
            | heap  | Grafana |

            ```sh
            kubectl top pods -n payments
            ```

            ## Empty

            ## Mitigation

            %s
            """;

    @Test
    void eachSectionKeepsItsHeadingsAnchorAndTheTextOfItsParagraphsListsAndTablesNotItsCode() {
        var rb = TestDocs.runbook("payments", "Payments", "payments", List.of(), RUNBOOK.formatted("Roll back."));
        List<SearchEntry.SectionText> sections = SearchEntry.of(rb).sections();
        assertThat(sections).containsExactly(
                new SearchEntry.SectionText("", "", "Intro line."),
                new SearchEntry.SectionText("symptoms", "Symptoms", "PaymentsHighMemory fires checkout errors"),
                new SearchEntry.SectionText("diagnosis", "Diagnosis", "Check Where heap Grafana"),
                new SearchEntry.SectionText("mitigation", "Mitigation", "Roll back."));
    }

    @Test
    void aLongSectionKeepsItsOpeningAndALongDocumentAtMostItsBudget() {
        String words = "word ".repeat(2_000);
        var rb = TestDocs.runbook("long", "Long", "svc", List.of(), RUNBOOK.formatted(words)
                + ("\n## More\n\n" + words).repeat(10));
        List<SearchEntry.SectionText> sections = SearchEntry.of(rb).sections();
        assertThat(sections).allSatisfy(s -> assertThat(s.text().length())
                .isLessThanOrEqualTo(SearchEntry.SECTION_CHARS));
        assertThat(sections.stream().mapToInt(s -> s.text().length()).sum())
                .isLessThanOrEqualTo(SearchEntry.DOCUMENT_SECTION_CHARS);
        assertThat(sections.get(3).text()).startsWith("word word").endsWith("\u2026");
    }

    @Test
    void documentFilesStayNearTheirBudgetAndEveryDocumentHasItsSectionTextsInItsRow() throws Exception {
        var docs = new SyntheticKnowledgeBase(3, 100).documents(200);
        SearchIndex big = SearchIndex.build(docs);
        assertThat(big.files().keySet()).noneMatch(f -> f.startsWith("x/"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int rows = 0;
        for (var file : big.files().entrySet()) {
            if (!file.getKey().startsWith("d/")) {
                continue;
            }
            String text = file.getValue();
            // A file of several rows stays under the budget; one row with a long document's texts (at most about
            // 1.9 KB of text) may pass it.
            var data = json.readTree(text.substring(text.indexOf(',') + 1, text.lastIndexOf(')')));
            if (data.size() > 1) {
                assertThat(Shards.utf8(text)).as(file.getKey()).isLessThan(SearchIndex.DOCS_BUDGET * data.size() + 3_500);
            }
            for (var row : data) {
                assertThat(row.get(8).isArray()).isTrue();
                rows++;
            }
        }
        assertThat(rows).isEqualTo(docs.size());
    }
}
