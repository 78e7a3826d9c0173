package dev.hindsight.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends to the file GitHub Actions names in {@code GITHUB_STEP_SUMMARY} (never truncates it). */
final class StepSummary {

    static final String VARIABLE = "GITHUB_STEP_SUMMARY";

    private StepSummary() {
    }

    /** Appends {@code markdown} when {@code file} is set; an unwritable file is an I/O problem. */
    static void append(String file, String markdown) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException(VARIABLE + " " + file + ": cannot append the summary: " + e.getMessage(),
                    e);
        }
    }
}
