package dev.hindsight.bench;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.source.SourceDocument;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * flexmark parsing plus Hindsight's AST walk: {@link MarkdownParser#parse(String, String, int, Diagnostics)}
 * on the body of each of the 200 corpus documents (front matter already split off, as in the
 * pipeline). It includes what {@code parse} does today besides parsing: the HTML rendering and the
 * sanitizer. One operation = one document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MarkdownParseBenchmark {

    static final int DOCS = 200;

    private MarkdownParser parser;
    private String[] paths;
    private String[] bodies;
    private int[] firstLines;

    @Setup
    public void setup() {
        List<SourceDocument> sources = Corpus.load(Corpus.site(DOCS)).sources();
        if (sources.size() != DOCS) {
            throw new IllegalStateException("expected " + DOCS + " documents, read " + sources.size());
        }
        parser = new MarkdownParser();
        paths = new String[DOCS];
        bodies = new String[DOCS];
        firstLines = new int[DOCS];
        for (int i = 0; i < DOCS; i++) {
            paths[i] = sources.get(i).path();
            bodies[i] = sources.get(i).file().body();
            firstLines[i] = sources.get(i).file().bodyLine();
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void parse(Blackhole bh) {
        for (int i = 0; i < DOCS; i++) {
            Diagnostics diagnostics = new Diagnostics();
            bh.consume(parser.parse(paths[i], bodies[i], firstLines[i], diagnostics));
            bh.consume(diagnostics);
        }
    }
}
