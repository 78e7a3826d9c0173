package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.git.GitHistoryBuilder;
import dev.hindsight.git.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Git stage wired into the build: what a page shows of its history. */
class SiteBuilderGitTest {

    private static final String CONFIG = """
            title: Ops
            repo:
              edit_url: https://git.example/ops/-/edit/main/{path}
              commit_url: https://git.example/ops/-/commit/{sha}
            """;

    @TempDir
    Path tmp;

    private RevCommit first;
    private RevCommit second;

    private void repository(String config) throws Exception {
        try (TestRepo repo = TestRepo.init(tmp)) {
            first = repo.write("kb/hindsight.yml", config)
                    .write("kb/runbooks/redis sessions.md", "---\ntitle: Redis sessions\nservice: sessions\n---\n"
                            + "# Overview\n\nText.\n")
                    .write("kb/postmortems/2024-03-db.md", "---\ntitle: DB pool\nid: INC-1\n---\n# Summary\n")
                    .write("README.md", "outside the site\n")
                    .commit("Alice", "2024-03-01T10:00:00Z", "Add the knowledge base");
            second = repo.write("kb/runbooks/redis sessions.md", "---\ntitle: Redis sessions\nservice: sessions\n"
                            + "---\n# Overview\n\nMore text.\n")
                    .commit("Bob", "2024-03-05T10:00:00Z", "Fix <script> & typo\n\nBody is not shown.");
        }
    }

    private Element page(String path) throws Exception {
        return Jsoup.parse(Files.readString(tmp.resolve("out").resolve(path), StandardCharsets.UTF_8));
    }

    private BuildResult build() {
        return new SiteBuilder().run(BuildOptions.build(tmp.resolve("kb"), tmp.resolve("out")));
    }

