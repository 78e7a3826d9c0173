package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.git.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Edit this page" of a site that lives in a Git submodule points into the submodule's own repository. */
class SubmoduleEditLinkTest {

    @TempDir
    Path tmp;

    @Test
    void aSiteInsideASubmoduleLinksToItsPathInTheSubmodule() throws Exception {
        Path origin = tmp.resolve("kb-origin");
        try (TestRepo kb = TestRepo.init(origin)) {
            kb.write("docs/hindsight.yml", "title: KB\nbase_url: https://kb.example/\nrepo:\n  edit_url: https://git.example/kb/-/edit/main/{path}\n")
                    .write("docs/runbooks/a.md", SiteFixture.VALID_RUNBOOK.formatted("A"))
                    .commit("Alice", "2024-03-01T10:00:00Z", "Knowledge base");
        }
        Path outer = tmp.resolve("platform");
        try (TestRepo platform = TestRepo.init(outer)) {
            platform.write("README.md", "the platform\n").commit("Bob", "2024-03-02T10:00:00Z", "Platform");
            platform.git.submoduleAdd().setPath("vendor/kb").setURI(origin.toUri().toString()).call().close();
            platform.commit("Bob", "2024-03-03T10:00:00Z", "Add the knowledge base as a submodule");
        }
        Path site = outer.resolve("vendor/kb/docs");
        assertThat(Files.isRegularFile(outer.resolve("vendor/kb/.git"))).as("a submodule's .git is a file").isTrue();

        BuildResult result = new SiteBuilder().run(BuildOptions.build(site, tmp.resolve("out"))
                .withReferenceDate(java.time.LocalDate.of(2024, 3, 10)));

        assertThat(result.diagnostics()).isEmpty();
        Element page = Jsoup.parse(Files.readString(tmp.resolve("out/runbooks/a/index.html"), StandardCharsets.UTF_8));
        assertThat(page.selectFirst(".edit-link a").attr("href"))
                .isEqualTo("https://git.example/kb/-/edit/main/docs/runbooks/a.md");
        assertThat(page.selectFirst(".page-git dd").text()).isEqualTo("2024-03-01");
    }

    @Test
    void aFolderOfTheSiteThatIsASubmoduleLinksIntoTheSubmodulesRepository() throws Exception {
        Path origin = tmp.resolve("payments-origin");
        try (TestRepo payments = TestRepo.init(origin)) {
            payments.write("checkout.md", SiteFixture.VALID_RUNBOOK.formatted("Checkout"))
                    .commit("Alice", "2024-02-01T10:00:00Z", "Checkout runbook");
        }
        Path kb = tmp.resolve("kb");
        try (TestRepo repo = TestRepo.init(kb)) {
            repo.write("hindsight.yml", "title: KB\nbase_url: https://kb.example/\nrepo:\n"
                            + "  edit_url: https://git.example/acme/kb/-/edit/main/{path}\n")
                    .write("runbooks/a.md", SiteFixture.VALID_RUNBOOK.formatted("A"))
                    .commit("Bob", "2024-03-01T10:00:00Z", "Knowledge base");
            repo.git.submoduleAdd().setPath("runbooks/payments").setURI(origin.toUri().toString()).call().close();
            repo.commit("Bob", "2024-03-02T10:00:00Z", "Payments runbooks as a submodule");
            org.eclipse.jgit.lib.StoredConfig outer = repo.git.getRepository().getConfig();
            outer.setString("remote", "origin", "url", "git@git.example:acme/kb.git");
            outer.save();
        }
        try (Git sub = Git.open(kb.resolve("runbooks/payments").toFile())) {
            org.eclipse.jgit.lib.StoredConfig c = sub.getRepository().getConfig();
            c.setString("remote", "origin", "url", "https://git.example/acme/payments-runbooks.git");
            c.save();
        }

        BuildResult result = new SiteBuilder().run(BuildOptions.build(kb, tmp.resolve("out"))
                .withReferenceDate(java.time.LocalDate.of(2024, 3, 10)));

        assertThat(result.diagnostics()).isEmpty();
        Element checkout = Jsoup.parse(Files.readString(tmp.resolve("out/runbooks/payments/checkout/index.html"),
                StandardCharsets.UTF_8));
        assertThat(checkout.selectFirst(".edit-link a").attr("href"))
                .isEqualTo("https://git.example/acme/payments-runbooks/-/edit/main/checkout.md");
        assertThat(checkout.selectFirst(".page-git dd").text()).isEqualTo("2024-02-01");
        Element a = Jsoup.parse(Files.readString(tmp.resolve("out/runbooks/a/index.html"), StandardCharsets.UTF_8));
        assertThat(a.selectFirst(".edit-link a").attr("href"))
                .isEqualTo("https://git.example/acme/kb/-/edit/main/runbooks/a.md");
    }
}
