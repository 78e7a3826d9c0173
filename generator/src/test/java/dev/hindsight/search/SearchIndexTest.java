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
        assertThat(index.files().keySet()).containsExactly("d/0.js", "facets.js", "meta.js", "p/0.js", "t/0.js");
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
        assertThat(rows()).anySatisfy(row -> assertThat(row.get(1))
                .isEqualTo("Redis </script><script>alert(1)</script> failover"));
    }

    @Test
    void stringsEscapeWhatCouldEndAScriptOrAStringLiteral() {
        assertThat(Js.string(new StringBuilder(), "a\u2028b\u2029</script>&'\"\\\n\u0001\uD800").toString())
                .isEqualTo("\"a\\u2028b\\u2029\\u003c/script\\u003e\\u0026'\\\"\\\\\\n\\u0001\\ud800\"");
    }

    @Test
    void documentsAreOrderedByKindServiceAndSeverityAndShowWhatAResultNeeds() {
        assertThat(rows()).containsExactly(
                List.of("2025-q1", "Game day Q1", "gamedays/2025-q1/index.html", "", "We failed over Redis on purpose.",
                        "gameday", "", "[]", "[[\"\",\"\",\"We failed over Redis on purpose.\"]]"),
                List.of("INC-2025-001", "Redis </script><script>alert(1)</script> failover",
                        "postmortems/2025-01-redis/index.html", "2025-01-01", "Line separator & bold.", "postmortem",
                        "SEV-2", "[\"sessions\",\"auth\"]",
                        "[[\"summary\",\"Summary\",\"Line separator & bold.\"]]"),
                List.of("INC-2025-002", "Cache stampede", "postmortems/2025-02-cache/index.html", "2025-01-01",
                        "The cache melted.", "postmortem", "SEV-3", "[\"storefront\"]",
                        "[[\"summary\",\"Summary\",\"The cache melted.\"]]"),
                List.of("session-redis", "Session store", "runbooks/session-redis/index.html", "",
                        "The Redis cluster behind sessions, and what to do when its primary goes away.", "runbook", "",
                        "[\"sessions\"]", "[[\"overview\",\"Overview\",\"The Redis cluster behind sessions,"
                                + " and what to do when its primary goes away.\"]]"));
    }

    @Test
    void aResultNeedsOneFileItsRowCarriesItsSectionTexts() {
        // Before, each row named a row of an x/ file: a shown result cost two files.
        assertThat(index.files().keySet()).noneMatch(f -> f.startsWith("x/"));
        JsonNode rows = data("d/0");
        assertThat(rows).hasSize(4);
        // The game day: its text before any heading, with no anchor.
        assertThat(rows.get(0).get(8).toString()).isEqualTo("[[\"\",\"\",\"We failed over Redis on purpose.\"]]");
        // The runbook: its Overview section, linked by the heading's anchor.
        assertThat(rows.get(3).get(8).toString()).isEqualTo("[[\"overview\",\"Overview\",\"The Redis cluster behind"
                + " sessions, and what to do when its primary goes away.\"]]");
    }

    @Test
    void aPostingsShardCarriesTheRowsOfItsTermsBestDocumentsWithoutTheirSectionTexts() {
        JsonNode shard = data("p/0");
        List<List<String>> rows = rows();
        // Every term's documents here (fewer than InvertedIndex.TOP each), as the d/ rows have them less the sections.
        assertThat(shard.get("r")).hasSize(4);
        for (int doc = 0; doc < 4; doc++) {
            JsonNode r = shard.get("r").get(doc);
            assertThat(r.get(0).asInt()).isEqualTo(doc);
            List<String> row = new ArrayList<>();
            for (int k = 1; k < r.size(); k++) {
                row.add(r.get(k).isArray() ? r.get(k).toString() : r.get(k).asText());
            }
            assertThat(row).isEqualTo(rows.get(doc).subList(0, 8));
        }
        assertThat(shard.get("p").get(0).asText()).isEqualTo(index.index().terms().get(0).term());

        // At scale: a term's best documents, best first as the client ranks them; a shard carries whole terms' rows within its budget,
        // those of the terms with most documents first.
        SearchIndex big = SearchIndex.build(new SyntheticKnowledgeBase(3, 100).documents(400));
        int withRows = 0;
        for (int i = 0; big.files().containsKey("p/" + i + ".js"); i++) {
            JsonNode p = data(big, "p/" + i);
            java.util.Set<Integer> carried = new java.util.HashSet<>();
            long bytes = 0;
            for (JsonNode r : p.get("r")) {
                carried.add(r.get(0).asInt());
                bytes += r.toString().length();
            }
            assertThat(bytes).as("rows of p/" + i).isLessThanOrEqualTo(SearchIndex.ROWS_BUDGET);
            InvertedIndex.Term most = null;
            int mostDf = 0;
            for (int k = 0; k < p.get("p").size(); k += 2) {
                String term = p.get("p").get(k).asText();
                InvertedIndex.Term t = big.index().terms().stream().filter(x -> x.term().equals(term)).findFirst()
                        .orElseThrow();
                // As the client ranks a term's documents: by the score level it reads, ties to the lower id.
                List<Integer> best = Codec.decodePostings(t.postings(), big.documentCount()).entrySet().stream()
                        .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .limit(InvertedIndex.TOP).map(Map.Entry::getKey).toList();
                assertThat(java.util.Arrays.stream(t.top()).boxed().toList()).as(term).isEqualTo(best);
                if (t.df() > mostDf) {
                    mostDf = t.df();
                    most = t;
                }
            }
            // The shard's most frequent term comes first: its best documents' rows (well under the budget) are there.
            assertThat(carried).as("rows of p/" + i).containsAll(java.util.Arrays.stream(most.top()).boxed().toList());
            withRows++;
        }
        assertThat(withRows).as("postings shards").isGreaterThan(10);
    }

    @Test
    void smallDocumentsShareAFileAndLargeOnesHaveOneEach() {
        List<dev.hindsight.model.Document> small = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            small.add(TestDocs.generic("notes/n" + i + ".md", "Note " + i, "A short note about queue " + i + ".\n"));
        }
        long smallFiles = SearchIndex.build(small).files().keySet().stream().filter(f -> f.startsWith("d/")).count();
        // Rows of about 200 bytes with their section texts, under a 2 KB budget: about ten per file.
        assertThat(smallFiles).isBetween(4L, 10L);

        SearchIndex big = SearchIndex.build(new SyntheticKnowledgeBase(1, 100).documents(50));
        long chunks = big.files().keySet().stream().filter(f -> f.startsWith("d/")).count();
        // Rows with section texts of more than 2 KB: one per file, the one file a shown result costs.
        assertThat(chunks).isEqualTo(50);
        assertThat(big.files().keySet()).contains("d/0.js", "d/49.js").doesNotContain("d/50.js");
    }

    @Test
    void facetsAreRunsOfFirstValuesAndListsOfFurtherOnes() {
        JsonNode facets = data("facets").get("facets");
        assertThat(data("facets").get("count").asInt()).isEqualTo(4);
        assertThat(facets.findValuesAsText("name")).containsExactly("kind", "service", "severity");
        assertThat(decode(facets.get(0))).containsExactly(List.of("gameday"), List.of("postmortem"),
                List.of("postmortem"), List.of("runbook"));
        assertThat(decode(facets.get(1))).containsExactly(List.of(), List.of("sessions", "auth"),
                List.of("storefront"), List.of("sessions"));
        assertThat(decode(facets.get(2))).containsExactly(List.of(), List.of("SEV-2"), List.of("SEV-3"), List.of());
    }

    @Test
    void theMetadataNamesTheFilesAndTheScalesAndNothingPerDocument() {
        JsonNode meta = data("meta");
        assertThat(meta.get("format").asInt()).isEqualTo(SearchIndex.FORMAT);
        assertThat(meta.get("count").asInt()).isEqualTo(4);
        assertThat(Codec.decodeFrontCoded(meta.get("postings").asText())).containsExactly("");
        assertThat(meta.get("terms").toString()).isEqualTo("[\"\"]");
        assertThat(meta.get("termRatio").asDouble()).isEqualTo(Codec.TERM_RATIO);
        assertThat(meta.has("facets")).isFalse();

        SearchIndex big = SearchIndex.build(new SyntheticKnowledgeBase(1, 100).documents(400));
        String keys = big.files().get("meta.js");
        List<String> postings = Codec.decodeFrontCoded(data(big, "meta").get("postings").asText());
        assertThat(postings).hasSize((int) big.files().keySet().stream().filter(f -> f.startsWith("p/")).count())
                .isSorted();
        // About a dozen characters per postings file name (front-coded), nothing per document.
        assertThat(keys.length()).isLessThan(40 + 14 * postings.size());
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
        List<String> expected = new ArrayList<>(index.files().keySet());
        expected.add("p/notes.txt");
        assertThat(left).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.readString(dir.resolve("meta.js"))).isEqualTo(index.files().get("meta.js"));
    }

    @Test
    void aSiteWithoutDocumentsHasAnEmptyIndexThatStillLoads() {
        SearchIndex empty = SearchIndex.build(List.of());
        assertThat(empty.files().keySet()).containsExactly("facets.js", "meta.js", "p/0.js", "t/0.js");
        assertThat(empty.files().get("p/0.js"))
                .isEqualTo("window.__hindsightSearch.shard(\"p/0\",{\"p\":[],\"r\":[]});\n");
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

    @Test
    void theClientReadsThisFormat() throws IOException {
        try (var in = SearchIndex.class.getResourceAsStream("/dev/hindsight/theme/assets/search-index.js")) {
            String js = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(js).contains("var FORMAT = " + SearchIndex.FORMAT + "; // SearchIndex.FORMAT");
        }
    }

    @Test
    void frontCodingSharesPrefixesAndNeverSplitsASurrogatePair() {
        List<String> strings = List.of("", "accounts", "accounts-api", "accounts-eu", "b", "x\uD83D\uDD25a",
                "x\uD83D\uDD25b", "x\uD83D\uDE00", "é\"<>&");
        String coded = Codec.frontCoded(strings);
        assertThat(coded).startsWith("00" + "08accounts" + "84-api" + "92eu" + "01b");
        assertThat(Codec.decodeFrontCoded(coded)).isEqualTo(strings);
        // "x🔥" and "x😀" share "x" and the high surrogate: only "x" is shared.
        assertThat(coded).contains("31b" + "12\uD83D\uDE00");
    }

    @Test
    void postingsAreDenseWhenThatIsShorter() {
        int[] few = {3, 40, 41};
        String sparse = Codec.postings(few, new int[] {63, 10, 0}, 4095, 100);
        assertThat(sparse).isEqualTo("__" + "3_" + "X4A" + "00"); // 36 = 1·32 + 4: "X" (32 + 1), then "4"
        assertThat(Codec.decodePostings(sparse, 100)).containsExactly(
                Map.entry(3, 63), Map.entry(40, 10), Map.entry(41, 0));

        int[] many = new int[60];
        int[] levels = new int[60];
        for (int i = 0; i < many.length; i++) {
            many[i] = 2 * i + 1;
            levels[i] = i % 64;
        }
        String dense = Codec.postings(many, levels, 5, 120);
        assertThat(dense).startsWith("~05").hasSize(3 + 20 + 60);
        assertThat(dense.substring(3, 23)).isEqualTo("g".repeat(20)); // bits 1, 3 and 5 of every six
        assertThat(Codec.termLevel(dense)).isEqualTo(5);
        var decoded = Codec.decodePostings(dense, 120);
        assertThat(decoded.keySet()).containsExactly(java.util.stream.IntStream.of(many).boxed().toArray(Integer[]::new));
        assertThat(decoded.values()).containsExactly(java.util.stream.IntStream.of(levels).boxed().toArray(Integer[]::new));
    }

    @Test
    void zigzagMapsSmallChangesToSmallNumbers() {
        StringBuilder b = new StringBuilder();
        for (long v : new long[] {0, -1, 1, -2, 2, 1000}) {
            Codec.zigzag(b, v);
        }
        assertThat(Codec.decodeVarints(b.toString())).containsExactly(0, 1, 2, 3, 4, 2000);
    }

    /** The rows of all document chunks, in id order, as strings (the services list as JSON). */
    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (int n = 0; index.files().containsKey("d/" + n + ".js"); n++) {
            data("d/" + n).forEach(r -> {
                List<String> row = new ArrayList<>();
                r.forEach(v -> row.add(v.isArray() ? v.toString() : v.asText()));
                rows.add(row);
            });
        }
        return rows;
    }

    private JsonNode data(String name) {
        return data(index, name);
    }

    private static JsonNode data(SearchIndex index, String name) {
        Matcher m = FILE.matcher(index.files().get(name + ".js"));
        assertThat(m.matches()).isTrue();
        try {
            return JSON.readTree(m.group(2));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Per document, the facet's values, as search-index.js decodes them. */
    private List<List<String>> decode(JsonNode facet) {
        List<String> values = Codec.decodeFrontCoded(facet.get("values").asText());
        int count = data("facets").get("count").asInt();
        List<List<String>> out = new ArrayList<>();
        long[] runs = Codec.decodeVarints(facet.get("runs").asText());
        long value = 0;
        for (int r = 0; r < runs.length; r += 2) {
            value += runs[r + 1] % 2 == 0 ? runs[r + 1] / 2 : -(runs[r + 1] + 1) / 2;
            for (int k = 0; k < runs[r]; k++) {
                out.add(new ArrayList<>(value == 0 ? List.of() : List.of(values.get((int) value - 1))));
            }
        }
        assertThat(out).hasSize(count);
        long[] more = Codec.decodeVarints(facet.get("more").asText());
        int at = 0;
        for (int v = 0; v < values.size(); v++) {
            int doc = -1;
            for (long k = more[at++]; k > 0; k--) {
                doc += (int) more[at++] + 1;
                out.get(doc).add(values.get(v));
            }
        }
        assertThat(at).isEqualTo(more.length);
        return out;
    }
}
