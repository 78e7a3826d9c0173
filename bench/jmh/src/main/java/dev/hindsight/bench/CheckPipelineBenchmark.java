package dev.hindsight.bench;

import dev.hindsight.Hindsight;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
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
 * The whole {@code hindsight check} in a warm JVM: {@link Hindsight#check(BuildOptions)} on the
 * 200-document corpus (with its 240-commit Git history, walked on its own thread as usual), reference
 * date 2026-11-01. Includes reading the files from disk, config, front matter, Markdown (with HTML
 * rendering), the model, the Git walk and all rules; writes nothing. One operation = one document
 * (the whole check runs per invocation and the time is divided by 200).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CheckPipelineBenchmark {

    static final int DOCS = 200;

    private final Hindsight hindsight = new Hindsight();
    private BuildOptions options;

    @Setup
    public void setup() {
        options = BuildOptions.check(Corpus.site(DOCS)).withReferenceDate(Corpus.REFERENCE_DATE);
        BuildResult r = hindsight.check(options);
        Corpus.requireClean(r.diagnostics(), "hindsight check");
        if (r.documents() != DOCS || r.setupFailed()) {
            throw new IllegalStateException("check read " + r.documents() + " documents: " + r);
        }
    }

    @Benchmark
    @OperationsPerInvocation(DOCS)
    public BuildResult check() {
        return hindsight.check(options);
    }
}
