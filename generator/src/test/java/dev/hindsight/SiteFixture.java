package dev.hindsight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a whole site from one text block: each file starts with a line {@code -- path/to/file --}
 * and runs to the next such line (Hugo's txtar-style fixtures, simplified).
 */
public final class SiteFixture {

    private static final Pattern HEADER = Pattern.compile("(?m)^-- (\\S+) --$\\n?");

    /** A runbook that passes every rule (reference date before 2024-03-31); {@code %s} is its title. */
    public static final String VALID_RUNBOOK = """
            ---
            title: %s
            service: api
            owner: platform
            last_reviewed: 2024-01-01
            ---
            ## Overview
            The API.
            ## Symptoms
            Errors.
            ## Diagnosis
            1. Look at the dashboard.
            ## Mitigation
            ```sh
            kubectl rollout restart deploy/api
            ```
            ## Validation
            Errors back to zero.
            ## Escalation
            Platform on-call.
            """;

    private SiteFixture() {
    }

    public static Path write(Path root, String fixture) {
        Matcher m = HEADER.matcher(fixture);
        String path = null;
        int start = 0;
        try {
            while (m.find()) {
                if (path != null) {
                    file(root, path, fixture.substring(start, m.start()));
                }
                path = m.group(1);
                start = m.end();
            }
            if (path != null) {
                file(root, path, fixture.substring(start));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static void file(Path root, String path, String content) throws IOException {
        Path f = root.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
