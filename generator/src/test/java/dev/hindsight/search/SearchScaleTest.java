package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.model.Document;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The index of 10k synthetic documents of about 4 KB ({@link SyntheticKnowledgeBase}): build time, size
 * and file sizes, and, in Chromium, what a first query fetches and how long queries take. The numbers
 * are printed for the record. File sizes and the 150 KB first-query budget are asserted; times only
 * loosely, since the machines that run the tests are shared.
 */
@Tag("scale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchScaleTest {

    static final int DOCS = Integer.getInteger("hindsight.scale.docs", 10_000);
    static final List<String> QUERIES = List.of("database latency", "connection pool exhaustion", "rollback",
            "redis failover", "PaymentsHighErrorRate", "INC-2019-042", "kubernetes pod evicted", "p99",
            "latnecy spike", "conn");
    /** The search scripts, in the order the layout loads them. */
    static final List<String> SCRIPTS = List.of("search-tokenize.js", "search-index.js", "search-rank.js",
            "search-ui.js");

    @TempDir
    Path tmp;

    private List<Document> docs;
    private SearchIndex index;

    @BeforeAll
    void corpus() {
        docs = new SyntheticKnowledgeBase(42, 60_000).documents(DOCS);
    }

    @AfterAll
    void release() {
        docs = null;
        index = null;
    }

    @Test
    void buildTimeAndSizes() throws IOException {
        long textBytes = docs.stream().mapToLong(d -> d.body().plainText().length()).sum();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int runs = 3;
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int run = 0; run < runs; run++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            index = SearchIndex.build(docs);
            wall[run] = (System.nanoTime() - t0) / 1_000_000;
            cpu[run] = (os.getProcessCpuTime() - c0) / 1_000_000;
        }
        long t0 = System.nanoTime();
        index.writeTo(tmp.resolve("site/search/data"));
        long writeMs = (System.nanoTime() - t0) / 1_000_000;

        Map<String, long[]> byKind = sizesByKind(index);
        System.out.printf(Locale.ROOT, "search scale: %d docs, %.1f MB of text, %d terms, %d processors;"
                        + " build wall %s ms, cpu %s ms (last runs count); write %d ms; %d files, %.2f MB%n",
                DOCS, textBytes / 1e6, index.termCount(), Runtime.getRuntime().availableProcessors(),
                Arrays.toString(wall), Arrays.toString(cpu), writeMs, index.files().size(), index.totalBytes() / 1e6);
        byKind.forEach((kind, s) -> System.out.printf(Locale.ROOT,
                "  %-8s %5d files, %8.1f KB, largest %5.1f KB%n", kind, s[0], s[1] / 1e3, s[2] / 1e3));

        assertThat(Arrays.stream(wall).min().orElseThrow()).as("fastest build, ms").isLessThan(20_000);
        assertThat(byKind.get("meta.js")[2]).as("metadata: shard keys, nothing per document").isLessThan(12_000);
        assertThat(byKind.get("facets.js")[2]).as("facet data of every document").isLessThan(60_000);
        assertThat(byKind.get("p")[2]).as("largest postings shard").isLessThan(30_000);
        assertThat(byKind.get("t")[2]).as("largest dictionary file").isLessThan(20_000);
        // Index format 4: a document's row carries its section texts (no x/ files): one file per shown result.
        assertThat(byKind).as("no separate section-text files").doesNotContainKey("x");
        assertThat(byKind.get("d")[2]).as("largest document chunk, section texts included").isLessThan(6_000);
    }

    @Test
    void firstQueriesInChromium() throws IOException {
        if (index == null) {
            index = SearchIndex.build(docs);
        }
        Path site = tmp.resolve("browser-site");
        index.writeTo(site.resolve("search/data"));
        Files.createDirectories(site.resolve("assets"));
        List<String> assets = new ArrayList<>(SCRIPTS);
        assets.add("search.css");
        for (String asset : assets) {
            try (InputStream in = getClass().getResourceAsStream("/dev/hindsight/theme/assets/" + asset)) {
                Files.write(site.resolve("assets/" + asset), in.readAllBytes());
            }
        }
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
                + "<title>bench</title>" + SCRIPTS.stream().map(js -> "<script src=\"assets/" + js + "\"></script>")
                .collect(java.util.stream.Collectors.joining()) + "</head><body></body></html>");
        long scriptBytes = 0;
        for (String js : SCRIPTS) {
            scriptBytes += Files.size(site.resolve("assets/" + js));
        }
        ChromeDriver driver = Browser.start(tmp.resolve("profile"));
        try {
            List<Double> cold = new ArrayList<>();
            List<Double> focused = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (String q : QUERIES) {
                // As on a page where the box has the focus: the metadata is loaded, nothing else.
                driver.get(site.toUri() + "index.html");
                search(driver, "");
                focused.add(((Number) search(driver, q).get("ms")).doubleValue());
                // A fresh page: everything, the metadata included, is loaded by the query.
                driver.get(site.toUri() + "index.html");
                Map<?, ?> first = search(driver, q);
                Map<?, ?> again = search(driver, q);
                long bytes = 0;
                int postingShards = 0;
                for (Object name : (List<?>) first.get("loaded")) {
                    bytes += Files.size(site.resolve("search/data/" + name + ".js"));
                    postingShards += String.valueOf(name).startsWith("p/") ? 1 : 0;
                }
                cold.add(((Number) first.get("ms")).doubleValue());
                warm.add(((Number) again.get("ms")).doubleValue());
                System.out.printf(Locale.ROOT, "  first query %-28s %5d results, %2d files (%d postings), %6.1f KB,"
                                + " %6.1f ms cold, %6.1f ms with the metadata loaded, %5.1f ms warm%n", '"' + q + '"',
                        ((Number) first.get("total")).intValue(), ((List<?>) first.get("loaded")).size(), postingShards,
                        bytes / 1e3,
                        cold.get(cold.size() - 1), focused.get(focused.size() - 1), warm.get(warm.size() - 1));
                assertThat(bytes).as("bytes fetched by a first query for " + q).isLessThanOrEqualTo(150_000);
                assertThat(((Number) first.get("total")).intValue()).as("results for " + q).isPositive();
                if (q.startsWith("INC-") && hasTerm(q.toLowerCase(Locale.ROOT))) {
                    assertThat(postingShards).as("an identifier found whole: its shard, not one per part").isEqualTo(1);
                }
            }
            System.out.printf(Locale.ROOT, "  median over %d first queries: %.1f ms cold, %.1f ms with the metadata"
                            + " loaded, %.1f ms warm; search-*.js %.1f KB%n", QUERIES.size(), median(cold), median(focused),
                    median(warm), scriptBytes / 1e3);
        } finally {
            driver.quit();
        }
    }

    private static Map<?, ?> search(ChromeDriver driver, String q) {
        return (Map<?, ?>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var t0 = performance.now();"
                + "window.__hindsightSearch.search(arguments[0]).then(function (r) {"
                + "  done({ms: performance.now() - t0, total: r.total, loaded: r.loaded});"
                + "}, function (e) { done({ms: -1, total: -1, loaded: [], error: String(e)}); });", q);
    }

    private boolean hasTerm(String term) {
        return index.index().terms().stream().anyMatch(t -> t.term().equals(term));
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static Map<String, long[]> sizesByKind(SearchIndex index) {
        Map<String, long[]> byKind = new TreeMap<>();
        index.files().forEach((path, text) -> {
            String kind = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            long size = text.getBytes(StandardCharsets.UTF_8).length;
            long[] s = byKind.computeIfAbsent(kind, k -> new long[3]);
            s[0]++;
            s[1] += size;
            s[2] = Math.max(s[2], size);
        });
        return byKind;
    }
}
