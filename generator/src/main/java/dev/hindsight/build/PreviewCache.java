package dev.hindsight.build;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.model.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What a preview session keeps between its builds: each parsed document while its file keeps its size and
 * modification time ({@link DocumentCache}), and the Git history while the repository keeps its state
 * ({@link GitState}), with the diagnostics reading them gave.
 */
final class PreviewCache implements LoadCache {

    private final DocumentCache documents = new DocumentCache();
    private GitHistory history;
    private GitState historyState;
    private List<Diagnostic> historyDiagnostics = List.of();
    /** The repository's state when the load under way began, and whether it reuses the kept history. */
    private GitState loading;
    private boolean reused;

    @Override
    public Callable<GitHistory> history(Path root, Callable<GitHistory> read) {
        loading = GitState.of(root);
        reused = history != null && loading.equals(historyState);
        GitHistory kept = history;
        return reused ? () -> kept : read;
    }

    @Override
    public List<Diagnostic> loaded(Collection<String> paths, GitHistory read, List<Diagnostic> gitDiagnostics) {
        documents.retainOnly(paths);
        if (!reused) {
            history = read;
            historyState = loading;
            historyDiagnostics = List.copyOf(gitDiagnostics);
        }
        return historyDiagnostics;
    }

    @Override
    public Document document(Path file, String path, Function<Diagnostics, Document> read, Diagnostics diagnostics) {
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return read.apply(diagnostics);
        }
        DocumentCache.Entry hit = documents.get(path, size, modified);
        if (hit == null) {
            Diagnostics own = new Diagnostics();
            Document doc = read.apply(own);
            hit = new DocumentCache.Entry(size, modified, doc, own.sorted());
            documents.put(path, hit);
        }
        diagnostics.addAll(hit.diagnostics());
        return hit.document();
    }

    @Override
    public void forget(String path) {
        documents.remove(path);
    }

    /** Whether the last scan found a file at {@code path} (whether or not it was a document). */
    boolean contains(String path) {
        return documents.contains(path);
    }
}
