package dev.hindsight.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code --timings}: a listener that keeps, per stage, its wall time and the memory at its end (the heap in
 * use, and the process's peak resident set so far from {@code /proc/self/status} {@code VmHWM} where there
 * is one), and prints them as a small table ({@link #table}).
 */
public final class StageTimings implements BuildListener {

    /** One stage's measurements. */
    record Row(int count, Duration wall, long heapBytes, OptionalLong peakRssBytes) {
    }

    private final Map<Stage, Row> rows = new EnumMap<>(Stage.class);
    private final LongSupplier nanoTime;
    private final LongSupplier heapUsed;
    private final Supplier<OptionalLong> peakRss;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;

    /** Timings of this process: {@link System#nanoTime}, the runtime's heap, {@code /proc/self/status}. */
    public StageTimings() {
        this(System::nanoTime, StageTimings::heapInUse, StageTimings::processPeakRss);
    }

    /** With the clock and the memory probes given (tests). */
    public StageTimings(LongSupplier nanoTime, LongSupplier heapUsed, Supplier<OptionalLong> peakRss) {
        this.nanoTime = nanoTime;
        this.heapUsed = heapUsed;
        this.peakRss = peakRss;
    }

    @Override
    public synchronized void started(Stage stage, int total) {
        if (first == Long.MIN_VALUE) {
            first = nanoTime.getAsLong();
        }
    }

    @Override
    public void ended(Stage stage, int count, Duration wall) {
        long heap = heapUsed.getAsLong();
        OptionalLong rss = peakRss.get();
        long now = nanoTime.getAsLong();
        synchronized (this) {
            rows.put(stage, new Row(count, wall, heap, rss));
            last = Math.max(last, now);
        }
    }

    /**
     * The table, one line per stage the run reached, then the total wall time from the first stage's start to
     * the last one's end; empty when no stage ran. Lines end with {@code \n}.
     */
    public synchronized String table() {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-10s %9s %8s %11s %11s", "stage", "time", "items", "heap after",
                "peak RSS")).append('\n');
        for (Map.Entry<Stage, Row> e : rows.entrySet()) {
            Row r = e.getValue();
            String line = String.format(Locale.ROOT, "%-10s %9s %8d %11s %11s", e.getKey().label(),
                    seconds(r.wall()), r.count(), mebibytes(r.heapBytes()),
                    r.peakRssBytes().isPresent() ? mebibytes(r.peakRssBytes().getAsLong()) : "n/a");
            out.append(e.getKey().alongside() ? line + "  (alongside)" : line).append('\n');
        }
        Duration total = first == Long.MIN_VALUE || last == Long.MIN_VALUE ? Duration.ZERO
                : Duration.ofNanos(Math.max(0, last - first));
        out.append(String.format(Locale.ROOT, "%-10s %9s", "total", seconds(total))).append('\n');
        return out.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / (1024.0 * 1024.0)));
    }

    private static long heapInUse() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** {@code VmHWM} of {@code /proc/self/status} in bytes; empty where there is no such file (not Linux). */
    static OptionalLong processPeakRss() {
        return peakRss(Path.of("/proc/self/status"));
    }

    static OptionalLong peakRss(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    String[] words = line.substring("VmHWM:".length()).trim().split("\\s+");
                    if (words.length == 2 && words[1].equals("kB")) {
                        return OptionalLong.of(Long.parseLong(words[0]) * 1024);
                    }
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
