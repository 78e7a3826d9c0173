package dev.hindsight.api;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one run is asked to do.
 *
 * @param source        the site root (holds {@code hindsight.yml}, {@code postmortems/}, …)
 * @param output        where to write the site; null for a check that writes nothing
 * @param includeDrafts whether drafts are built as pages
 * @param baseUrl       overrides the configured {@code base_url} when not empty
 * @param referenceDate "today" for overdue and stale checks; null means the HEAD commit's date
 *                      (or {@code SOURCE_DATE_EPOCH}, resolved by the caller), never the wall clock
 * @param listener      told of the run's stages, documents and pages as they go; {@link BuildListener#SILENT}
 *                      by default
 * @param cacheDir      the directory of the content-addressed cache of parsed documents; null for no cache
 */
public record BuildOptions(Path source, Path output, boolean includeDrafts, String baseUrl, LocalDate referenceDate,
                           BuildListener listener, Path cacheDir) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        baseUrl = baseUrl == null ? "" : baseUrl;
        listener = listener == null ? BuildListener.SILENT : listener;
    }

    /** Options of a run that shows no progress and has no cache. */
    public BuildOptions(Path source, Path output, boolean includeDrafts, String baseUrl, LocalDate referenceDate) {
        this(source, output, includeDrafts, baseUrl, referenceDate, BuildListener.SILENT, null);
    }

    public static BuildOptions check(Path source) {
        return new BuildOptions(source, null, false, "", null);
    }

    public static BuildOptions build(Path source, Path output) {
        return new BuildOptions(source, output, false, "", null);
    }

    public BuildOptions withOutput(Path dir) {
        return new BuildOptions(source, dir, includeDrafts, baseUrl, referenceDate, listener, cacheDir);
    }

    public BuildOptions withDrafts(boolean drafts) {
        return new BuildOptions(source, output, drafts, baseUrl, referenceDate, listener, cacheDir);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, includeDrafts, url, referenceDate, listener, cacheDir);
    }

    public BuildOptions withReferenceDate(LocalDate date) {
        return new BuildOptions(source, output, includeDrafts, baseUrl, date, listener, cacheDir);
    }

    /** These options with {@code l} told of the run's progress. */
    public BuildOptions withListener(BuildListener l) {
        return new BuildOptions(source, output, includeDrafts, baseUrl, referenceDate, l, cacheDir);
    }

    /** The same options with the cache in {@code dir}; null for none. */
    public BuildOptions withCacheDir(Path dir) {
        return new BuildOptions(source, output, includeDrafts, baseUrl, referenceDate, listener, dir);
    }
}
