package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The atomic publish under {@code kill -9}: the real CLI builds a site of a few thousand documents in
 * a child JVM and is killed (SIGKILL, {@link Process#destroyForcibly()}) at random moments. Every
 * build alternates between two versions of the site whose every page differs (the site title is on
 * each), so after each kill the output must be exactly one complete version, byte for byte: never a
 * mix, never half a site. The one state a kill can leave with no site is between the two renames of
 * the swap; the documented contract is that the next build restores the previous site first, which
 * the test checks too ({@link OutputDirectory#recover()}).
 */
@Tag("scale")
class KillDuringBuildTest {

    private static final int DOCUMENTS = 1500;
    private static final int KILLS = 24;
    private static final long SEED = 20261121L;

    @TempDir
    Path tmp;

    @Test
    void aKilledBuildNeverLeavesAHalfSite() throws Exception {
        Path src = tmp.resolve("src");
        generate(src);
        Path out = tmp.resolve("out");

        useVersion(src, "A");
        long t0 = System.nanoTime();
        assertThat(build(src, out).waitFor()).isLessThan(2);
        long firstMillis = (System.nanoTime() - t0) / 1_000_000;
        Map<String, String> siteA = snapshot(out);
        useVersion(src, "B");
        t0 = System.nanoTime();
        assertThat(build(src, out).waitFor()).isLessThan(2);
        // The first build runs with cold caches and can take twice as long as the rest; kill times are drawn
        // from the fastest build seen so far, so the builds that finish before their kill make it shorter.
        long buildMillis = Math.min(firstMillis, (System.nanoTime() - t0) / 1_000_000);
        Map<String, String> siteB = snapshot(out);
        assertThat(siteA).hasSize(siteB.size()).isNotEqualTo(siteB);
        assertThat(siteA.size()).isGreaterThan(DOCUMENTS);

        Random random = new Random(SEED);
        int kills = 0;
        int finished = 0;
        int restored = 0;
        int leftovers = 0;
        for (int round = 0; kills < KILLS && round < KILLS * 4; round++) {
            useVersion(src, random.nextBoolean() ? "A" : "B");
            // Half the kills anywhere in a build, half near its end, where the swap and the old site's
            // deletion happen.
            double at = round % 2 == 0 ? random.nextDouble() : 0.7 + random.nextDouble() * 0.3;
            long delay = (long) (at * buildMillis);
            long started = System.nanoTime();
            Process p = build(src, out);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                finished++;
                buildMillis = Math.min(buildMillis, (System.nanoTime() - started) / 1_000_000);
            } else {
                p.destroyForcibly();
                p.waitFor();
                kills++;
            }
            if (hasLeftovers(tmp)) {
                leftovers++;
            }
            if (!Files.exists(out)) {
                // Killed between the swap's two renames: the next build puts the old site back first.
                Optional<Path> back = new OutputDirectory(out).recover();
                assertThat(back).as("round %d: no site and nothing to restore", round).isPresent();
                restored++;
            }
            Map<String, String> now = snapshot(out);
            assertThat(now.equals(siteA) || now.equals(siteB))
                    .as("round %d (killed after %d ms): the site is one complete version", round, delay).isTrue();
        }
        assertThat(kills).isGreaterThanOrEqualTo(20);

        useVersion(src, "A");
        assertThat(build(src, out).waitFor()).isLessThan(2);
        assertThat(snapshot(out)).isEqualTo(siteA);
        try (Stream<Path> names = Files.list(tmp)) {
            assertThat(names.map(p -> p.getFileName().toString()).sorted()).containsExactly("out", "src");
        }
        System.out.printf("[kill] %d kills survived (%d left staging or old directories behind, %d hit the swap and"
                + " were restored), %d builds finished first; a full build of %d documents took %d ms%n",
                kills, leftovers, restored, finished, DOCUMENTS, buildMillis);
    }

    private static boolean hasLeftovers(Path dir) throws IOException {
        try (Stream<Path> names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).anyMatch(n -> n.startsWith(".out."));
        }
    }

    private static void generate(Path src) throws IOException {
        Files.createDirectories(src.resolve("postmortems"));
        for (int i = 0; i < DOCUMENTS; i++) {
            Files.writeString(src.resolve(String.format("postmortems/2025-%04d.md", i)), """
                    ---
                    title: Incident %1$d
                    id: INC-2025-%1$04d
                    date: 2025-01-01
                    status: draft
                    severity: SEV-3
                    services: [svc-%2$d]
                    ---
                    ## Summary
                    Something happened to service %2$d, number %1$d.

                    ## Timeline
                    - 10:00 alert fired
                    - 10:05 mitigated
                    """.formatted(i, i % 17), StandardCharsets.UTF_8);
        }
    }

    private static void useVersion(Path src, String version) throws IOException {
        Files.writeString(src.resolve("hindsight.yml"), "title: Site " + version + "\n", StandardCharsets.UTF_8);
    }

    /** Starts {@code hindsight build} in a child JVM with the test's class path. */
    private Process build(Path src, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main", "build",
                "--source", src.toString(), "--output", out.toString(), "--drafts", "--reference-date", "2026-01-01"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Relative path → SHA-256 of every file under {@code dir}. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), sha256(Files.readAllBytes(f)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
