package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's {@code static/} folder: copied as is, except that it never replaces a generated file (an
 * error naming both; the generated file is kept) and that hidden files ({@code .env}, {@code .git/},
 * {@code .DS_Store}) are left out unless {@code static.include_dotfiles} lists them.
 */
class StaticFolderTest {

    private static final String SITE = """
            -- runbooks/db.md --
            ---
            title: Database
            ---
            ## Overview
            The real runbook.
            -- static/index.html --
            <p>someone's home page</p>
            -- static/assets/site.js --
            alert(1)
            -- static/runbooks/db/index.html --
            stale copy
            -- static/robots.txt --
            User-agent: *
            -- static/img/logo.svg --
            <svg/>
            -- static/.env --
            SECRET=1
            -- static/.git/config --
            [core]
            -- static/.git/objects/ab/cdef --
            x
            -- static/img/.DS_Store --
            x
            -- static/.well-known/security.txt --
            Contact: mailto:security@example.com
            """;

    @TempDir
    Path tmp;

    private List<String> staticDiagnostics(BuildResult r) {
        return r.diagnostics().stream().filter(d -> d.position().file().startsWith("static/"))
                .map(Diagnostic::toString).toList();
    }

    @Test
    void aStaticFileNeverReplacesAGeneratedOneAndHiddenFilesStayOut() {
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n" + SITE);
        Path out = tmp.resolve("out");

        BuildResult r = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(r.setupFailed()).as(r.diagnostics().toString()).isFalse();
        assertThat(staticDiagnostics(r)).containsExactly(
                "static/.env:1:1: info[static-dotfile]: static/.env is not published: names starting with `.` are"
                        + " left out",
                "static/.git:1:1: info[static-dotfile]: static/.git/ is not published: names starting with `.` are"
                        + " left out",
                "static/.well-known:1:1: info[static-dotfile]: static/.well-known/ is not published: names starting"
                        + " with `.` are left out",
                "static/assets/site.js:1:1: error[static-conflict]: static/assets/site.js would replace the generated"
                        + " assets/site.js; the generated file is kept",
                "static/img/.DS_Store:1:1: info[static-dotfile]: static/img/.DS_Store is not published: names"
                        + " starting with `.` are left out",
                "static/index.html:1:1: error[static-conflict]: static/index.html would replace the generated"
                        + " index.html; the generated file is kept",
                "static/runbooks/db/index.html:1:1: error[static-conflict]: static/runbooks/db/index.html would"
                        + " replace the generated runbooks/db/index.html; the generated file is kept");
        assertThat(out.resolve("index.html")).content().doesNotContain("someone's home page");
        assertThat(out.resolve("assets/site.js")).content().doesNotContain("alert(1)");
        assertThat(out.resolve("runbooks/db/index.html")).content().contains("The real runbook.");
        assertThat(out.resolve("robots.txt")).hasContent("User-agent: *");
        assertThat(out.resolve("img/logo.svg")).exists();
        assertThat(out.resolve(".env")).doesNotExist();
        assertThat(out.resolve(".git")).doesNotExist();
        assertThat(out.resolve("img/.DS_Store")).doesNotExist();
        assertThat(out.resolve(".well-known")).doesNotExist();
    }

    @Test
    void listedDotfilesArePublished() {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE + """
                -- hindsight.yml --
                static:
                  include_dotfiles: [.well-known, img/.DS_Store, .hindsight-output]
                -- static/.hindsight-output --
                not the marker
                """);
        Path out = tmp.resolve("out");

        BuildResult r = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(out.resolve(".well-known/security.txt")).hasContent("Contact: mailto:security@example.com");
        assertThat(out.resolve("img/.DS_Store")).exists();
        assertThat(out.resolve(".env")).doesNotExist();
        assertThat(out.resolve(".git")).doesNotExist();
        assertThat(out.resolve(OutputDirectory.MARKER)).content().doesNotContain("not the marker");
        assertThat(staticDiagnostics(r)).contains(
                "static/.hindsight-output:1:1: error[static-conflict]: static/.hindsight-output would replace the"
                        + " generated .hindsight-output; the generated file is kept")
                .noneMatch(d -> d.contains(".well-known") || d.contains(".DS_Store"));
    }

    @Test
    void aStaticFileWhereAGeneratedFolderIsAndTheOtherWayRoundAreConflictsToo() {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- runbooks/db.md --
                ---
                title: Database
                ---
                -- static/postmortems --
                a file where a folder is generated
                -- static/search/index.html/x.txt --
                a folder where a page is generated
                """);
        Path out = tmp.resolve("out");

        BuildResult r = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(staticDiagnostics(r)).containsExactly(
                "static/postmortems:1:1: error[static-conflict]: static/postmortems would replace the generated"
                        + " postmortems/; the generated file is kept",
                "static/search/index.html:1:1: error[static-conflict]: static/search/index.html/ would replace the"
                        + " generated search/index.html; the generated file is kept");
        assertThat(out.resolve("postmortems/index.html")).exists();
        assertThat(out.resolve("search/index.html")).isRegularFile();
    }
}
