package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.Stage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress a check or build shows on stderr, and {@code --timings}. */
class ProgressTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final Map<String, String> TERMINAL = Map.of("TERM", "xterm-256color");

    private int run(boolean terminal, Map<String, String> environment, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment, terminal);
    }

    private Path site() {
        return SiteFixture.write(tmp.resolve("site"), "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A")
                + "-- runbooks/b.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("B")
                + "-- runbooks/c.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("C")
                + "-- notes.md --\nnot a document\n");
    }

    @Test
    void notOnATerminalABuildPrintsOnePlainLinePerStage() {
        Path site = site();
        Path output = tmp.resolve("out");

        assertThat(run(false, Map.of(), "build", "-s", site.toString(), "-o", output.toString(),
                "--reference-date", "2024-02-01")).isZero();

        Matcher m = Pattern.compile("hindsight: reading 4 Markdown files\n"
                + "hindsight: checking 3 documents\n"
                + "hindsight: writing (\\d+) pages\n"
                + "hindsight: 3 documents, 0 errors, 0 warnings; wrote (\\d+) pages to " + Pattern.quote(output.toString())
                + "\n").matcher(err.toString());
        assertThat(m.matches()).as(err.toString()).isTrue();
        assertThat(m.group(1)).isEqualTo(m.group(2));
    }

    @Test
    void aCheckPrintsTheLinesOfItsStagesOnly() {
        assertThat(run(false, Map.of("CI", "true", "TERM", "xterm"), "check", "-s", site().toString(),
                "--reference-date", "2024-02-01")).isZero();

        assertThat(err.toString()).isEqualTo("hindsight: reading 4 Markdown files\n"
                + "hindsight: checking 3 documents\n"
                + "hindsight: 3 documents, 0 errors, 0 warnings\n");
    }

    @Test
    void quietShowsNoProgress() {
        assertThat(run(true, TERMINAL, "check", "-s", site().toString(), "--reference-date", "2024-02-01",
                "--quiet")).isZero();

        assertThat(err.toString()).isEqualTo("hindsight: 3 documents, 0 errors, 0 warnings\n");
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndClearedBeforeTheSummary() {
        Path site = site();
        Path output = tmp.resolve("out");

        assertThat(run(true, TERMINAL, "build", "-s", site.toString(), "-o", output.toString(),
                "--reference-date", "2024-02-01")).isZero();

        String text = err.toString();
        int summary = text.indexOf("hindsight: 3 documents, 0 errors, 0 warnings; wrote ");
        assertThat(summary).as(text).isPositive();
        String live = text.substring(0, summary);
        // Only carriage returns, never a new line, until the summary; the last draw is blanked out.
        assertThat(live).startsWith("\r").doesNotContain("\n").matches("(?s)(\r[^\r\n]+)+\r +\r");
        List<String> draws = List.of(live.substring(1, live.lastIndexOf('\r', live.length() - 2)).split("\r"));
        assertThat(draws).allMatch(d -> d.startsWith("hindsight: "));
        assertThat(draws.get(draws.size() - 1).strip()).matches("hindsight: (render|write), 4/4 read, 3 checked, "
                + "\\d+/\\d+ pages");
        assertThat(text.substring(summary)).doesNotContain("\r").endsWith("\n").hasLineCount(1);
    }

    @Test
    void theJsonOnStdoutIsTheSameWithProgressShownOrNot() {
        Path site = site();
        SiteFixture.write(site, "-- runbooks/d.md --\n---\ntitle: [\n---\n");
        String[] args = {"check", "-s", site.toString(), "--reference-date", "2024-02-01", "--format", "json"};

        assertThat(run(true, TERMINAL, args)).isEqualTo(1);
        String live = out.toString();
        assertThat(err.toString()).startsWith("\r");
        assertThat(run(false, Map.of(), args)).isEqualTo(1);
        String lines = out.toString();
        assertThat(err.toString()).startsWith("hindsight: reading 5 Markdown files\n");
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "--quiet";
        assertThat(run(false, Map.of(), quiet)).isEqualTo(1);

        assertThat(live).startsWith("{").contains("\"rule\": \"front-matter-yaml\"").doesNotContain("\r")
                .isEqualTo(lines).isEqualTo(out.toString());
    }

    @Test
    void timingsNameEveryStageOfABuild() {
        Path site = site();
        assertThat(run(false, Map.of(), "build", "-s", site.toString(), "-o", tmp.resolve("out").toString(),
                "--reference-date", "2024-02-01", "--timings", "--quiet")).isZero();

        String masked = err.toString().replaceAll("\\d+\\.\\d\\d s", "T s").replaceAll("\\d+ MiB", "M MiB")
                .replaceAll("(?m)^(\\S+ +T s) +\\d+ ", "$1 N ").replaceAll(" +", " ");
        assertThat(masked).matches("(?s)hindsight: 3 documents, 0 errors, 0 warnings; wrote \\d+ pages to [^\n]+\n"
                + "hindsight: timings \\(git runs alongside read and parse, search alongside render\\)\n"
                + "stage time items heap after peak RSS\n"
                + "read T s N M MiB M MiB\n"
                + "git T s N M MiB M MiB \\(alongside\\)\n"
                + "parse T s N M MiB M MiB\n"
                + "validate T s N M MiB M MiB\n"
                + "render T s N M MiB M MiB\n"
                + "search T s N M MiB M MiB \\(alongside\\)\n"
                + "write T s N M MiB M MiB\n"
                + "total T s\n");
    }

    @Test
    void timingsOfACheckNameItsStages() {
        assertThat(run(false, Map.of(), "check", "-s", site().toString(), "--reference-date", "2024-02-01",
                "--timings", "--quiet")).isZero();

        List<String> stages = err.toString().lines().skip(3).map(l -> l.split(" ")[0]).toList();
        assertThat(stages).containsExactly("read", "git", "parse", "validate", "total");
        assertThat(err.toString()).contains("\nread ").containsPattern("\nparse +\\d+\\.\\d\\d s +3 ");
    }

    @Test
    void theModeFollowsTheTerminalCiTermAndQuiet() {
        assertThat(ProgressMode.of(false, true, TERMINAL)).isEqualTo(ProgressMode.LIVE);
        assertThat(ProgressMode.of(true, true, TERMINAL)).isEqualTo(ProgressMode.NONE);
        assertThat(ProgressMode.of(true, false, Map.of())).isEqualTo(ProgressMode.NONE);
        assertThat(ProgressMode.of(false, false, TERMINAL)).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.of(false, true, Map.of("TERM", "xterm", "CI", "true"))).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.of(false, true, Map.of("TERM", "xterm", "CI", "1"))).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.of(false, true, Map.of("TERM", "xterm", "CI", "false"))).isEqualTo(ProgressMode.LIVE);
        assertThat(ProgressMode.of(false, true, Map.of("TERM", "dumb"))).isEqualTo(ProgressMode.LINES);
        assertThat(ProgressMode.of(false, true, Map.of())).as("no TERM").isEqualTo(ProgressMode.LINES);
    }

    @Test
    void aTerminalIsAPseudoTerminalOrTtyDevice() {
        assertThat(ProgressMode.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(ProgressMode.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(ProgressMode.isTerminalDevice("/dev/null")).isFalse();
        assertThat(ProgressMode.isTerminalDevice("pipe:[81234]")).isFalse();
        assertThat(ProgressMode.isTerminalDevice("/tmp/build.log")).isFalse();
    }

    @Test
    void theLiveLineCountsDocumentsAndPagesAsTheyGo() {
        ProgressDisplay p = new ProgressDisplay(ProgressMode.NONE, new PrintWriter(new StringWriter()));
        assertThat(p.line()).isEqualTo("hindsight: start");
        p.started(Stage.READ, 0);
        p.started(Stage.GIT, 0);
        assertThat(p.line()).isEqualTo("hindsight: read");
        p.started(Stage.PARSE, 2000);
        p.documentRead();
        p.documentRead();
        assertThat(p.line()).isEqualTo("hindsight: parse, 2/2000 read");
        p.started(Stage.VALIDATE, 1980);
        assertThat(p.line()).isEqualTo("hindsight: validate, 2/2000 read, checking");
        p.ended(Stage.VALIDATE, 1980, Duration.ZERO);
        p.started(Stage.RENDER, 2345);
        p.started(Stage.SEARCH, 1980);
        p.pageWritten();
        assertThat(p.line()).isEqualTo("hindsight: render, 2/2000 read, 1980 checked, 1/2345 pages");
        p.started(Stage.WRITE, 2345);
        assertThat(p.line()).isEqualTo("hindsight: write, 2/2000 read, 1980 checked, 1/2345 pages");
        p.close();
    }
}
