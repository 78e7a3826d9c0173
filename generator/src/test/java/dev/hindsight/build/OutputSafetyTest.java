package dev.hindsight.build;

import dev.hindsight.publish.OutputDirectory;
import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where a build may write and what it may delete: never outside the output directory, never into
 * the source, never a directory it did not create.
 */
class OutputSafetyTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: KB
            -- postmortems/p.md --
            ---
            title: P
            ---
            ## Summary
            -- runbooks/r.md --
            ---
            title: R
            ---
            ## Overview
            """;

    @TempDir
    Path tmp;

    private Path src() {
        return SiteFixture.write(tmp.resolve("src"), SITE);
    }

    private static String lastMessage(BuildResult r) {
        return r.diagnostics().get(r.diagnostics().size() - 1).message();
    }

    // ---- page paths ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"../x/index.html", "a/../../x/index.html", "..", "a/..", "/etc/passwd", "a//b.html",
            "./index.html", "a/./b.html", "a\\..\\..\\x.html", "tags/\u0000/index.html", "tags/a\nb/index.html", "",
            "services/../../../../tmp/evil/index.html"})
    void pagePathsThatCouldLeaveTheOutputAreRefused(String path) {
        Path staging = tmp.resolve("staging");
        assertThat(SiteWriter.insideOutput(staging, path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "postmortems/a/index.html", "tags/c++/index.html", "alerts/Foo:Bar/index.html",
            "services/..hidden../index.html", "a..b/index.html"})
    void plainRelativePagePathsAreAccepted(String path) {
        Path staging = tmp.resolve("staging");
        assertThat(SiteWriter.insideOutput(staging, path)).hasValue(staging.resolve(path));
    }

    @Test
    void documentsWithDotsInNamesAndIdsStayInsideTheOutput() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- postmortems/a..b.md --
                ---
                title: Dots
                id: ../../../escaped
                ---
                ## Summary
                -- postmortems/..md --
                ---
                title: Hidden
                ---
                -- runbooks/x/...md --
                ---
                title: Hidden too
                ---
                """);
        Path out = tmp.resolve("site/out");

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.setupFailed()).isFalse();
        assertThat(out.resolve("postmortems/a..b/index.html")).exists();
        try (Stream<Path> all = Files.walk(tmp)) {
            List<String> outside = all.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(out) && !p.startsWith(src)).map(Path::toString).toList();
            assertThat(outside).isEmpty();
        }
        try (Stream<Path> pages = Files.walk(out)) {
            // One document page: the two dot-named files are hidden files and are not read.
            assertThat(pages.map(p -> out.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.matches("(postmortems|runbooks)/.+/index\\.html"))).containsExactly(
                    "postmortems/a..b/index.html");
        }
    }

    // ---- output directory against the source -------------------------------------------------

    @Test
    void anOutputThatContainsTheSourceIsRefused() {
        Path src = src();
        BuildResult result = new Hindsight().build(BuildOptions.build(src, tmp));
        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(lastMessage(result)).contains("contains the source directory");
        assertThat(src.resolve("postmortems/p.md")).exists();
    }

    @Test
    void dotDotInTheOutputIsResolvedBeforeTheCheck() {
        Path src = src();
        BuildResult inside = new Hindsight().build(BuildOptions.build(src, src.resolve("target/../postmortems/out")));
        assertThat(inside.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(lastMessage(inside)).contains("is inside the source directory");
        assertThat(src.resolve("postmortems/out")).doesNotExist();

        BuildResult same = new Hindsight().build(BuildOptions.build(src, src.resolve("postmortems/..")));
        assertThat(same.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(lastMessage(same)).contains("is the source directory");

        BuildResult parent = new Hindsight().build(BuildOptions.build(src, src.resolve("..")));
        assertThat(lastMessage(parent)).contains("contains the source directory");

        BuildResult fine = new Hindsight().build(BuildOptions.build(src, tmp.resolve("a/../site")));
        assertThat(fine.setupFailed()).isFalse();
        assertThat(tmp.resolve("site/index.html")).exists();
    }

    @Test
    void aSymlinkedOutputPointingIntoTheSourceIsRefused() throws IOException {
        Path src = src();
        Path toSource = Files.createSymbolicLink(tmp.resolve("to-source"), src);
        Path toFolder = Files.createSymbolicLink(tmp.resolve("to-folder"), src.resolve("postmortems"));
        Path parentLink = Files.createSymbolicLink(tmp.resolve("parent-link"), src.resolve("runbooks"));

        for (Path out : List.of(toSource, toFolder, parentLink.resolve("out"))) {
            BuildResult result = new Hindsight().build(BuildOptions.build(src, out));
            assertThat(result.exitCode(Severity.ERROR)).as(out.toString()).isEqualTo(2);
        }
        try (Stream<Path> files = Files.walk(src)) {
            assertThat(files.map(p -> src.relativize(p).toString()).sorted().toList())
                    .containsExactly("", "hindsight.yml", "postmortems", "postmortems/p.md", "runbooks", "runbooks/r.md");
        }
    }

    @Test
    void aSymlinkedOutputElsewhereIsWrittenThroughTheLink() throws IOException {
        Path src = src();
        Path real = Files.createDirectories(tmp.resolve("www/real"));
        Path link = Files.createSymbolicLink(tmp.resolve("published"), real);

        new Hindsight().build(BuildOptions.build(src, link));
        BuildResult again = new Hindsight().build(BuildOptions.build(src, link));

        assertThat(again.setupFailed()).isFalse();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real.resolve("postmortems/p/index.html")).exists();
        try (Stream<Path> siblings = Files.list(tmp.resolve("www"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("real");
        }
    }

    // ---- permissions --------------------------------------------------------------------------

    /**
     * The published folder (and the Maven plugin's target/hindsight, made by the same code) is readable
     * as the umask says, like any other tool's output: a web server running as another user can serve it.
     */
    @Test
    void theOutputFollowsTheUmaskLikeADirectoryMadeNormally() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = tmp.resolve("out");
        Path normal = Files.createDirectory(tmp.resolve("normal"));
        Path normalFile = Files.writeString(normal.resolve("f.txt"), "x");

        new Hindsight().build(BuildOptions.build(src(), out));
        new Hindsight().build(BuildOptions.build(src(), out)); // the second build swaps a fresh directory in

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(normal)));
        assertThat(Files.getPosixFilePermissions(out.resolve("postmortems")))
                .isEqualTo(Files.getPosixFilePermissions(normal));
        assertThat(Files.getPosixFilePermissions(out.resolve("index.html")))
                .isEqualTo(Files.getPosixFilePermissions(normalFile));
        assertThat(Files.getPosixFilePermissions(out.resolve(OutputDirectory.MARKER)))
                .isEqualTo(Files.getPosixFilePermissions(normalFile));
    }

    // ---- what may be deleted -----------------------------------------------------------------

    @Test
    void aNonEmptyOutputWithoutTheMarkerIsNeverDeleted() throws IOException {
        Path src = src();
        Path out = tmp.resolve("out");
        SiteFixture.write(out, "-- index.html --\nsomeone's page\n-- deep/notes.txt --\nkeep\n");

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(out.resolve("index.html")).hasContent("someone's page");
        assertThat(out.resolve("deep/notes.txt")).hasContent("keep");
    }

    @Test
    void leftoverStagingDirectoriesWithoutTheMarkerAreNotDeleted() throws IOException {
        Path src = src();
        Path out = tmp.resolve("out");
        Path foreignTmp = SiteFixture.write(tmp.resolve(".out.tmp-123"), "-- notes.txt --\nnot ours\n");
        Path foreignOld = SiteFixture.write(tmp.resolve(".out.old-456"), "-- notes.txt --\nnot ours either\n");
        Path ourTmp = SiteFixture.write(tmp.resolve(".out.tmp-789"), "-- .hindsight-output --\n-- half.html --\nx\n");
        Path emptyTmp = Files.createDirectories(tmp.resolve(".out.tmp-000"));

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        assertThat(foreignTmp.resolve("notes.txt")).hasContent("not ours");
        assertThat(foreignOld.resolve("notes.txt")).hasContent("not ours either");
        assertThat(ourTmp).doesNotExist();
        assertThat(emptyTmp).doesNotExist();
        assertThat(out.resolve("index.html")).exists();
    }

    @Test
    void aSiteRenamedAsideByAKilledBuildIsRestoredFirst() throws IOException {
        Path src = src();
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        // What a kill between the two renames of the swap leaves behind.
        Files.move(out, tmp.resolve(".out.old-42"));
        SiteFixture.write(tmp.resolve(".out.tmp-43"), "-- .hindsight-output --\n-- index.html --\nhalf\n");

        assertThat(new OutputDirectory(out).recover()).hasValue(tmp.resolve(".out.old-42"));
        assertThat(out.resolve("postmortems/p/index.html")).exists();
        assertThat(new OutputDirectory(out).recover()).isEmpty();

        Files.move(out, tmp.resolve(".out.old-44"));
        SiteFixture.write(src, "-- templates/runbook.ftlh --\n${doc.meta.nope}\n");
        BuildResult broken = new Hindsight().build(BuildOptions.build(src, out));
        // The build itself fails (broken template), but the previous site is back in place.
        assertThat(broken.diagnostics().stream().map(Diagnostic::ruleId)).contains("template");
        assertThat(out.resolve("postmortems/p/index.html")).exists();
        try (Stream<Path> names = Files.list(tmp)) {
            assertThat(names.map(p -> p.getFileName().toString()).sorted()).containsExactly("out", "src");
        }
    }
}
