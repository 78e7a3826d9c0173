package dev.hindsight.bench;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.FrontMatterSplitter;
import dev.hindsight.source.SourceFile;
import dev.hindsight.source.SourceParser;
import dev.hindsight.source.YamlReader;
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
 * Front matter of the 200 corpus documents, through the public entry points of {@code dev.hindsight.source}:
 * <ul>
 *   <li>{@code split}: {@link FrontMatterSplitter#split} alone (find the {@code ---} block, cut the text);</li>
 *   <li>{@code yaml}: {@link YamlReader#read} alone on the already split YAML (Jackson YAML / SnakeYAML
 *       plus the position of every key and value);</li>
 *   <li>{@code sourceParse}: {@link SourceParser#parse}, both together, which is what
 *       {@code SiteSource.load} does after reading the bytes.</li>
 * </ul>
 * One operation = one document.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrontMatterBenchmark {

    static final int DOCS = 200;

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final YamlReader yaml = new YamlReader();
    private final SourceParser sourceParser = new SourceParser(yaml);
    private String[] paths;
    private String[] texts;
    private String[] yamls;
    private int[] yamlLines;

    @Setup
    public void setup() {
        List<Corpus.RawFile> files = Corpus.rawFiles(Corpus.site(DOCS));
        if (files.size() != DOCS) {
            throw new IllegalStateException("expected " + DOCS + " documents, found " + files.size());
        }
        paths = new String[DOCS];
        texts = new String[DOCS];
        yamls = new String[DOCS];
        yamlLines = new int[DOCS];
        Diagnostics diagnostics = new Diagnostics();
        for (int i = 0; i < DOCS; i++) {
            paths[i] = files.get(i).path();
            texts[i] = files.get(i).text();
            SourceFile f = splitter.split(paths[i], texts[i], diagnostics);
            if (!f.hasFrontMatter()) {
                throw new IllegalStateException(paths[i] + " has no front matter");
            }
            yamls[i] = f.frontMatter();
            yamlLines[i] = f.frontMatterLine();
        }
        Corpus.requireClean(diagnostics.sorted(), "splitting the corpus");
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void split(Blackhole bh) {
        for (int i = 0; i < DOCS; i++) {
            bh.consume(splitter.split(paths[i], texts[i], new Diagnostics()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void yaml(Blackhole bh) {
        for (int i = 0; i < DOCS; i++) {
            bh.consume(yaml.read(paths[i], yamls[i], yamlLines[i], new Diagnostics()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public void sourceParse(Blackhole bh) {
        for (int i = 0; i < DOCS; i++) {
            bh.consume(sourceParser.parse(paths[i], texts[i], new Diagnostics()));
        }
    }
}
