package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardsTest {

    /** Terms with postings strings of pseudo-random length: a few huge, most small. */
    private static List<InvertedIndex.Term> terms(int n, long seed) {
        Random r = new Random(seed);
        List<String> words = new ArrayList<>();
        String letters = "abcdefghijklmnopqrstuvwxyz";
        while (words.size() < n) {
            StringBuilder w = new StringBuilder();
            int len = 2 + r.nextInt(8);
            // Skewed first letters, so that some two-letter groups are large and others tiny.
            w.append(letters.charAt((int) (Math.pow(r.nextDouble(), 3) * 26)));
            for (int i = 1; i < len; i++) {
                w.append(letters.charAt(r.nextInt(26)));
            }
            if (!words.contains(w.toString())) {
                words.add(w.toString());
            }
        }
        Collections.sort(words);
        return words.stream().map(w -> new InvertedIndex.Term(w, 1,
                "x".repeat(r.nextInt(50) == 0 ? 3000 : 1 + r.nextInt(40)))).toList();
    }

    @Test
    void postingsShardsStayWithinTheBudgetAndAreFoundByBinarySearch() {
        List<InvertedIndex.Term> terms = terms(3000, 1);
        int budget = 2000;
        List<Shards.Range> shards = Shards.postings(terms, budget);

        assertThat(shards.get(0).key()).isEmpty();
        assertThat(shards.get(0).from()).isZero();
        assertThat(shards.get(shards.size() - 1).to()).isEqualTo(terms.size());
        for (int i = 0; i < shards.size(); i++) {
            Shards.Range s = shards.get(i);
            long bytes = IntStream.range(s.from(), s.to()).mapToLong(k -> Shards.postingsEntryBytes(terms.get(k))).sum();
            assertThat(bytes <= budget || s.to() - s.from() == 1).as("shard %d: %d bytes", i, bytes).isTrue();
            if (i > 0) {
                assertThat(s.from()).isEqualTo(shards.get(i - 1).to());
                String first = terms.get(s.from()).term();
                String previousLast = terms.get(s.from() - 1).term();
                assertThat(first).startsWith(s.key());
                assertThat(s.key()).isGreaterThan(previousLast);
                assertThat(s.key().length()).isLessThanOrEqualTo(first.length());
            }
        }
        List<String> keys = shards.stream().map(Shards.Range::key).toList();
        for (int k = 0; k < terms.size(); k++) {
            Shards.Range s = shards.get(fileFor(keys, terms.get(k).term()));
            assertThat(k).isBetween(s.from(), s.to() - 1);
        }
    }

    @Test
    void separatorsAreTheShortestPrefixAfterThePreviousTerm() {
        assertThat(Shards.separator("apple", "apricot")).isEqualTo("apr");
        assertThat(Shards.separator("ab", "abc")).isEqualTo("abc");
        assertThat(Shards.separator("az", "b")).isEqualTo("b");
    }

    @Test
    void dictionaryFilesKeepTwoLetterGroupsTogetherUnlessTooBig() {
        List<InvertedIndex.Term> terms = terms(5000, 2);
        int budget = 1500;
        List<Shards.Range> files = Shards.dictionary(terms, budget);
        List<String> keys = files.stream().map(Shards.Range::key).toList();

        assertThat(keys.get(0)).isEmpty();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < files.size(); i++) {
            Shards.Range f = files.get(i);
            long bytes = Shards.dictionaryBytes(terms, f.from(), f.to());
            boolean oneGroup = terms.subList(f.from(), f.to()).stream()
                    .map(t -> Shards.prefix(t.term(), 3)).distinct().count() == 1;
            assertThat(bytes <= budget || oneGroup).as("file %d (%s): %d bytes", i, f.key(), bytes).isTrue();
            if (i > 0) {
                assertThat(terms.get(f.from()).term()).startsWith(f.key());
                assertThat(f.key().length()).isBetween(2, 3);
            }
        }
        // Every term with a given two-letter prefix is in one file, unless that prefix was split.
        for (int k = 0; k < terms.size(); k++) {
            String t = terms.get(k).term();
            int file = fileFor(keys, t);
            assertThat(k).isBetween(files.get(file).from(), files.get(file).to() - 1);
            String two = Shards.prefix(t, 2);
            long groupBytes = Shards.dictionaryBytes(terms, first(terms, two), last(terms, two) + 1);
            if (groupBytes <= budget) {
                assertThat(fileFor(keys, two)).isEqualTo(fileFor(keys, two + "\uffff")).isEqualTo(file);
            }
        }
    }

    @Test
    void theIndexIsTheSameWhateverTheOrderOfTheDocuments() {
        List<Document> docs = new ArrayList<>(new SyntheticKnowledgeBase(7, 500).documents(300));
        SearchIndex a = SearchIndex.build(docs);
        Collections.shuffle(docs, new Random(3));
        SearchIndex b = SearchIndex.build(docs);
        assertThat(b.files()).isEqualTo(a.files());
        assertThat(a.files().keySet()).contains("meta.js", "p/0.js", "t/0.js", "d/0.js");
    }

    /** The search-index.js lookup: the last key that is not after the term. */
    private static int fileFor(List<String> keys, String term) {
        int lo = 0;
        int hi = keys.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (keys.get(mid).compareTo(term) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int first(List<InvertedIndex.Term> terms, String prefix) {
        return IntStream.range(0, terms.size()).filter(i -> terms.get(i).term().startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    private static int last(List<InvertedIndex.Term> terms, String prefix) {
        return IntStream.range(0, terms.size()).filter(i -> terms.get(i).term().startsWith(prefix)).max()
                .orElseThrow();
    }
}
