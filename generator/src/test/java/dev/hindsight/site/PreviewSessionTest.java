package dev.hindsight.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never stale: after each kind of edit, the incrementally updated site is byte for byte the site a
 * full build of the same sources gives.
 */
class PreviewSessionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @TempDir
    Path tmp;

    private Path src;
    private PreviewSession session;

    @BeforeEach
    void copyExampleSite() throws IOException {
        src = tmp.resolve("src");
        Path example = Path.of("../example-site").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = example.relativize(f).toString();
                if (rel.startsWith("target") || rel.endsWith("pom.xml")) {
                    continue;
                }
                Path to = src.resolve(rel);
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        session = new PreviewSession(options(tmp.resolve("preview")));
        PreviewSession.Update first = session.update(List.of());
        assertThat(first.full()).isTrue();
        assertThat(first.result().setupFailed()).isFalse();
    }

    private BuildOptions options(Path out) {
        return BuildOptions.build(src, out).withDrafts(true).withReferenceDate(TODAY);
    }

    private PreviewSession.Update edit(String path, String from, String to) throws IOException {
        Path f = src.resolve(path);
        String text = Files.readString(f);
        assertThat(text).contains(from);
        Files.writeString(f, text.replace(from, to));
        touch(f);
        return session.update(List.of(f));
    }

    /** Modification times have a coarse grain on some file systems: make each edit visible. */
    private static void touch(Path f) throws IOException {
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(f).toMillis() + 2000));
    }

    private void assertSameAsFullBuild() throws IOException {
        Path full = tmp.resolve("full-" + System.nanoTime());
        BuildResult result = new SiteBuilder().run(options(full));
        assertThat(result.setupFailed()).isFalse();
        Map<String, byte[]> expected = tree(full);
        Map<String, byte[]> actual = tree(tmp.resolve("preview"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : expected.keySet()) {
            if (!java.util.Arrays.equals(expected.get(k), actual.get(k))) {
                differing.add(k);
            }
        }
        assertThat(differing).as("pages that differ from a full build").isEmpty();
    }

    private static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    @Test
    void renamingARunbookUpdatesEveryPageThatShowsIt() throws IOException {
        PreviewSession.Update u = edit("runbooks/orders-db.md", "title: ", "title: Renamed ");
        assertThat(u.full()).isFalse();
        assertThat(u.rendered()).isLessThan(60);
        assertSameAsFullBuild();
        assertThat(Files.readString(tmp.resolve("preview/postmortems/2025-05-19-orders-db-pool-exhaustion/index.html")))
                .contains("Renamed ");
    }

    @Test
    void changingTagsServicesAndAlertsMovesPagesAround() throws IOException {
        edit("postmortems/2025-05-19-orders-db-pool-exhaustion.md", "tags: [", "tags: [brand-new-tag, ");
        assertSameAsFullBuild();
        edit("runbooks/orders-db.md", "alerts: [", "alerts: [BrandNewAlert, ");
        assertSameAsFullBuild();
        edit("postmortems/2025-05-19-orders-db-pool-exhaustion.md", "tags: [brand-new-tag, ", "tags: [");
        assertSameAsFullBuild();
        assertThat(tmp.resolve("preview/tags/brand-new-tag/index.html")).doesNotExist();
    }

    @Test
    void deletingAndAddingDocuments() throws IOException {
        Path pm = src.resolve("postmortems/2025-05-19-orders-db-pool-exhaustion.md");
        String text = Files.readString(pm);
        Files.delete(pm);
        // The links to it from other documents break: that is a diagnostic, and the pages still update.
        PreviewSession.Update gone = session.update(List.of(pm));
        assertThat(gone.full()).isFalse();
        assertSameAsFullBuild();
        Path copy = src.resolve("postmortems/2025-05-20-orders-db-again.md");
        Files.writeString(copy, text.replace("INC-2025-019", "INC-2025-020"));
        Files.writeString(pm, text);
        session.update(List.of(copy, pm));
        assertSameAsFullBuild();
    }

    @Test
    void aConfigChangeIsAFullBuild() throws IOException {
        Path config = src.resolve("hindsight.yml");
        Files.writeString(config, Files.readString(config).replace("title: ", "title: New "));
        PreviewSession.Update u = session.update(List.of(config));
        assertThat(u.full()).isTrue();
        assertSameAsFullBuild();
    }
}
