package dev.hindsight.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the heap of a one-shot {@code check} or {@code build} near what it holds when the JVM runs the default
 * collector, G1 (issue 18: peak RSS at most 1 GiB at 10k documents under the JVM's defaults).
 *
 * <p>Why: G1 grows its heap after a young collection whenever collecting took more than a few per cent of the
 * time, and while the heap is under half its maximum (a quarter of the machine's memory) it lowers that bar
 * further, so a run whose documents pile up grows to three or more times what it holds (10k documents: about
 * 240 MB live after each collection in a heap of 1.3 GB). It gives memory back only at the end of a concurrent
 * cycle (Remark) or a full collection, which such a run never reaches. Java 17 lets a running program change
 * three of G1's settings ({@code manageable}); this sets them, only where the command line did not:
 * <ul>
 *   <li>{@code G1PeriodicGCInterval=300}: a concurrent cycle when no collection ran for 300 ms (at 1000 ms a fast run
 *       collects more often than that and never gets one);
 *   <li>{@code MinHeapFreeRatio=5}, {@code MaxHeapFreeRatio=15}: at the end of each cycle the heap is cut to
 *       what it holds plus at most 15 % free. The next young collections that take more than a per cent or so of
 *       the time grow it again by up to its size (twice, three times), so the heap it is cut to bounds the peak:
 *       at 30 % free a 10k build peaked at 0.86-1.12 GiB, at 15 % at 0.74-0.98 GiB, in the same time (bench/README.md).
 * </ul>
 * Nothing else changes: the launcher's ParallelGC ignores these (this does nothing there), {@code serve} and the
 * other commands are left alone, and the Maven plugin, which runs inside Maven's own JVM, never calls this.
 * {@code -XX:} options on the command line, {@code JAVA_TOOL_OPTIONS} or {@code HINDSIGHT_JAVA_OPTS} win.
 */
final class BatchHeap {

    /** The settings, in the order they are set: the lower bound first, so that it never exceeds the upper. */
    static final List<Setting> SETTINGS = List.of(new Setting("G1PeriodicGCInterval", "300"),
            new Setting("MinHeapFreeRatio", "5"), new Setting("MaxHeapFreeRatio", "15"));

    /** One manageable VM option and the value a batch run gives it. */
    record Setting(String name, String value) {
    }

    private BatchHeap() {
    }

    /** Whether a run of {@code commands} is a one-shot check or build. */
    static boolean appliesTo(List<Main.Subcommand> commands) {
        return commands.equals(List.of(Main.Subcommand.CHECK)) || commands.equals(List.of(Main.Subcommand.BUILD));
    }

    /** {@link #tune(HotSpotDiagnosticMXBean)} on this JVM; nothing when it has no such bean. */
    static List<Setting> tune() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return vm == null ? List.of() : tune(vm);
    }

    /**
     * Sets {@link #SETTINGS} on {@code vm} when it runs G1, each only while it has its default value; returns
     * what was set. A setting the JVM refuses (a lower bound the command line set above 15) is left as it is.
     */
    static List<Setting> tune(HotSpotDiagnosticMXBean vm) {
        if (!"true".equals(vm.getVMOption("UseG1GC").getValue())) {
            return List.of();
        }
        List<Setting> set = new ArrayList<>();
        for (Setting s : SETTINGS) {
            if (vm.getVMOption(s.name()).getOrigin() != VMOption.Origin.DEFAULT) {
                continue;
            }
            try {
                vm.setVMOption(s.name(), s.value());
                set.add(s);
            } catch (IllegalArgumentException e) {
                // Out of range against a bound the user set: theirs stands.
            }
        }
        return List.copyOf(set);
    }
}
