package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a one-shot check or build under G1 (the JVM's default collector) sets G1's periodic collection and
 * free ratios, so that the heap is cut back to what it holds; only where nobody set them, and nothing under
 * another collector (the launcher's ParallelGC). Each case runs in a child JVM of its own, whose options start
 * at their defaults ({@link Probe}).
 */
class BatchHeapTest {

    /** Tunes its JVM as a check does and prints what it set, then the three options' values and origins. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println("set " + BatchHeap.tune());
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String name : List.of("G1PeriodicGCInterval", "MinHeapFreeRatio", "MaxHeapFreeRatio")) {
                System.out.println(name + "=" + vm.getVMOption(name).getValue() + " "
                        + vm.getVMOption(name).getOrigin());
            }
        }
    }

    private static List<String> probe(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void onlyAOneShotCheckOrBuildIsTuned() {
        assertThat(BatchHeap.appliesTo(Main.commandsFor(new String[] {"check", "--source", "x"}))).isTrue();
        assertThat(BatchHeap.appliesTo(Main.commandsFor(new String[] {"--quiet", "build"}))).isTrue();
        assertThat(BatchHeap.appliesTo(Main.commandsFor(new String[] {"serve"}))).isFalse();
        assertThat(BatchHeap.appliesTo(Main.commandsFor(new String[] {"rules"}))).isFalse();
        assertThat(BatchHeap.appliesTo(Main.commandsFor(new String[] {"--help"}))).isFalse();
    }

    @Test
    void underG1TheDefaultsAreSetToCollectPeriodicallyAndGiveBackFreeHeap() throws Exception {
        assertThat(probe("-XX:+UseG1GC")).containsExactly(
                "set [Setting[name=G1PeriodicGCInterval, value=300], Setting[name=MinHeapFreeRatio, value=5], "
                        + "Setting[name=MaxHeapFreeRatio, value=15]]",
                "G1PeriodicGCInterval=300 MANAGEMENT", "MinHeapFreeRatio=5 MANAGEMENT",
                "MaxHeapFreeRatio=15 MANAGEMENT");
    }

    @Test
    void aValueTheCommandLineSetIsKept() throws Exception {
        assertThat(probe("-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=80", "-XX:G1PeriodicGCInterval=0")).containsExactly(
                "set [Setting[name=MinHeapFreeRatio, value=5]]",
                "G1PeriodicGCInterval=0 VM_CREATION", "MinHeapFreeRatio=5 MANAGEMENT",
                "MaxHeapFreeRatio=80 VM_CREATION");
        // A lower bound above 15 makes 15 an invalid upper bound: the user's settings stand.
        assertThat(probe("-XX:+UseG1GC", "-XX:MinHeapFreeRatio=50")).containsExactly(
                "set [Setting[name=G1PeriodicGCInterval, value=300]]",
                "G1PeriodicGCInterval=300 MANAGEMENT", "MinHeapFreeRatio=50 VM_CREATION",
                "MaxHeapFreeRatio=70 DEFAULT");
    }

    @Test
    void anotherCollectorIsLeftAlone() throws Exception {
        assertThat(probe("-XX:+UseParallelGC")).containsExactly("set []",
                "G1PeriodicGCInterval=0 DEFAULT", "MinHeapFreeRatio=0 DEFAULT", "MaxHeapFreeRatio=100 DEFAULT");
    }
}
