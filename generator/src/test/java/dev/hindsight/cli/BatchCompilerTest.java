package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * A one-shot check or build under the JVM's default JIT keeps C2 out with a compiler directive, unless the JVM's
 * options or {@code HINDSIGHT_JIT=default} say otherwise. The directive is added in a child JVM ({@link Probe}), so
 * that this one keeps its JIT.
 */
class BatchCompilerTest {

    /** Does what a check does to its JVM, prints the outcome, then the JVM's compiler directives. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            System.out.println(BatchCompiler.keepC2Out(System.getenv()));
            System.out.print(ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        }
    }

    private record Directive(String heading, String matching, String c1, String c2) {
    }

    private record Probed(String outcome, List<Directive> directives) {
    }

    /**
     * Runs {@link Probe} with {@code jvmOptions} and {@code environment}; parses its print-out: each directive's
     * pattern and the flags of its c1 and c2 sets, first to last (the default directive is always last).
     */
    private static Probed probe(Map<String, String> environment, String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(cmd);
        builder.environment().remove(BatchCompiler.OPT_OUT);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(environment);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out + err).isZero();
        List<String> lines = out.lines().toList();
        List<Directive> directives = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Directive:")) {
                // Directive:[ (default)] / matching: P / c1 directives: / inline: - / FLAGS / (blank) /
                // c2 directives: / inline: - / FLAGS
                directives.add(new Directive(lines.get(i).strip(), lines.get(i + 1).strip(), lines.get(i + 4).strip(),
                        lines.get(i + 8).strip()));
            }
        }
        return new Probed(lines.get(0), directives);
    }

    @Test
    void underTheDefaultJitEveryMethodIsExcludedFromC2AndC1IsLeftAlone() throws Exception {
        Probed probed = probe(Map.of());

        assertThat(probed.outcome()).isEqualTo("ADDED");
        assertThat(probed.directives()).extracting(Directive::heading)
                .containsExactly("Directive:", "Directive: (default)");
        Directive ours = probed.directives().get(0);
        assertThat(ours.matching()).isEqualTo("matching: *.*");
        assertThat(ours.c2()).startsWith("Enable:true Exclude:true ");
        // A directive that names no c1 set does not apply to C1: C1 goes on to the default directive.
        assertThat(ours.c1()).startsWith("Enable:false Exclude:false ");
        Directive fallback = probed.directives().get(1);
        assertThat(fallback.c1()).startsWith("Enable:true Exclude:false ");
        assertThat(fallback.c2()).startsWith("Enable:true Exclude:false ");
    }

    @Test
    void aJitPolicyOnTheCommandLineOrInTheEnvironmentIsKept() throws Exception {
        for (Probed probed : List.of(probe(Map.of(), "-XX:TieredStopAtLevel=1"),
                probe(Map.of("JAVA_TOOL_OPTIONS", "-XX:CompilationMode=quick-only")),
                probe(Map.of("JDK_JAVA_OPTIONS", "-XX:-TieredCompilation")))) {
            assertThat(probed.outcome()).isEqualTo("JIT_CHOSEN");
            // Only the default directive, excluding nothing (its c2 set is disabled where the JVM runs no C2).
            assertThat(probed.directives()).extracting(Directive::heading).containsExactly("Directive: (default)");
            assertThat(probed.directives().get(0).c2()).contains(" Exclude:false ");
        }
        Probed optedOut = probe(Map.of("HINDSIGHT_JIT", "default"));
        assertThat(optedOut.outcome()).isEqualTo("OPTED_OUT");
        assertThat(optedOut.directives()).extracting(Directive::heading).containsExactly("Directive: (default)");
        assertThat(optedOut.directives().get(0).c2()).startsWith("Enable:true Exclude:false ");
    }

    @Test
    void theOptionsThatChooseAJitPolicy() {
        assertThat(BatchCompiler.choosesJit(List.of())).isFalse();
        assertThat(BatchCompiler.choosesJit(List.of("-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
                "-XX:MaxHeapFreeRatio=30", "-XX:TieredStopAtLevelX=1", "-XX:+UnlockDiagnosticVMOptions",
                "-Xss16m", "-XX:CICompilerCount=2", "-agentlib:jdwp=transport=dt_socket"))).isFalse();

        for (String option : List.of("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4",
                "-XX:CompilationMode=quick-only", "-XX:CompilerDirectivesFile=/tmp/d.json", "-XX:-TieredCompilation",
                "-XX:+TieredCompilation", "-XX:CompileCommand=exclude,java/lang/String.hashCode",
                "-XX:CompileCommandFile=.hotspot_compiler", "-XX:+UseJVMCICompiler", "-Xint", "-Xcomp", "-Xmixed")) {
            assertThat(BatchCompiler.choosesJit(List.of("-Xmx1g", option, "-XX:+UseG1GC"))).as(option).isTrue();
        }
    }

    @Test
    void hindsightJitDefaultOptsOut() {
        assertThat(BatchCompiler.optedOut(Map.of())).isFalse();
        assertThat(BatchCompiler.optedOut(Map.of("HINDSIGHT_JIT", "default"))).isTrue();
        assertThat(BatchCompiler.optedOut(Map.of("HINDSIGHT_JIT", "DEFAULT"))).isTrue();
        assertThat(BatchCompiler.optedOut(Map.of("HINDSIGHT_JIT", "batch"))).isFalse();
        assertThat(BatchCompiler.optedOut(Map.of("HINDSIGHT_JAVA_OPTS", "default"))).isFalse();
    }
}
