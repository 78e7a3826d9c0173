package dev.hindsight.maven;

import dev.hindsight.Hindsight;
import dev.hindsight.diag.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;

/** Parameter values checked and converted, with errors that name the POM element to fix. */
final class Settings {

    static final List<String> REPORT_FORMATS = List.of("gitlab", "json", "sarif");

    private Settings() {
    }

    static Severity failOn(String value) throws MojoExecutionException {
        String word = value == null ? "error" : value.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw new MojoExecutionException("`<failOn>` takes error or warning, not '" + value + "'");
        };
    }

    /** The requested formats, lowercase, sorted and without duplicates. */
    static List<String> reportFormats(List<String> values) throws MojoExecutionException {
        if (values == null) {
            return List.of();
        }
        List<String> formats = values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.strip().toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        for (String format : formats) {
            if (!REPORT_FORMATS.contains(format)) {
                throw new MojoExecutionException("`<reportFormats>` takes sarif, json and gitlab, not '" + format + "'");
            }
        }
        return formats;
    }

    /** The {@code <referenceDate>} parameter, else {@code SOURCE_DATE_EPOCH}, else null (the library decides). */
    static LocalDate referenceDate(String parameter, String sourceDateEpoch) throws MojoExecutionException {
        if (parameter != null && !parameter.isBlank()) {
            try {
                return LocalDate.parse(parameter.strip());
            } catch (DateTimeParseException e) {
                throw new MojoExecutionException("`<referenceDate>` must be a date like 2024-03-05, not '"
                        + parameter + "'");
            }
        }
        try {
            return Hindsight.referenceDateFromEpoch(sourceDateEpoch);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage() + " (or set `<referenceDate>`)");
        }
    }

    /**
     * "Today" for check, build and serve: {@link #referenceDate}, else the build's date (UTC). The one
     * place the plugin reads the clock; the library is always given the date.
     */
    static LocalDate today(String parameter, String sourceDateEpoch) throws MojoExecutionException {
        LocalDate pinned = referenceDate(parameter, sourceDateEpoch);
        return pinned != null ? pinned : LocalDate.now(java.time.ZoneOffset.UTC);
    }

    static void requireDirectory(String parameter, Path dir) throws MojoExecutionException {
        if (!Files.exists(dir)) {
            throw new MojoExecutionException("`<" + parameter + ">` " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new MojoExecutionException("`<" + parameter + ">` " + dir + " is not a directory");
        }
    }
}
