package dev.hindsight.build;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.HistoryStore;
import dev.hindsight.model.Document;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What a {@link SiteBuilder} keeps from one load of the site to the next: nothing for a one-shot build
 * ({@link OneShot}), the parsed documents and the Git history for a preview ({@link PreviewCache}). A load
 * asks for the history, then for each document, then says what it found ({@link #loaded}); one load at a time.
 */
interface LoadCache {

    /**
     * How the Git history of {@code root}'s repository is had for this load: {@code read} (which reports into
     * diagnostics of its own), or the history kept from an earlier load when the repository has not changed.
     */
    Callable<GitHistory> history(Path root, Callable<GitHistory> read);

    /**
     * After a load that found the files at {@code paths} and the history {@code history} ({@code gitDiagnostics}
     * what reading it reported, if it was read): keeps what it keeps, and returns the Git diagnostics to report.
     */
    List<Diagnostic> loaded(Collection<String> paths, GitHistory history, List<Diagnostic> gitDiagnostics);

    /**
     * The document at {@code path} (null when the file is not one), its reading's diagnostics added to
     * {@code diagnostics}: {@code read} reads it, into the diagnostics it is given; a cache may answer with
     * the document it kept when {@code file} has not changed since.
     */
    Document document(Path file, String path, Function<Diagnostics, Document> read, Diagnostics diagnostics);

    /** Forgets what was kept of {@code path}: the next {@link #document} call for it reads it. */
    void forget(String path);

    /** Where the Git history's committed part is kept between runs: nowhere unless a cache says otherwise. */
    default HistoryStore historyStore() {
        return HistoryStore.NONE;
    }

    /** A one-shot build's: keeps nothing, reads every file and the whole history each time. */
    enum OneShot implements LoadCache {
        INSTANCE;

        @Override
        public Callable<GitHistory> history(Path root, Callable<GitHistory> read) {
            return read;
        }

        @Override
        public List<Diagnostic> loaded(Collection<String> paths, GitHistory history, List<Diagnostic> gitDiagnostics) {
            return gitDiagnostics;
        }

        @Override
        public Document document(Path file, String path, Function<Diagnostics, Document> read,
                                 Diagnostics diagnostics) {
            return read.apply(diagnostics);
        }

        @Override
        public void forget(String path) {
            // nothing kept
        }
    }
}
