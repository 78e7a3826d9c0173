package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.build.SiteBuilder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A StackOverflowError or OutOfMemoryError anywhere in a run is one clear message and exit 2, never a
 * stack trace: run in a child JVM through {@code Main.main}, the real entry point, so that anything the
 * JVM itself would print is captured too.
 */
class ResourceExhaustionTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run hindsight(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.hindsight.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> copy(p.getErrorStream(), err));
        errReader.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hindsight finishes").isTrue();
        errReader.join();
        return new Run(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        try {
            in.transferTo(to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTemplateThatCallsItselfIsOneMessageAndExitTwo() throws Exception {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A")
                + "-- templates/runbook.ftlh --\n"
                + "<#macro again n><@again n + 1/></#macro>\n<@again 0/>\n");
        Path output = tmp.resolve("target/site");

        Run run = hindsight(List.of("-Xss512k"), "build", "-s", tmp.toString(), "-o", output.toString(),
                "--reference-date", "2024-02-01", "--quiet");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("templates/runbook.ftlh:1:1: error[" + SiteBuilder.RULE_STACK_OVERFLOW
                + "]: ran out of stack while writing the site, in a template: one of the site's templates "
                + "(templates/runbook.ftlh) most likely calls itself without end\n"
                + "  hint: look for a macro, function or #include that calls itself in templates/; if the "
                + "templates are right, give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m (Maven: "
                + "MAVEN_OPTS=-Xss16m)\n");
        assertThat(run.err()).isEqualTo("hindsight: 1 document, 1 error, 0 warnings\n");
        assertThat(run.out() + run.err()).doesNotContain("at dev.hindsight").doesNotContain("\tat ")
                .doesNotContain("java.lang.StackOverflowError");
        assertThat(output).doesNotExist();
    }

    @Test
    void runningOutOfMemoryIsOneMessageAndExitTwo() throws Exception {
        // A template whose text doubles until no heap is left.
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A")
                + "-- templates/runbook.ftlh --\n"
                + "<#assign s = \"x\"><#list 1..64 as i><#assign s = s + s></#list>${s}\n");

        Run run = hindsight(List.of("-Xmx64m"), "build", "-s", tmp.toString(), "-o",
                tmp.resolve("target/site").toString(), "--reference-date", "2024-02-01",
                "--quiet");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("hindsight.yml:1:1: error[" + SiteBuilder.RULE_OUT_OF_MEMORY
                + "]: ran out of memory while writing the site\n"
                + "  hint: give Java more memory: HINDSIGHT_JAVA_OPTS=-Xmx4g (java -Xmx4g -jar hindsight.jar; "
                + "Maven: MAVEN_OPTS=-Xmx4g); the site overrides templates/runbook.ftlh, check it too\n");
        assertThat(run.err()).isEqualTo("hindsight: 1 document, 1 error, 0 warnings\n");
        assertThat(run.out() + run.err()).doesNotContain("at dev.hindsight").doesNotContain("\tat ")
                .doesNotContain("java.lang.OutOfMemoryError");
    }
}
