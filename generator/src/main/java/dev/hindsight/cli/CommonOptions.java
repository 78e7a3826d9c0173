package dev.hindsight.cli;

import dev.hindsight.Hindsight;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options shared by {@code check} and {@code build}. */
final class CommonOptions {

    @Option(names = {"-s", "--source"}, defaultValue = ".", paramLabel = "DIR",
            description = "Site root (holds hindsight.yml). Default: the current directory.")
    Path source;

    @Option(names = "--drafts", description = "Include drafts.")
    boolean drafts;

    @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
            description = "\"Today\" for overdue, stale and review-due: this date, else SOURCE_DATE_EPOCH, else the "
                    + "build's date (UTC). Pin it for reproducible output.")
    LocalDate referenceDate;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Diagnostics format: text, json, sarif, github (workflow commands) or gitlab (Code "
                    + "Quality). Default: text.")
    String format;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where parsed documents are cached between runs, keyed by their content, the "
                    + "configuration and the tool's code; safe to delete. Default: .hindsight/cache in the site root.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Neither read nor write the cache: parse every document.")
    boolean noCache;

    /** {@code options} with the cache this run uses: {@code --cache-dir}, else the site's, none with --no-cache. */
    dev.hindsight.api.BuildOptions withCache(dev.hindsight.api.BuildOptions options) {
        if (noCache) {
            return options.withCacheDir(null);
        }
        Path dir = cacheDir != null ? cacheDir : source.resolve(".hindsight").resolve("cache");
        return options.withCacheDir(dir.toAbsolutePath().normalize());
    }

    /**
     * The explicit date, else {@code SOURCE_DATE_EPOCH}, else {@code today} (the build's date, which
     * {@link Main#today()} reads from the clock: the one place that does).
     */
    LocalDate referenceDate(String sourceDateEpoch, LocalDate today) {
        if (referenceDate != null) {
            return referenceDate;
        }
        LocalDate fromEpoch = Hindsight.referenceDateFromEpoch(sourceDateEpoch);
        return fromEpoch != null ? fromEpoch : today;
    }

    @Option(names = {"-q", "--quiet"},
            description = "Show no progress on stderr (diagnostics and the summary line still print).")
    boolean quiet;

    @Option(names = "--timings",
            description = "After the run, print each stage's wall time, heap in use and the process's peak RSS "
                    + "on stderr.")
    boolean timings;

    void checkFormat() {
        if (!Hindsight.FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use text, json, sarif, github or gitlab");
        }
    }
}
