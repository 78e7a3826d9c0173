package dev.hindsight.site;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one run is asked to do.
 *
 * @param source        the site root (holds {@code hindsight.yml}, {@code postmortems/}, …)
 * @param output        where to write the site; null for a check that writes nothing
 * @param includeDrafts whether drafts are built as pages
 * @param baseUrl       overrides the configured {@code base_url} when not empty
 */
public record BuildOptions(Path source, Path output, boolean includeDrafts, String baseUrl) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        baseUrl = baseUrl == null ? "" : baseUrl;
    }

    public static BuildOptions check(Path source) {
        return new BuildOptions(source, null, false, "");
    }

    public static BuildOptions build(Path source, Path output) {
        return new BuildOptions(source, output, false, "");
    }

    public BuildOptions withDrafts(boolean drafts) {
        return new BuildOptions(source, output, drafts, baseUrl);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, includeDrafts, url);
    }
}
