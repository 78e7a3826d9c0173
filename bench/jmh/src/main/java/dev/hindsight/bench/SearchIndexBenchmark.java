package dev.hindsight.bench;

import dev.hindsight.model.Document;
import dev.hindsight.search.SearchIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The search index build: {@link SearchIndex#build(List)} over the 200 parsed corpus documents
 * (entries, inverted index, shards and the {@code .js} file texts, all in memory; writing them is not
 * included). Parts of it run on the common pool. One operation = one document (the whole index is
 * built per invocation and the time divided by 200).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchIndexBenchmark {

    static final int DOCS = 200;

    private List<Document> documents;

    @Setup
    public void setup() {
        documents = Corpus.load(Corpus.site(DOCS)).documents();
        SearchIndex index = SearchIndex.build(documents);
        if (index.documentCount() != DOCS) {
            throw new IllegalStateException("index holds " + index.documentCount() + " documents");
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public SearchIndex build() {
        return SearchIndex.build(documents);
    }
}
