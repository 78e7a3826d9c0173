package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index at 10k synthetic documents of about 4 KB: build time, size and file sizes, printed for the
 * record. The time limit asserted is loose (shared CI machines); the budget is 1 s.
 */
class SearchScaleTest {

    static final int DOCS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void tenThousandDocuments() throws Exception {
        List<Document> docs = new SyntheticKnowledgeBase(42, 60_000).documents(DOCS);
        long textBytes = docs.stream().mapToLong(d -> d.body().plainText().length()).sum();

        long[] times = new long[5];
        SearchIndex index = null;
        for (int run = 0; run < times.length; run++) {
            long t0 = System.nanoTime();
            index = SearchIndex.build(docs);
            times[run] = (System.nanoTime() - t0) / 1_000_000;
        }
        long t0 = System.nanoTime();
        index.writeTo(tmp.resolve("data"));
        long writeMs = (System.nanoTime() - t0) / 1_000_000;

        Map<String, long[]> byKind = new TreeMap<>();
        index.files().forEach((path, text) -> {
            String kind = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            long size = text.getBytes(StandardCharsets.UTF_8).length;
            long[] s = byKind.computeIfAbsent(kind, k -> new long[3]);
            s[0]++;
            s[1] += size;
            s[2] = Math.max(s[2], size);
        });
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "search scale: %d docs, %.1f MB text, %d terms; build runs %s ms (median %d),"
                        + " write %d ms; %d files, %.2f MB%n", DOCS, textBytes / 1e6, index.termCount(),
                Arrays.toString(times), sorted[2], writeMs, index.files().size(), index.totalBytes() / 1e6);
        byKind.forEach((kind, s) -> System.out.printf(Locale.ROOT, "  %-4s %5d files, %8.1f KB, largest %5.1f KB%n",
                kind, s[0], s[1] / 1e3, s[2] / 1e3));

        assertThat(sorted[2]).as("median build ms").isLessThan(4_000);
        assertThat(byKind.get("meta.js")[2]).isLessThan(40_000);
        assertThat(byKind.get("p")[2]).isLessThan(30_000);
        assertThat(byKind.get("t")[2]).isLessThan(30_000);
        assertThat(byKind.get("d")[2]).isLessThan(6_000);
        assertThat(Files.size(tmp.resolve("data/meta.js"))).isEqualTo(byKind.get("meta.js")[1]);
    }
}
