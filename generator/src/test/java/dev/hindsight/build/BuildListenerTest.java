package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildListener;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.Stage;
import dev.hindsight.git.TestRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the pipeline tells a {@link BuildListener}: each stage once, begun before it ends, and every document and page. */
class BuildListenerTest {

    @TempDir
    Path tmp;

    /** Keeps the stage events in the order they came, and counts documents and pages. */
    static final class Recording implements BuildListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final LongAdder documents = new LongAdder();
        final LongAdder pages = new LongAdder();

        @Override
        public void started(Stage stage, int total) {
            events.add("start " + stage.label() + " " + total);
        }

        @Override
        public void documentRead() {
            documents.increment();
        }

        @Override
        public void pageWritten() {
            pages.increment();
        }

        @Override
        public void ended(Stage stage, int count, Duration wall) {
            assertThat(wall.isNegative()).isFalse();
            events.add("end " + stage.label() + " " + count);
        }

        /** The events of the main thread's stages (Git and search come from their own threads, at any time). */
        List<String> mainLine() {
            return events.stream().filter(e -> !e.contains(" git ") && !e.contains(" search ")).toList();
        }
    }

    private Path site() throws Exception {
        Path site = tmp.resolve("repo");
        try (TestRepo repo = TestRepo.init(site)) {
            SiteFixture.write(site, "-- hindsight.yml --\ntitle: KB\n"
                    + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A")
                    + "-- runbooks/b.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("B")
                    + "-- README.md --\nnot a document\n");
            repo.git.add().addFilepattern(".").call();
            repo.commit("Ann", "2024-01-10T10:00:00Z", "two runbooks");
        }
        return site;
    }

    @Test
    void aBuildTellsEveryStageDocumentAndPage() throws Exception {
        Recording listener = new Recording();

        BuildResult result = new SiteBuilder().run(BuildOptions.build(site(), tmp.resolve("out"))
                .withReferenceDate(LocalDate.of(2024, 2, 1)).withListener(listener));

        assertThat(result.pages()).isPositive();
        int pages = result.pages();
        assertThat(listener.mainLine()).containsExactly("start read 0", "start parse 3", "end read 3", "end parse 2",
                "start validate 2", "end validate 2", "start render " + pages, "end render " + pages,
                "start write " + pages, "end write " + pages);
        // git: the files with a history (hindsight.yml too)
        assertThat(listener.events).contains("start git 0", "end git 4", "start search 2", "end search 2");
        assertThat(listener.events.indexOf("end git 4")).isLessThan(listener.events.indexOf("start validate 2"));
        assertThat(listener.events.indexOf("end search 2")).isLessThan(listener.events.indexOf("start write " + pages));
        assertThat(listener.documents.sum()).as("every file read, documents or not").isEqualTo(3);
        assertThat(listener.pages.sum()).isEqualTo(pages);
    }

    @Test
    void aCheckEndsAfterValidating() throws Exception {
        Recording listener = new Recording();

        new SiteBuilder().run(BuildOptions.check(site()).withReferenceDate(LocalDate.of(2024, 2, 1))
                .withListener(listener));

        assertThat(listener.mainLine()).containsExactly("start read 0", "start parse 3", "end read 3", "end parse 2",
                "start validate 2", "end validate 2");
        assertThat(listener.pages.sum()).isZero();
    }

    @Test
    void aRunThatCannotReadItsConfigurationEndsNoStage() throws Exception {
        Recording listener = new Recording();
        Path site = SiteFixture.write(tmp.resolve("bad"), "-- hindsight.yml --\ntitle: [\n");

        assertThat(new SiteBuilder().run(BuildOptions.check(site).withListener(listener)).setupFailed()).isTrue();

        assertThat(listener.events).containsExactly("start read 0");
    }
}
