package dev.hindsight.markdown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Real Markdown for the tests that compare two ways of making the same output: every file of some folders. */
final class MarkdownSamples {

    private MarkdownSamples() {
    }

    /** The text of every {@code .md} file under each of {@code dirs} that exists, in sorted path order. */
    static List<String> files(Path... dirs) {
        List<String> out = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    out.add(Files.readString(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