    @Test
    void pagesShowDatesContributorsHistoryAndEditLink() throws Exception {
        repository(CONFIG);

        BuildResult result = build();

        assertThat(result.setupFailed()).isFalse();
        Element git = page("runbooks/redis sessions/index.html").selectFirst(".page-git");
        assertThat(git.select("dt").eachText()).containsExactly("Created", "Last updated", "Contributors");
        assertThat(git.select("dd").eachText()).containsExactly("2024-03-01", "2024-03-05", "Alice, Bob");
        assertThat(git.select("dd time").eachAttr("datetime"))
                .containsExactly("2024-03-01T10:00Z", "2024-03-05T10:00Z");
        List<Element> items = git.select("details.history li");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).text()).isEqualTo(second.name().substring(0, 7) + " 2024-03-05 Fix <script> & typo");
        assertThat(items.get(0).selectFirst("a").attr("href"))
                .isEqualTo("https://git.example/ops/-/commit/" + second.name());
        assertThat(items.get(1).text()).isEqualTo(first.name().substring(0, 7) + " 2024-03-01 Add the knowledge base");
        assertThat(git.select("script")).isEmpty();
        assertThat(git.select("summary").text()).isEqualTo("Page history (2 changes)");
        assertThat(git.selectFirst(".edit-link a").attr("href"))
                .isEqualTo("https://git.example/ops/-/edit/main/kb/runbooks/redis%20sessions.md");
        assertThat(git.text()).doesNotContain("approximate").doesNotContain("uncommitted");

        Element pm = page("postmortems/2024-03-db/index.html").selectFirst(".page-git");
        assertThat(pm.select("dd").eachText()).containsExactly("2024-03-01", "2024-03-01", "Alice");
        assertThat(pm.select("summary").text()).isEqualTo("Page history (1 change)");
    }

    @Test
    void authorsCanBeHidden() throws Exception {
        repository(CONFIG + "git:\n  authors: false\n");

        build();

        Element git = page("runbooks/redis sessions/index.html").selectFirst(".page-git");
        assertThat(git.select("dt").eachText()).containsExactly("Created", "Last updated");
        assertThat(git.text()).doesNotContain("Alice").doesNotContain("Bob");
    }

    @Test
    void uncommittedAndUntrackedPagesSaySo() throws Exception {
        repository("title: Ops\n");
        Files.writeString(tmp.resolve("kb/postmortems/2024-03-db.md"), "---\ntitle: DB pool\nid: INC-1\n---\n# Sum\n");
        Files.writeString(tmp.resolve("kb/runbooks/new.md"), "---\ntitle: New\n---\n# Overview\n");

        build();

        Element pm = page("postmortems/2024-03-db/index.html").selectFirst(".page-git");
        assertThat(pm.select("dd").get(1).text()).isEqualTo("2024-03-01 uncommitted changes");
        Element fresh = page("runbooks/new/index.html").selectFirst(".page-git");
        assertThat(fresh.select("dt").eachText()).containsExactly("Last updated");
        assertThat(fresh.select("dd").eachText()).containsExactly("not committed yet");
        assertThat(fresh.select("details")).isEmpty();
        assertThat(fresh.select(".edit-link")).isEmpty();
    }

    @Test
    void shallowClonePagesSayApproximate() throws Exception {
        repository(CONFIG);
        Path clone = tmp.resolve("clone");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(tmp.toUri().toString()).setDirectory(clone.toFile())
                .setDepth(1).call().close();

        BuildResult result = new SiteBuilder().run(BuildOptions.build(clone.resolve("kb"), tmp.resolve("out")));

        assertThat(result.diagnostics()).extracting(d -> d.ruleId()).containsOnlyOnce(GitHistory.RULE_SHALLOW);
        Element git = page("runbooks/redis sessions/index.html").selectFirst(".page-git");
        // Bob's commit is the boundary of the clone: the page cannot know when it last changed.
        assertThat(git.select("dt").eachText()).containsExactly("Last updated");
        assertThat(git.select("dd").eachText()).containsExactly("before 2024-03-05 (shallow clone)");
    }

    @Test
    void withoutGitThePageHasNoHistoryButTheEditLink() throws Exception {
        Files.createDirectories(tmp.resolve("kb/runbooks"));
        Files.writeString(tmp.resolve("kb/hindsight.yml"), CONFIG);
        Files.writeString(tmp.resolve("kb/runbooks/r.md"), "---\ntitle: R\n---\n# Overview\n");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new org.eclipse.jgit.storage.file.FileRepositoryBuilder().findGitDir(tmp.toFile()).getGitDir() == null);

        BuildResult result = build();

        assertThat(result.diagnostics()).extracting(Object::toString).contains("hindsight.yml:1:1: "
                + "info[git-unavailable]: the site is not inside a Git repository; pages get no created or updated "
                + "dates and no page history");
        Element git = page("runbooks/r/index.html").selectFirst(".page-git");
        assertThat(git.select("dl")).isEmpty();
        assertThat(git.selectFirst(".edit-link a").attr("href"))
                .isEqualTo("https://git.example/ops/-/edit/main/runbooks/r.md");
    }

    @Test
    void referenceDateIsTheRequestedOneElseTheHeadCommitDay() throws Exception {
        repository(CONFIG);
        GitHistory history = new GitHistoryBuilder(tmp.resolve("kb"), new Diagnostics()).call();

        assertThat(SiteBuilder.referenceDate(LocalDate.of(2030, 1, 1), history)).isEqualTo(LocalDate.of(2030, 1, 1));
        assertThat(SiteBuilder.referenceDate(null, history)).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(SiteBuilder.referenceDate(null, GitHistory.none())).isNull();
    }

    @Test
    void editUrlEncodesThePath() {
        assertThat(SiteWriter.editUrl("", "a.md")).isEmpty();
        assertThat(SiteWriter.editUrl("https://x/{path}?plain=1", "kb/é b#1.md"))
                .isEqualTo("https://x/kb/%C3%A9%20b%231.md?plain=1");
    }
}
