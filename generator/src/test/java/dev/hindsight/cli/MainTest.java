package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void checkExitsZeroOnACleanSite() {
        SiteFixture.write(tmp, """
                -- runbooks/a.md --
                ---
                title: A
                ---
                ## Overview
                text
                """);
        assertThat(run("check", "--source", tmp.toString())).isZero();
        assertThat(err.toString()).contains("hindsight: 1 document, 0 errors, 0 warnings");
    }

    @Test
    void checkExitsOneOnContentErrorsAndPrintsThem() {
        SiteFixture.write(tmp, """
                -- postmortems/x.md --
                ---
                title: [
                ---
                """);
        assertThat(run("check", "-s", tmp.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("postmortems/x.md:");
        assertThat(out.toString()).contains("error[front-matter-yaml]");
    }

    @Test
    void missingSourceIsExitTwo() {
        assertThat(run("check", "--source", tmp.resolve("nope").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("error[setup]: source directory does not exist");
    }

    @Test
    void badConfigIsExitTwo() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: X\ncolour: blue\n");
        assertThat(run("check", "--source", tmp.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("hindsight.yml:2:1: error[config]: unknown key `colour`");
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(run("build", "--no-such-option")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("build").contains("check");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("hindsight ");
    }

    @Test
    void buildWritesTheSite() {
        SiteFixture.write(tmp.resolve("src"), "-- runbooks/a.md --\n---\ntitle: A\n---\nbody\n");
        assertThat(run("build", "--source", tmp.resolve("src").toString(), "--output", tmp.resolve("out").toString()))
                .isZero();
        assertThat(tmp.resolve("out/index.html")).exists();
        assertThat(tmp.resolve("out/runbooks/a/index.html")).exists();
    }
}
