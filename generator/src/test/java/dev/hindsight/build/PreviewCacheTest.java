package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.git.GitHistory;
import dev.hindsight.model.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build keeps between loads: a preview keeps each document while its file is unchanged and the Git
 * history while the repository is, with their diagnostics; a one-shot build keeps nothing.
 */
class PreviewCacheTest {

    private static final Diagnostic NOTE = new Diagnostic(Severity.INFO, "x", Position.ofFile("a.md"), "read", null);
    private static final Callable<GitHistory> NEVER = () -> {
        throw new AssertionError("the kept history should have been used");
    };

    private final AtomicInteger reads = new AtomicInteger();
    private final Function<Diagnostics, Document> read = d -> {
        reads.incrementAndGet();
        d.add(NOTE);
        return null;
    };

    @Test
    void aDocumentIsReadAgainOnlyWhenItsFileChangedOrItWasForgotten(@TempDir Path root) throws Exception {
        Path file = Files.writeString(root.resolve("a.md"), "one");
        PreviewCache cache = new PreviewCache();
        Diagnostics first = new Diagnostics();
        cache.document(file, "a.md", read, first);
        Diagnostics second = new Diagnostics();
        cache.document(file, "a.md", read, second);
        assertThat(reads).hasValue(1);
        assertThat(second.sorted()).containsExactly(NOTE); // the kept reading's diagnostics, reported again
        assertThat(cache.contains("a.md")).isTrue();

        Files.writeString(file, "two, longer");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        cache.document(file, "a.md", read, new Diagnostics());
        assertThat(reads).hasValue(2);
        cache.forget("a.md");
        assertThat(cache.contains("a.md")).isFalse();
        cache.document(file, "a.md", read, new Diagnostics());
        assertThat(reads).hasValue(3);
        cache.loaded(List.of("b.md"), GitHistory.none(), List.of());
        assertThat(cache.contains("a.md")).isFalse();
    }

    @Test
    void theHistoryIsKeptWithItsDiagnosticsUntilTheRepositoryChanges(@TempDir Path root) throws Exception {
        PreviewCache cache = new PreviewCache();
        GitHistory none = GitHistory.none();
        Callable<GitHistory> read = () -> none;
        assertThat(cache.history(root, read)).isSameAs(read);
        assertThat(cache.loaded(List.of(), none, List.of(NOTE))).containsExactly(NOTE);

        Callable<GitHistory> kept = cache.history(root, NEVER);
        assertThat(kept.call()).isSameAs(none);
        assertThat(cache.loaded(List.of(), none, List.of())).containsExactly(NOTE);

        Git.init().setDirectory(root.toFile()).call().close();
        assertThat(cache.history(root, read)).isSameAs(read);
        assertThat(cache.loaded(List.of(), none, List.of())).isEmpty();
    }

    @Test
    void aOneShotBuildKeepsNothing(@TempDir Path root) throws Exception {
        Path file = Files.writeString(root.resolve("a.md"), "one");
        LoadCache cache = LoadCache.OneShot.INSTANCE;
        cache.document(file, "a.md", read, new Diagnostics());
        Diagnostics again = new Diagnostics();
        cache.document(file, "a.md", read, again);
        assertThat(reads).hasValue(2);
        assertThat(again.sorted()).containsExactly(NOTE);
        Callable<GitHistory> read = GitHistory::none;
        assertThat(cache.history(root, read)).isSameAs(read);
        assertThat(cache.loaded(List.of(), GitHistory.none(), List.of(NOTE))).containsExactly(NOTE);
        assertThat(cache.history(root, read)).isSameAs(read);
    }
}
