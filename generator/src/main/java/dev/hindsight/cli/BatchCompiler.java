package dev.hindsight.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.JMException;
import javax.management.JMRuntimeException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler, C2, out of a one-shot {@code check} or {@code build} run with the JVM's
 * defaults ({@code java -jar hindsight.jar}), as the launcher does with {@code -XX:TieredStopAtLevel=1}.
 *
 * <p>Why: such a run is over in seconds to a minute, before C2's code pays back what compiling it cost; on two
 * cores C2 takes about a third of the run's CPU (bench/README.md). A running JVM cannot change its tiered
 * settings, but it takes compiler directives: this adds {@link #DIRECTIVE}, which excludes every method from C2,
 * through the {@code DiagnosticCommand} MBean, as {@code jcmd <pid> Compiler.directives_add FILE} would. Hot code
 * still starts in C1 with profiling; when its C2 compilation is refused, the method is marked not C2-compilable
 * and compiled again by C1 without profiling (tier 1), the code {@code TieredStopAtLevel=1} runs. The output is
 * the same: only which compiler made the code differs. Reaching the MBean starts the platform MBean server, about
 * 0.2 s of CPU; even a check of the 18-document example site earns that back (median 3.3 → 2.6 s CPU).
 *
 * <p>Nothing happens when the JVM's own options already pick a JIT policy ({@link #choosesJit}: the launcher's
 * {@code -XX:TieredStopAtLevel=1}, or anything the user set on the command line, in {@code JAVA_TOOL_OPTIONS} or
 * {@code JDK_JAVA_OPTIONS}), when {@code HINDSIGHT_JIT=default} is set, or when the JVM has no such command
 * (not HotSpot, no {@code jdk.management}): the run goes on with the JVM's JIT. {@code serve}, the other commands
 * and the Maven plugin, which runs inside Maven's own JVM, never call this.
 */
final class BatchCompiler {

    /** The directive: no method, whatever its class, is compiled by C2; C1 is left as it is. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]\n";

    /** The environment variable that keeps the JVM's JIT policy when set to {@code default}. */
    static final String OPT_OUT = "HINDSIGHT_JIT";

    /**
     * The HotSpot {@code -XX:} options that choose what the JIT compilers do: any of them, with any value, leaves
     * the JIT alone. Likewise {@link #JIT_MODES}.
     */
    static final Set<String> JIT_OPTIONS = Set.of("TieredStopAtLevel", "CompilationMode", "CompilerDirectivesFile",
            "TieredCompilation", "CompileCommand", "CompileCommandFile", "UseJVMCICompiler");

    /** The launcher options that choose an execution mode: interpreter only, compile everything, mixed. */
    static final Set<String> JIT_MODES = Set.of("-Xint", "-Xcomp", "-Xmixed");

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    /** What {@link #keepC2Out} did. */
    enum Outcome {
        /** The directive was added. */
        ADDED,
        /** {@code HINDSIGHT_JIT=default}: nothing was done. */
        OPTED_OUT,
        /** The JVM's options pick a JIT policy: nothing was done. */
        JIT_CHOSEN,
        /** The JVM has no diagnostic command to add directives with, or refused it: nothing changed. */
        UNAVAILABLE
    }

    private BatchCompiler() {
    }

    /**
     * Adds {@link #DIRECTIVE} to this JVM unless {@code environment} opts out or the JVM's input arguments choose a
     * JIT policy. Never throws: a JVM without the command runs as it would have.
     */
    static Outcome keepC2Out(Map<String, String> environment) {
        if (optedOut(environment)) {
            return Outcome.OPTED_OUT;
        }
        if (choosesJit(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            return Outcome.JIT_CHOSEN;
        }
        return addDirective() ? Outcome.ADDED : Outcome.UNAVAILABLE;
    }

    /** Whether {@code environment} sets {@code HINDSIGHT_JIT=default} (in any case). */
    static boolean optedOut(Map<String, String> environment) {
        String value = environment.get(OPT_OUT);
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("default");
    }

    /**
     * Whether the JVM options {@code jvmArguments} (as {@code RuntimeMXBean.getInputArguments()} lists them, which
     * includes {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and option files) name one of
     * {@link #JIT_OPTIONS} ({@code -XX:Name=value}, {@code -XX:+Name}, {@code -XX:-Name}) or {@link #JIT_MODES}.
     */
    static boolean choosesJit(List<String> jvmArguments) {
        for (String arg : jvmArguments) {
            if (JIT_MODES.contains(arg)) {
                return true;
            }
            if (!arg.startsWith("-XX:")) {
                continue;
            }
            String name = arg.substring("-XX:".length());
            if (name.startsWith("+") || name.startsWith("-")) {
                name = name.substring(1);
            }
            int equals = name.indexOf('=');
            if (JIT_OPTIONS.contains(equals < 0 ? name : name.substring(0, equals))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes {@link #DIRECTIVE} to a temporary file, has the JVM add it ({@code Compiler.directives_add}, the
     * only form of which reads a file) and deletes the file; returns whether the JVM took it.
     */
    private static boolean addDirective() {
        Path file;
        try {
            file = Files.createTempFile("hindsight-jit-", ".json");
        } catch (IOException | SecurityException e) {
            // No writable temporary directory: the directive is an optimisation, the run does without it.
            return false;
        }
        try {
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return true;
        } catch (IOException | JMException | JMRuntimeException | SecurityException e) {
            // Not HotSpot, no jdk.management (no such MBean or operation), a security manager, or a full disk:
            // the JVM keeps its default JIT, which is slower for a batch run but gives the same output.
            return false;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A file of 50 bytes left in the temporary directory does not matter more than the run.
                file.toFile().deleteOnExit();
            }
        }
    }
}
