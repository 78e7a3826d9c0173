package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a one-shot build writes its index file by file as each is made, and lets go of what it keeps of each
 * document (the text of its fields, then its section texts) as soon as the files made next no longer need it. The
 * files are those of an index that keeps everything (the preview's).
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
    void aOneShotIndexIsWrittenFileByFileAsTheIndexThatKeepsItsEntriesWouldBe(@TempDir Path dir) throws IOException {
        for (List<? extends Document> docs : List.of(DOCS, new SyntheticKnowledgeBase(3, 100).documents(400))) {
            SearchIndex kept = new SearchIndexer(UnaryOperator.identity(), Synonyms.builtIn()).build(docs);
            Path data = dir.resolve("data-" + docs.size());
            Files.createDirectories(data.resolve("p"));
            Files.writeString(data.resolve("p/999.js"), "stale"); // from an earlier index: goes
            Files.writeString(data.resolve("p/notes.txt"), "not ours"); // not an index file: stays

            int written = new SearchIndexer(UnaryOperator.identity(), Synonyms.builtIn()).write(docs, data);

            assertThat(written).isEqualTo(kept.files().size());
            assertThat(filesIn(data)).isEqualTo(kept.files());
            assertThat(data.resolve("p/notes.txt")).hasContent("not ours");
        }
    }

    @Test
    void aOneShotIndexLetsGoOfWhatItKeepsOfTheDocumentsOnceItsRowsAreMade(@TempDir Path dir) throws IOException {
        ArrayList<SearchEntry> entries = new ArrayList<>(DOCS.stream()
                .map(d -> SearchEntry.of(d, UnaryOperator.identity())).toList());

        SearchIndex.writeOwnedEntries(entries, Synonyms.builtIn(), dir);

        assertThat(entries).isEmpty();
        assertThat(dir.resolve("meta.js")).exists();
    }

    private static Map<String, String> filesIn(Path data) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = data.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".js")) {
                    files.put(rel, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
