package dev.hindsight.bench;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.GitHistoryBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Git history walk: {@link GitHistoryBuilder#call()} (open the repository with JGit, one walk over
 * all commits, per-file histories, dirty-file check) over the 1000-document corpus and its 1200
 * commits. One operation = the whole walk; divide by 1000 for a per-document figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GitHistoryBenchmark {

    static final int DOCS = 1000;

    private Path site;

    @Setup
    public void setup() {
        site = Corpus.site(DOCS);
        Diagnostics diagnostics = new Diagnostics();
        GitHistory h = new GitHistoryBuilder(site, diagnostics).call();
        Corpus.requireClean(diagnostics.sorted(), "reading the Git history");
        long md = h.files().keySet().stream().filter(p -> p.endsWith(".md")).count();
        if (!h.available() || md != DOCS) {
            throw new IllegalStateException("expected the history of " + DOCS + " documents, got " + h);
        }
    }

    @Benchmark
    public GitHistory walk() {
        return new GitHistoryBuilder(site, new Diagnostics()).call();
    }
}
