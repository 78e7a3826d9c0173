package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Bounded;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Odd file names and odd files in the site root: each is a diagnostic against that file, and the rest
 * of the site is built. Real files on disk (Linux allows newlines and backslashes in names).
 */
class FileNamesTest {

    private static final String DOC = "---\ntitle: T\n---\n## Summary\nFine.\n";

    @TempDir
    Path tmp;

    private Path site() {
        return SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n-- postmortems/good.md --\n" + DOC);
    }

    private BuildResult build(Path src) {
        return Bounded.within(Bounded.HOSTILE, () -> new Hindsight().build(BuildOptions.build(src, tmp.resolve("out"))));
    }

    private static List<String> fileNameDiagnostics(BuildResult r) {
        return r.diagnostics().stream().filter(d -> d.ruleId().equals("file-name") || d.ruleId().equals("special-file"))
                .map(Diagnostic::toString).toList();
    }

    @Test
    void aNewlineOrABackslashInANameIsADiagnosticAndTheRestBuilds() throws IOException {
        Path src = site();
        Files.writeString(src.resolve("postmortems/two\nlines.md"), DOC);
        Files.writeString(src.resolve("postmortems/back\\slash.md"), DOC);
        Files.writeString(src.resolve("postmortems/tab\there.md"), DOC);
        Files.writeString(src.resolve("postmortems/bell\u0007.md"), DOC);

        BuildResult r = build(src);

        assertThat(r.setupFailed()).as(r.diagnostics().toString()).isFalse();
        assertThat(fileNameDiagnostics(r)).containsExactly(
                "postmortems/back\\\\slash.md:1:1: error[file-name]: the file name `postmortems/back\\\\slash.md`"
                        + " contains a backslash, which is a folder separator on Windows; the file is not read",
                "postmortems/bell\\x07.md:1:1: error[file-name]: the file name `postmortems/bell\\x07.md`"
                        + " contains a control character; the file is not read",
                "postmortems/tab\\there.md:1:1: error[file-name]: the file name `postmortems/tab\\there.md`"
                        + " contains a control character; the file is not read",
                "postmortems/two\\nlines.md:1:1: error[file-name]: the file name `postmortems/two\\nlines.md`"
                        + " contains a control character; the file is not read");
        assertThat(r.exitCode(dev.hindsight.diag.Severity.ERROR)).isEqualTo(1);
        assertThat(tmp.resolve("out/postmortems/good/index.html")).content().contains("Fine.");
    }

    @Test
    void aControlCharacterInAFolderNameIsReportedOnce() throws IOException {
        Path src = site();
        Path odd = Files.createDirectories(src.resolve("runbooks/odd\rfolder"));
        Files.writeString(odd.resolve("a.md"), DOC);
        Files.writeString(odd.resolve("b.md"), DOC);

        BuildResult r = build(src);

        assertThat(fileNameDiagnostics(r)).containsExactly(
                "runbooks/odd\\rfolder:1:1: error[file-name]: the folder name `runbooks/odd\\rfolder`"
                        + " contains a control character; the files in it are not read");
        assertThat(tmp.resolve("out/postmortems/good/index.html")).exists();
    }

    @Test
    void unportableCharactersAreAWarningAndTheDocumentIsBuilt() throws IOException {
        Path src = site();
        Files.writeString(src.resolve("postmortems/a:b*c?.md"), DOC);
        Files.writeString(src.resolve("postmortems/<q>|\".md"), DOC);

        BuildResult r = build(src);

        assertThat(fileNameDiagnostics(r)).containsExactly(
                "postmortems/<q>|\".md:1:1: warning[file-name]: the file name `postmortems/<q>|\".md` contains"
                        + " `<`, `>`, `|`, `\"`, which Windows does not allow in file names; the repository cannot"
                        + " be checked out there",
                "postmortems/a:b*c?.md:1:1: warning[file-name]: the file name `postmortems/a:b*c?.md` contains"
                        + " `:`, `*`, `?`, which Windows does not allow in file names; the repository cannot"
                        + " be checked out there");
        assertThat(tmp.resolve("out/postmortems/a:b*c?/index.html")).exists();
        assertThat(tmp.resolve("out/postmortems/<q>|\"/index.html")).exists();
    }

    @Test
    void aNameThatIsNotUtf8IsADiagnostic() throws Exception {
        Path src = site();
        // Java cannot make such a name from a String: the shell writes the byte 0xFF.
        Process p = new ProcessBuilder("sh", "-c", "printf '%s' \"$1\" > \"$(printf 'postmortems/caf\\377.md')\"", "sh", DOC)
                .directory(src.toFile()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();

        BuildResult r = build(src);

        assertThat(r.setupFailed()).as(r.diagnostics().toString()).isFalse();
        assertThat(fileNameDiagnostics(r)).containsExactly(
                "postmortems/caf\\xFF.md:1:1: error[file-name]: the file name `postmortems/caf\\xFF.md`"
                        + " is not valid UTF-8; the file is not read");
        assertThat(tmp.resolve("out/postmortems/good/index.html")).exists();
    }

    @Test
    void aLongNameIsBuilt() throws IOException {
        Path src = site();
        String stem = "long-".repeat(50);
        Files.writeString(src.resolve("postmortems/" + stem + ".md"), DOC);

        BuildResult r = build(src);

        assertThat(fileNameDiagnostics(r)).isEmpty();
        assertThat(r.setupFailed()).isFalse();
        assertThat(tmp.resolve("out/postmortems/" + stem + "/index.html")).content().contains("Fine.");
    }

    @Test
    void aFifoOrASocketBehindALinkIsSkippedWithADiagnosticInBoundedTime() throws Exception {
        Path src = site();
        Path fifo = src.resolve("postmortems/pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(fifo)).isTrue();
        Files.createSymbolicLink(src.resolve("postmortems/x.md"), fifo.getFileName());
        Process fifo2 = new ProcessBuilder("mkfifo", src.resolve("postmortems/direct.md").toString()).inheritIO().start();
        assertThat(fifo2.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(src.resolve("postmortems/sock")));
            Files.createSymbolicLink(src.resolve("postmortems/s.md"), Path.of("sock"));

            BuildResult r = build(src);

            assertThat(r.setupFailed()).as(r.diagnostics().toString()).isFalse();
            assertThat(fileNameDiagnostics(r)).containsExactly(
                    "postmortems/direct.md:1:1: error[special-file]: `postmortems/direct.md` is a named pipe,"
                            + " not a regular file; not read",
                    "postmortems/s.md:1:1: error[special-file]: `postmortems/s.md` is a socket,"
                            + " not a regular file; not read",
                    "postmortems/x.md:1:1: error[special-file]: `postmortems/x.md` is a named pipe,"
                            + " not a regular file; not read");
            assertThat(tmp.resolve("out/postmortems/good/index.html")).exists();
        }
    }
}
