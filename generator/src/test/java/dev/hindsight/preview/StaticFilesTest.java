package dev.hindsight.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {

    @TempDir
    Path tmp;

    private StaticFiles site() throws Exception {
        SiteFixture.write(tmp, """
                -- secret.txt --
                outside
                -- site/index.html --
                home
                -- site/runbooks/a/index.html --
                a
                -- site/assets/style.css --
                body{}
                -- site/a+b.html --
                plus
                """);
        return new StaticFiles(tmp.resolve("site"));
    }

    @Test
    void servesFilesAndDirectoryIndexes() throws Exception {
        StaticFiles files = site();
        assertThat(files.resolve("/")).contains(tmp.resolve("site/index.html"));
        assertThat(files.resolve("/runbooks/a/")).contains(tmp.resolve("site/runbooks/a/index.html"));
        assertThat(files.resolve("/assets/style.css")).contains(tmp.resolve("site/assets/style.css"));
        assertThat(files.resolve("/a+b.html")).contains(tmp.resolve("site/a+b.html"));
        assertThat(files.resolve("/a%2Bb.html")).contains(tmp.resolve("site/a+b.html"));
        assertThat(files.resolve("/nope.html")).isEmpty();
        assertThat(files.isDirectory("/runbooks/a")).isTrue();
        assertThat(StaticFiles.contentType(Path.of("x.css"))).isEqualTo("text/css; charset=utf-8");
        assertThat(StaticFiles.contentType(Path.of("x.HTML"))).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void refusesEveryWayOut() throws Exception {
        StaticFiles files = site();
        for (String attempt : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/runbooks/../../secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..%5csecret.txt",
                "/..\\secret.txt", "/runbooks/%2e%2e/%2e%2e/secret.txt", "/index.html%00.css", "secret.txt",
                "/%", "/%zz"}) {
            assertThat(files.resolve(attempt)).as(attempt).isEmpty();
        }
    }

    @Test
    void refusesSymlinksThatLeaveTheSite() throws Exception {
        StaticFiles files = site();
        Files.createSymbolicLink(tmp.resolve("site/leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(tmp.resolve("site/leakdir"), tmp);
        Files.createSymbolicLink(tmp.resolve("site/inside.css"), tmp.resolve("site/assets/style.css"));
        assertThat(files.resolve("/leak.txt")).isEmpty();
        assertThat(files.resolve("/leakdir/secret.txt")).isEmpty();
        assertThat(files.resolve("/inside.css")).isPresent();
    }
}
