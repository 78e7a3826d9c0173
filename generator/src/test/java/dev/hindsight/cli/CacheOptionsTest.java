package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code check} and {@code build} keep their cache: {@code .hindsight/cache}, {@code --cache-dir}, none. */
class CacheOptionsTest {

    @TempDir
    Path tmp;

    private static final String SITE = "-- hindsight.yml --\ntitle: KB\n-- runbooks/a.md --\n"
            + SiteFixture.VALID_RUNBOOK.formatted("A") + "-- runbooks/b.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("B");

    private String out;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        int code = Main.run(args, new PrintWriter(o, true), new PrintWriter(new StringWriter(), true));
        out = o.toString();
        return code;
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.entry")).count();
        }
    }

    @Test
    void checkAndBuildKeepTheCacheInTheSitesHindsightFolderOutOfGit() throws IOException {
        Path site = SiteFixture.write(tmp.resolve("site"), SITE);
        assertThat(run("check", "--source", site.toString(), "--reference-date", "2024-02-01")).isZero();
        Path cache = site.resolve(".hindsight/cache");
        assertThat(entries(cache)).isEqualTo(2);
        assertThat(site.resolve(".hindsight/.gitignore")).content().contains("\n*\n");
        assertThat(cache.resolve(".gitignore")).content().contains("\n*\n");
        String first = out;
        assertThat(run("check", "--source", site.toString(), "--reference-date", "2024-02-01")).isZero();
        assertThat(out).isEqualTo(first);

        assertThat(run("build", "--source", site.toString(), "--output", tmp.resolve("out").toString(),
                "--reference-date", "2024-02-01")).isZero();
        assertThat(entries(cache)).as("a build's entries (with HTML) beside the check's").isEqualTo(4);
    }

    @Test
    void cacheDirChoosesTheFolderAndNoCacheWritesNone() throws IOException {
        Path site = SiteFixture.write(tmp.resolve("site"), SITE);
        Path elsewhere = tmp.resolve("ci-cache");
        assertThat(run("check", "--source", site.toString(), "--cache-dir", elsewhere.toString())).isZero();
        assertThat(entries(elsewhere)).isEqualTo(2);
        assertThat(site.resolve(".hindsight")).doesNotExist();

        assertThat(run("check", "--source", site.toString(), "--no-cache")).isZero();
        assertThat(run("build", "--source", site.toString(), "--output", tmp.resolve("out").toString(), "--no-cache"))
                .isZero();
        assertThat(site.resolve(".hindsight")).doesNotExist();
    }

    @Test
    void aFolderThatIsNoSiteGetsNoCacheFolder() {
        Path notASite = SiteFixture.write(tmp.resolve("docs"), "-- notes/a.md --\n# A\n");
        assertThat(run("check", "--source", notASite.toString())).isEqualTo(2);
        assertThat(out).contains("error[no-config]");
        assertThat(notASite.resolve(".hindsight")).doesNotExist();
    }
}
