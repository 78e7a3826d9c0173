package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.api.BuildOptions;
import dev.hindsight.render.Staleness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's guard on the preview's one-file rebuild, by counting rather than timing: on generated sites of
 * 300 and 600 documents (bench/CorpusGenerator, Git repositories with history), a title edit of one runbook
 * finds its stale pages by comparing only the pages that read that runbook and by fingerprinting only the
 * page models made of other objects: the work grows with the pages the edit affects, not with the site.
 * Each distinct view query is asked at most once, however many pages made it.
 */
class PreviewStalenessScaleTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    @TempDir
    Path tmp;

    @Test
    void aOneFileEditComparesAndFingerprintsOnlyTheAffectedPages() throws Exception {
        Staleness.Work small = titleEdit(300);
        Staleness.Work large = titleEdit(600);
        for (Staleness.Work w : List.of(small, large)) {
            assertThat(w.stale()).as("the runbook's own page").contains("runbooks/" + edited + "/index.html");
            assertThat(w.stale()).as("its list").contains("runbooks/index.html");
            assertThat(w.stale().size()).as("pages rendered: %s", w.stale()).isLessThan(40);
            assertThat(w.pagesCompared()).as("pages compared with the edited runbook").isLessThan(40);
            assertThat(w.modelFingerprints()).as("page models fingerprinted").isLessThan(40);
        }
        assertThat(large.pagesCompared()).as("independent of the site's size")
                .isLessThanOrEqualTo(small.pagesCompared() * 2 + 5);
        assertThat(large.modelFingerprints()).isLessThanOrEqualTo(small.modelFingerprints() + 5);
    }

    private String edited;

    private Staleness.Work titleEdit(int docs) throws Exception {
        Path corpus = tmp.resolve("corpus" + docs);
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("../bench/CorpusGenerator.java").toString(), "--out", corpus.toString(),
                "--docs", String.valueOf(docs), "--seed", "42")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("corpus.log").toFile()).start();
        assertThat(gen.waitFor(120, TimeUnit.SECONDS)).as("corpus generator ends").isTrue();
        assertThat(gen.exitValue()).as(Files.readString(tmp.resolve("corpus.log"))).isZero();
        Path site = corpus.resolve("content");
        PreviewSession session = new PreviewSession(BuildOptions.build(site, tmp.resolve("out" + docs))
                .withDrafts(true).withReferenceDate(DAY));
        PreviewSession.Update first = session.update(List.of());
        assertThat(first.full()).isTrue();
        assertThat(first.rendered()).isGreaterThan(2 * docs);
        Path file;
        try (Stream<Path> files = Files.list(site.resolve("runbooks"))) {
            file = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        edited = file.getFileName().toString().replace(".md", "");
        String text = Files.readString(file);
        for (int i = 1; i <= 2; i++) { // the second edit compares with pages the first one rendered
            Files.writeString(file, text.replaceFirst("title: ", "title: Edit " + i + " "));
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + i * 2000L));
            PreviewSession.Update u = session.update(List.of(file));
            assertThat(u.full()).isFalse();
            assertThat(u.rendered()).isEqualTo(session.stalenessWork().stale().size());
            assertThat(Files.readString(tmp.resolve("out" + docs).resolve("runbooks/index.html")))
                    .contains("Edit " + i + " ");
            assertThat(session.stalenessWork().queriesAsked()).as("each distinct query once at most")
                    .isLessThanOrEqualTo(session.distinctQueries());
        }
        return session.stalenessWork();
    }
}
