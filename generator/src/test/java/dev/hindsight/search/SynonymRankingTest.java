package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.Postmortem;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import dev.hindsight.source.YamlReader;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Synonyms expanded at index time and front-matter keywords, asserted as rank order. */
class SynonymRankingTest {

    private static final List<dev.hindsight.model.Document> DOCS = List.of(
            TestDocs.runbook("NodeFilesystemAlmostOutOfSpace", "Node filesystem almost out of space", "node",
                    List.of("NodeFilesystemAlmostOutOfSpace"),
                    "## Meaning\nThe filesystem has less than 5% space left.\n"),
            TestDocs.runbook("NodeRAIDDiskFailure", "RAID disk failure", "node", List.of("NodeRAIDDiskFailure"),
                    "## Meaning\nA disk of the array failed; the array runs degraded until it is full again.\n"),
            TestDocs.runbook("KubeClientCertificateExpiration", "Client certificate expiration", "kubernetes",
                    List.of("KubeClientCertificateExpiration"),
                    "## Meaning\nA client certificate used to reach the API server expires soon.\n"),
            TestDocs.postmortem("2024-05-tls", "INC-2024-005", "Checkout down", List.of("checkout"), "SEV-2",
                    "## Summary\nThe load balancer expired its sessions.\n"),
            TestDocs.postmortem("2024-06-oom", "INC-2024-006", "Search pods restarted", List.of("search"), "SEV-3",
                    "## Summary\nThe indexer was OOMKilled every hour.\n"),
            keywordPostmortem());

    private final SearchIndex index = SearchIndex.build(DOCS);

    @Test
    void diskFullRanksTheOutOfSpaceRunbookFirst() {
        assertThat(ranked(index, "disk full")).containsExactly("NodeFilesystemAlmostOutOfSpace", "NodeRAIDDiskFailure");
        // Without synonyms only the RAID runbook has both words.
        assertThat(ranked(SearchIndex.build(DOCS, Synonyms.NONE), "disk full")).containsExactly("NodeRAIDDiskFailure");
    }

    @Test
    void certificateExpiredFindsTheCertificateRunbook() {
        assertThat(ranked(index, "certificate expired")).startsWith("KubeClientCertificateExpiration");
        assertThat(ranked(index, "cert expired")).startsWith("KubeClientCertificateExpiration");
        assertThat(ranked(SearchIndex.build(DOCS, Synonyms.NONE), "certificate expired")).isEmpty();
    }

    @Test
    void outOfMemoryFindsOomKilled() {
        assertThat(ranked(index, "out of memory")).containsExactly("INC-2024-006");
        assertThat(ranked(index, "oom")).containsExactly("INC-2024-006");
    }

    @Test
    void sevSpellingsAreOne() {
        // TestDocs does not index severities as text; the body of the keyword postmortem says SEV1.
        assertThat(ranked(index, "sev-1")).containsExactly("INC-2016-001");
    }

    @Test
    void frontMatterKeywordsAreIndexedAsLabels() {
        assertThat(ranked(index, "leap second")).containsExactly("INC-2016-001");
        assertThat(ranked(index, "ntp")).containsExactly("INC-2016-001");
        assertThat(meta(yaml("keywords: \"dns, resolver ,\"\n"), "").frontMatterWords("keywords"))
                .containsExactly("dns", "resolver");
    }

    @Test
    void siteSynonymsReplaceTheBuiltInOnes() {
        SearchIndex own = SearchIndex.build(DOCS, new Synonyms(List.of(List.of("disk full", "array"))));
        assertThat(ranked(own, "disk full")).containsExactly("NodeRAIDDiskFailure");
        assertThat(ranked(own, "certificate expired")).isEmpty();
    }

    @Test
    void searchSynonymsInHindsightYml() {
        Diagnostics d = new Diagnostics();
        var config = new dev.hindsight.config.ConfigParser(new YamlReader()).parse("""
                title: T
                search:
                  synonyms:
                    - [disk full, array]
                  extra_synonyms:
                    - [pager, page]
                    - [lonely]
                """, d);
        assertThat(d.sorted().stream().map(Object::toString)).containsExactly(
                "hindsight.yml:7:7: error[config]: `search.extra_synonyms[1]` must be a list of two or more phrases");
        assertThat(config.search().synonyms()).containsExactly(List.of("disk full", "array"));
        assertThat(config.search().extraSynonyms()).containsExactly(List.of("pager", "page"));
        Synonyms own = Synonyms.of(config.search().synonyms(), config.search().extraSynonyms());
        assertThat(own.groups()).containsExactly(List.of("disk full", "array"), List.of("pager", "page"));
        assertThat(Synonyms.of(null, List.of(List.of("pager", "page"))).groups())
                .hasSize(Synonyms.BUILT_IN.size() + 1).endsWith(List.of("pager", "page"));
    }

    private static Postmortem keywordPostmortem() {
        String body = "## Summary\nA SEV1: clocks stepped back and the lock service lost its leader.\n";
        FrontMatter fm = yaml("title: Lock service outage\nkeywords: [leap second, ntp]\n");
        return TestDocs.postmortem(meta(fm, body), new MarkdownParser().parse(body, 4), List.of("locks"), "SEV-1", "");
    }

    private static DocumentMeta meta(FrontMatter fm, String body) {
        String path = "postmortems/2016-leap.md";
        SourceDocument src = new SourceDocument(new SourceFile(path, "", 0, body, 4, false), fm);
        return new DocumentMeta("postmortem", "INC-2016-001", "2016-leap", path,
                DocumentMeta.urlFor(path), "Lock service outage", dev.hindsight.config.DocumentStatus.PUBLISHED.yaml(), LocalDate.of(2016, 12, 31),
                List.of(), src);
    }

    private static FrontMatter yaml(String text) {
        return new YamlReader().read("postmortems/2016-leap.md", text, 2, new Diagnostics());
    }

    /** Documents that have every term of the query, best first: the sum of their term scores, as search.js adds them. */
    static List<String> ranked(SearchIndex index, String query) {
        List<String> terms = Tokenizer.terms(query).stream().distinct().toList();
        Map<String, Double> sum = new HashMap<>();
        Map<String, Integer> hits = new HashMap<>();
        for (String t : terms) {
            TestDocs.scores(index, t).forEach((doc, s) -> {
                sum.merge(doc, s, Double::sum);
                hits.merge(doc, 1, Integer::sum);
            });
        }
        return sum.entrySet().stream().filter(e -> hits.get(e.getKey()) == terms.size())
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
