package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Bounded;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Huge and odd files: each is a diagnostic (or at worst a plain page) in bounded time, and the rest
 * of the site still builds.
 */
class HostileInputTest {

    private static final String GOOD = """
            ---
            title: Good
            ---
            ## Summary
            Fine.
            """;

    /** The heap the whole hostile site must build in. */
    private static final int HEAP_MB = 256;

    @TempDir
    Path tmp;

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("ten-megabytes", "file-too-large", (Consumer<Path>) f -> write(f, out -> {
                    byte[] line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 10 * 1024 * 1024 / line.length + 1; i++) {
                        out.write(line);
                    }
                })),
                Arguments.of("timeline-100k-lines", "", (Consumer<Path>) f -> write(f, out -> {
                    out.write("---\ntitle: Long\n---\n## Timeline\n".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 100_000; i++) {
                        out.write(String.format("- 2024-03-%02dT%02d:%02d:%02dZ event %d%n", 1 + i / 86400,
                                i / 3600 % 24, i / 60 % 60, i % 60, i).getBytes(StandardCharsets.UTF_8));
                    }
                })),
                Arguments.of("timeline-table-100k-rows", "", (Consumer<Path>) f -> write(f, out -> {
                    out.write("---\ntitle: Long\n---\n## Timeline\n| Time (UTC) | Event |\n|---|---|\n"
                            .getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 100_000; i++) {
                        out.write(String.format("| 2024-03-%02d %02d:%02d:%02d | event %d |%n", 1 + i / 86400,
                                i / 3600 % 24, i / 60 % 60, i % 60, i).getBytes(StandardCharsets.UTF_8));
                    }
                })),
                Arguments.of("nested-lists-one-line", "markdown-too-many-blocks", text("- ".repeat(50_000) + "x\n")),
                Arguments.of("nested-lists-indented", "", (Consumer<Path>) f -> write(f, out -> {
                    for (int i = 0; i < 1_000; i++) {
                        out.write((" ".repeat(2 * i) + "- level " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                })),
                Arguments.of("nested-quotes", "markdown-too-deep", text(">".repeat(100_000) + " x\n")),
                Arguments.of("nested-emphasis", "", text("*".repeat(50_000) + "x" + "*".repeat(50_000) + "\n")),
                Arguments.of("nested-brackets", "", text("[".repeat(100_000) + "x" + "](y)".repeat(100_000) + "\n")),
                Arguments.of("binary", "encoding", (Consumer<Path>) f -> {
                    byte[] b = new byte[256 * 1024];
                    new Random(11).nextBytes(b);
                    writeBytes(f, b);
                }),
                Arguments.of("invalid-utf8", "encoding", (Consumer<Path>) f ->
                        writeBytes(f, "---\ntitle: caf\u00e9\n---\nbad \u00ff byte".getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("nul-byte", "encoding", text("---\ntitle: T\n---\nbefore\u0000after\n")),
                Arguments.of("nested-html", "", text("<div>".repeat(100_000) + "x\n")),
                Arguments.of("long-line", "markdown-too-many-blocks", text("word [link](https://example.com) `code` *em* ".repeat(90_000) + "\n")),
                Arguments.of("many-long-paragraphs", "markdown-too-many-blocks",
                        text(("_a [x](y) `b ".repeat(1_300) + "\n\n").repeat(300))),
                Arguments.of("reference-definitions", "", text("[x]: https://example.com\n".repeat(150_000))),
                Arguments.of("long-line-no-spaces", "markdown-paragraph-too-long", text("x".repeat(4_000_000) + "\n")),
                Arguments.of("duplicate-keys", "front-matter-duplicate-key", text("---\ntitle: A\ntitle: B\n---\n## Summary\n")),
                Arguments.of("alias-bomb", "front-matter-yaml", text(aliasBomb())),
                Arguments.of("long-front-matter-line", "", text("---\ntitle: " + "t".repeat(3_000_000) + "\n---\nx\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileFileIsADiagnosticAndTheRestBuilds(String name, String rule, Consumer<Path> content) {
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n-- postmortems/good.md --\n" + GOOD);
        content.accept(src.resolve("postmortems/" + name + ".md"));
        Path out = tmp.resolve("out");

        BuildResult result = Bounded.within(Bounded.HOSTILE, () -> new Hindsight().build(BuildOptions.build(src, out)));

        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        assertThat(out.resolve("postmortems/good/index.html")).content().contains("Fine.");
        List<String> rules = result.diagnostics().stream().filter(d -> d.position().file().contains(name))
                .map(Diagnostic::ruleId).distinct().toList();
        if (!rule.isEmpty()) {
            assertThat(rules).as(result.diagnostics().toString()).contains(rule);
        }
    }

    /**
     * Memory: every hostile file in one site, built by the real CLI in a child JVM with a small heap.
     * An out-of-memory error would end it with exit code 1 from the JVM's handler or a crash, and
     * without the good page.
     */
    @Test
    @Tag("scale")
    void allOfThemTogetherBuildInASmallHeap() throws Exception {
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n-- postmortems/good.md --\n" + GOOD);
        hostileFiles().forEach(a -> {
            @SuppressWarnings("unchecked")
            Consumer<Path> content = (Consumer<Path>) a.get()[2];
            content.accept(src.resolve("postmortems/" + a.get()[0] + ".md"));
        });
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("build.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main", "build", "--source",
                src.toString(), "--output", out.toString(), "--reference-date", "2026-01-01")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(Bounded.HOSTILE.toSeconds() * 3, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(done).as("finished in time").isTrue();
        assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(p.exitValue()).as(output.lines().filter(l -> !l.contains("required")).limit(40).toList().toString())
                .isEqualTo(1);
        assertThat(output).contains("error[file-too-large]").contains("error[markdown-too-deep]")
                .contains("warning[markdown-paragraph-too-long]").contains("error[encoding]")
                .contains("error[front-matter-duplicate-key]").contains("error[front-matter-yaml]");
        assertThat(out.resolve("postmortems/good/index.html")).content().contains("Fine.");
        assertThat(out.resolve("postmortems/timeline-table-100k-rows/index.html")).exists();
    }

    @Test
    void theMaximumFileSizeIsConfigurable() {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                limits:
                  max_file_size: 1 KB
                -- postmortems/good.md --
                """ + GOOD + "-- postmortems/big.md --\n" + "x".repeat(2000) + "\n");

        BuildResult result = new Hindsight().check(BuildOptions.check(src));

        assertThat(result.diagnostics().stream().filter(d -> d.position().file().equals("postmortems/big.md"))
                .map(Diagnostic::toString)).containsExactly(
                "postmortems/big.md:1:1: error[file-too-large]: file is 2001 bytes, more than the limit of 1024 bytes;"
                        + " not read");
        assertThat(result.documents()).isEqualTo(1);
    }

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + p)))
                    .append("]\n");
        }
        return y.append("---\n## Summary\n").toString();
    }

    private static Consumer<Path> text(String s) {
        return f -> writeBytes(f, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(Path f, byte[] b) {
        try {
            Files.write(f, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void write(Path f, Writing w) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f))) {
            w.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
