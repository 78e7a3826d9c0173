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
 */
public record BuildOptions(Path source, Path output, boolean includeDrafts, String baseUrl, LocalDate referenceDate,
                           BuildListener listener) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        baseUrl = baseUrl == null ? "" : baseUrl;
        listener = listener == null ? BuildListener.SILENT : listener;
    }

    /** Options of a run that shows no progress. */
    public BuildOptions(Path source, Path output, boolean includeDrafts, String baseUrl, LocalDate referenceDate) {
        this(source, output, includeDrafts, baseUrl, referenceDate, BuildListener.SILENT);
    }

    public static BuildOptions check(Path source) {
        return new BuildOptions(source, null, false, "", null);
    }

    public static BuildOptions build(Path source, Path output) {
        return new BuildOptions(source, output, false, "", null);
    }

    public BuildOptions withOutput(Path dir) {
        return new BuildOptions(source, dir, includeDrafts, baseUrl, referenceDate, listener);
    }

    public BuildOptions withDrafts(boolean drafts) {
        return new BuildOptions(source, output, drafts, baseUrl, referenceDate, listener);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, includeDrafts, url, referenceDate, listener);
    }

    public BuildOptions withReferenceDate(LocalDate date) {
        return new BuildOptions(source, output, includeDrafts, baseUrl, date, listener);
    }

    /** These options with {@code l} told of the run's progress. */
    public BuildOptions withListener(BuildListener l) {
        return new BuildOptions(source, output, includeDrafts, baseUrl, referenceDate, l);
    }
}
