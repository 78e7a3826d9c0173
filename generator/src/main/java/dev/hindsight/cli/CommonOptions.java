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
            description = "\"Today\" for overdue and stale checks. Default: SOURCE_DATE_EPOCH, else the HEAD commit date.")
    LocalDate referenceDate;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Diagnostics format: text, json, sarif, github (workflow commands) or gitlab (Code "
                    + "Quality). Default: text.")
    String format;

    /** The explicit date, else {@code SOURCE_DATE_EPOCH}; null leaves it to the Git history. */
    LocalDate referenceDate(String sourceDateEpoch) {
        return referenceDate != null ? referenceDate : Hindsight.referenceDateFromEpoch(sourceDateEpoch);
    }

    void checkFormat() {
        if (!Hindsight.FORMATS.contains(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; use text, json, sarif, github or gitlab");
        }
    }
}
