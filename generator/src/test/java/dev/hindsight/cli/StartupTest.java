package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a short run pays before its first document (issue 18): a {@code check} loads no HTML renderer,
 * sanitizer, highlighter, template engine or other command's classes. Run in a child JVM through
 * {@code Main.main}, with the JVM's class-load log as the record of what was loaded.
 */
class StartupTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err, List<String> classes) {
    }

    private Run hindsight(String... args) throws Exception {
        Path log = tmp.resolve("classes.log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xlog:class+load=info:file=" + log);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hindsight finishes").isTrue();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // [0.012s][info][class,load] java.lang.Object source: shared objects file
            String[] words = line.split(" ");
            if (words.length > 1) {
                classes.add(words[1]);
            }
        }
        return new Run(p.exitValue(), out, Files.readString(tmp.resolve("err.txt")), classes);
    }

    @Test
    void aCheckLoadsNoRendererSanitizerTemplatesOrOtherCommands() throws Exception {
        Path site = tmp.resolve("site");
        SiteFixture.write(site, "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A"));

        Run run = hindsight("check", "--source", site.toString(), "--reference-date", "2024-02-01", "--quiet");

        assertThat(run.err()).isEqualTo("hindsight: 1 document, 0 errors, 0 warnings\n");
        assertThat(run.exit()).isZero();
        assertThat(run.classes()).as("what a check runs").contains("dev.hindsight.cli.CheckCommand",
                "dev.hindsight.markdown.MarkdownParser", "com.vladsch.flexmark.html.renderer.HeaderIdGenerator",
                "com.vladsch.flexmark.parser.Parser", "dev.hindsight.validate.FrontMatterSchemaRule");
        assertThat(run.classes().stream().filter(c -> c.startsWith("org.owasp.") || c.startsWith("freemarker.") || c.startsWith("org.jsoup.")
                        // The parser reads its heading-id options off HtmlRenderer and makes the ids: no more.
                        || c.startsWith("com.vladsch.flexmark.html.") && !c.startsWith("com.vladsch.flexmark.html.HtmlRenderer")
                        && !c.contains("IdGenerator") && !c.equals("com.vladsch.flexmark.html.Disposable")
                        && !c.equals("com.vladsch.flexmark.html.renderer.NodeRendererFactory") // an interface the extensions name
                        || c.startsWith("dev.hindsight.highlight.") || c.startsWith("dev.hindsight.render.")
                        || c.startsWith("dev.hindsight.preview.")
                        || c.startsWith("dev.hindsight.markdown.HighlightedCode") || c.startsWith("dev.hindsight.markdown.PageLinkResolver")
                        || c.startsWith("dev.hindsight.cli.") && !c.startsWith("dev.hindsight.cli.Main")
                        && !c.startsWith("dev.hindsight.cli.CheckCommand") && !c.startsWith("dev.hindsight.cli.CommonOptions")
                        && !c.startsWith("dev.hindsight.cli.BatchHeap") && !c.startsWith("dev.hindsight.cli.BatchCompiler")
                        && !c.startsWith("dev.hindsight.cli.Reporting") && !c.startsWith("dev.hindsight.cli.Progress")).toList())
                .as("what only a build, another command or a printed schema needs").isEmpty();
    }

    @Test
    void aRunNamingACommandRegistersOnlyThatOne() {
        assertThat(Main.commandsFor(new String[] {"check", "--source", "x"})).containsExactly(Main.Subcommand.CHECK);
        assertThat(Main.commandsFor(new String[] {"--version", "build"})).containsExactly(Main.Subcommand.BUILD);
        assertThat(Main.commandsFor(new String[] {"serve", "build"})).containsExactly(Main.Subcommand.SERVE);
        // No command, help, or a name that is none: all of them, for the list and for "did you mean".
        assertThat(Main.commandsFor(new String[] {})).containsExactly(Main.Subcommand.values());
        assertThat(Main.commandsFor(new String[] {"--help"})).containsExactly(Main.Subcommand.values());
        assertThat(Main.commandsFor(new String[] {"help", "check"})).containsExactly(Main.Subcommand.values());
        assertThat(Main.commandsFor(new String[] {"chek"})).containsExactly(Main.Subcommand.values());
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void helpStillListsEveryCommandInOrderAndHelpOfACommandWorks() {
        String[] all = run("--help");
        assertThat(all[0]).isEqualTo("0");
        assertThat(all[1]).containsSubsequence("  build ", "  check ", "  serve ", "  init ", "  new ", "  adopt ",
                "  schema ", "  rules ", "  help ");

        String[] help = run("help", "check");
        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).startsWith("Usage: hindsight check ");

        String[] own = run("check", "--help");
        assertThat(own[0]).isEqualTo("0");
        assertThat(own[1]).isEqualTo(help[1]);

        String[] typo = run("chek");
        assertThat(typo[0]).isEqualTo("2");
        assertThat(typo[2]).contains("Unmatched argument at index 0: 'chek'").contains("check");
    }
}
