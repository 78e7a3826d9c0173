package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildListener;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.Stage;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.model.Document;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the live set of a one-shot build. Once the checks are done, nothing holds the whole documents (their
 * source text, YAML trees, blocks and plain text) while the pages are rendered: only what the pages read
 * ({@link SiteWriter#released}) and the search entries made of them. Before, the pipeline's own frame kept the
 * whole knowledge base and the checked alert catalog reachable until the last page was written.
 */
class LiveSetTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            alerts: [CheckoutErrors]
            ---
            ## Summary
            Checkout failed for **all** customers. See the [runbook](../runbooks/checkout.md#mitigation).
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            alerts: [CheckoutErrors]
            ---
            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            """;

    @TempDir
    Path tmp;

    @Test
    void noWholeDocumentIsReachableWhileThePagesAreRendered() throws Exception {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Recording cache = new Recording();
        List<Integer> reachable = new CopyOnWriteArrayList<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void started(Stage stage, int total) {
                if (stage == Stage.RENDER) {
                    reachable.add(cache.reachable());
                }
            }
        };

        BuildResult result = new SiteBuilder(cache, true).run(BuildOptions.build(src, tmp.resolve("out"))
                .withReferenceDate(LocalDate.of(2024, 6, 1)).withListener(listener));

        assertThat(result.setupFailed()).isFalse();
        assertThat(result.pages()).isPositive();
        assertThat(cache.read).hasSize(2);
        assertThat(reachable).containsExactly(0);
    }

    /** A one-shot load that remembers, weakly, each document it made. */
    private static final class Recording implements LoadCache {
        final List<WeakReference<Document>> read = new CopyOnWriteArrayList<>();

        @Override
        public Callable<GitHistory> history(Path root, Callable<GitHistory> r) {
            return r;
        }

        @Override
        public List<Diagnostic> loaded(Collection<String> paths, GitHistory history, List<Diagnostic> git) {
            return git;
        }

        @Override
        public Document document(Path file, String path, Function<Diagnostics, Document> r, Diagnostics diagnostics) {
            Document d = r.apply(diagnostics);
            if (d != null) {
                read.add(new WeakReference<>(d));
            }
            return d;
        }

        @Override
        public void forget(String path) {
            // nothing kept
        }

        /** How many of the documents read are still reachable, after collecting what is not. */
        int reachable() {
            for (int i = 0; i < 5; i++) {
                System.gc();
                if (read.stream().allMatch(r -> r.get() == null)) {
                    return 0;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return (int) read.stream().filter(r -> r.get() != null).count();
        }
    }
}
