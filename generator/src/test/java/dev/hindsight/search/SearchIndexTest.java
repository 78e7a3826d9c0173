package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    private static final Pattern FILE = Pattern.compile(
            "window\\.__hindsightSearch\\.shard\\(\"([a-z]+(?:/\\d+)?)\",(.*)\\);\n", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SearchIndex index = SearchIndex.build(List.of(
            TestDocs.postmortem("2025-01-redis", "INC-2025-001", "Redis </script><script>alert(1)</script> failover",
                    List.of("sessions", "auth"), "SEV-2", "## Summary\nLine\u2028separator & <b>bold</b>.\n"),
            TestDocs.postmortem("2025-02-cache", "INC-2025-002", "Cache stampede", List.of("storefront"), "SEV-3",
                    "## Summary\nThe cache melted.\n"),
            TestDocs.runbook("session-redis", "Session store", "sessions", List.of("SessionRedisPrimaryDown"),
                    "## Overview\nThe Redis cluster behind sessions, and what to do when its primary goes away.\n"),
            TestDocs.generic("gamedays/2025-q1.md", "Game day Q1", "We failed over Redis on purpose.\n")));

    @Test
    void everyFileRegistersItselfUnderItsPath() throws IOException {
        assertThat(index.files().keySet()).containsExactly("d/0.js", "meta.js", "p/0.js", "t/0.js");
        for (Map.Entry<String, String> f : index.files().entrySet()) {
            Matcher m = FILE.matcher(f.getValue());
            assertThat(m.matches()).as(f.getKey()).isTrue();
            assertThat(m.group(1) + ".js").isEqualTo(f.getKey());
            JSON.readTree(m.group(2));
        }
    }

    @Test
    void noTextCanCloseAScriptElementOrBreakAString() {
        for (String text : index.files().values()) {
            assertThat(text).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        }
        assertThat(data("d/0")).anySatisfy(row -> assertThat(row.get(1).asText())
                .isEqualTo("Redis </script><script>alert(1)</script> failover"));
    }

    @Test
    void stringsEscapeWhatCouldEndAScriptOrAStringLiteral() {
        assertThat(Js.string(new StringBuilder(), "a\u2028b\u2029</script>&'\"\\\n\u0001\uD800").toString())
                .isEqualTo("\"a\\u2028b\\u2029\\u003c/script\\u003e\\u0026'\\\"\\\\\\n\\u0001\\ud800\"");
    }

    @Test
    void documentsAreOrderedByKindServiceAndSeverityAndShowWhatAResultNeeds() {
        List<List<String>> rows = new ArrayList<>();
        data("d/0").forEach(r -> {
            List<String> row = new ArrayList<>();
            r.forEach(v -> row.add(v.asText()));
            rows.add(row);
        });
        assertThat(rows).containsExactly(
                List.of("2025-q1", "Game day Q1", "gamedays/2025-q1/index.html", "", "We failed over Redis on purpose."),
                List.of("INC-2025-001", "Redis </script><script>alert(1)</script> failover",
                        "postmortems/2025-01-redis/index.html", "2025-01-01", "Line separator & bold."),
                List.of("INC-2025-002", "Cache stampede", "postmortems/2025-02-cache/index.html", "2025-01-01",
                        "The cache melted."),
                List.of("session-redis", "Session store", "runbooks/session-redis/index.html", "",
                        "The Redis cluster behind sessions, and what to do when its primary goes away."));
    }

    @Test
    void facetsAreRunsOfFirstValuesAndListsOfFurtherOnes() {
        JsonNode facets = data("meta").get("facets");
        assertThat(facets.findValuesAsText("name")).containsExactly("kind", "service", "severity");
        assertThat(decode(facets.get(0))).containsExactly(List.of("gameday"), List.of("postmortem"),
                List.of("postmortem"), List.of("runbook"));
        assertThat(decode(facets.get(1))).containsExactly(List.of(), List.of("sessions", "auth"),
                List.of("storefront"), List.of("sessions"));
        assertThat(decode(facets.get(2))).containsExactly(List.of(), List.of("SEV-2"), List.of("SEV-3"), List.of());
    }

    @Test
    void theMetadataNamesTheFilesAndTheScales() {
        JsonNode meta = data("meta");
        assertThat(meta.get("format").asInt()).isEqualTo(SearchIndex.FORMAT);
        assertThat(meta.get("count").asInt()).isEqualTo(4);
        assertThat(meta.get("postings").toString()).isEqualTo("[\"\"]");
        assertThat(meta.get("terms").toString()).isEqualTo("[\"\"]");
        assertThat(meta.get("termRatio").asDouble()).isEqualTo(Codec.TERM_RATIO);
    }

    @Test
    void writingReplacesChangedFilesAndRemovesStaleOnes(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("search/data");
        SearchIndex big = SearchIndex.build(new SyntheticKnowledgeBase(1, 100).documents(200));
        big.writeTo(dir);
        Files.writeString(dir.resolve("p/notes.txt"), "not ours");
        index.writeTo(dir);
        List<String> left = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> left.add(dir.relativize(f).toString()));
        }
        assertThat(left).containsExactlyInAnyOrder("meta.js", "p/0.js", "t/0.js", "d/0.js", "p/notes.txt");
        assertThat(Files.readString(dir.resolve("meta.js"))).isEqualTo(index.files().get("meta.js"));
    }

    @Test
    void aSiteWithoutDocumentsHasAnEmptyIndexThatStillLoads() {
        SearchIndex empty = SearchIndex.build(List.of());
        assertThat(empty.files().keySet()).containsExactly("meta.js", "p/0.js", "t/0.js");
        assertThat(empty.files().get("p/0.js")).isEqualTo("window.__hindsightSearch.shard(\"p/0\",[]);\n");
        assertThat(empty.files().get("t/0.js")).isEqualTo("window.__hindsightSearch.shard(\"t/0\",{\"t\":\"\",\"w\":\"\"});\n");
    }

    @Test
    void snippetsAreCutAtAWordWithAnEllipsis() {
        assertThat(SearchEntry.shorten("  one\n two   three ", 20)).isEqualTo("one two three");
        assertThat(SearchEntry.shorten("alpha beta gamma delta", 12)).isEqualTo("alpha beta…");
        assertThat(SearchEntry.shorten("x".repeat(30), 10)).isEqualTo("xxxxxxxxx…");
    }

    @Test
    void varintsRoundTrip() {
        StringBuilder b = new StringBuilder();
        long[] values = {0, 1, 31, 32, 1023, 1024, 123_456_789L};
        for (long v : values) {
            Codec.varint(b, v);
        }
        assertThat(Codec.decodeVarints(b.toString())).containsExactly(values);
        assertThat(b.toString()).matches("[0-9A-Za-z_-]+");
    }

    private JsonNode data(String name) {
        Matcher m = FILE.matcher(index.files().get(name + ".js"));
        assertThat(m.matches()).isTrue();
        try {
            return JSON.readTree(m.group(2));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Per document, the facet's values, as search.js decodes them. */
    private List<List<String>> decode(JsonNode facet) {
        List<String> values = new ArrayList<>();
        facet.get("values").forEach(v -> values.add(v.asText()));
        int count = data("meta").get("count").asInt();
        List<List<String>> out = new ArrayList<>();
        long[] runs = Codec.decodeVarints(facet.get("runs").asText());
        for (int r = 0; r < runs.length; r += 2) {
            for (int k = 0; k < runs[r]; k++) {
                out.add(new ArrayList<>(runs[r + 1] == 0 ? List.of() : List.of(values.get((int) runs[r + 1] - 1))));
            }
        }
        assertThat(out).hasSize(count);
        for (int v = 0; v < values.size(); v++) {
            int doc = -1;
            for (long gap : Codec.decodeVarints(facet.get("more").get(v).asText())) {
                doc += (int) gap + 1;
                out.get(doc).add(values.get(v));
            }
        }
        return out;
    }
}
