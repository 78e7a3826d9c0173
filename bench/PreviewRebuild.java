// The one-file rebuild of the live preview: one full build, then N edits of one runbook's title,
// each followed by the incremental update `hindsight serve` runs. Prints one line per edit as it goes
// ("edit I publish_ms P validated_ms V pages R", so that a run stopped early still says something), then
// the median and p90.
//
//   java -cp generator/target/hindsight.jar bench/PreviewRebuild.java <site root> <output dir> [edits]
//
// It edits a file of <site root> and puts it back at the end, unless it is killed: bench/run runs it on
// a copy of the corpus.
//
// The time is PreviewSession.update's own, without the file-watcher's debounce: until the pages are
// written (when the live-reload event fires), and in all (data files, search index, rescan, validation).
// The process CPU time until the pages are written (all threads: rendering runs in parallel, and JIT
// and GC count too) is printed as well: on a shared machine it varies far less than the wall time.
import dev.hindsight.api.BuildOptions;
import dev.hindsight.build.PreviewSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public class PreviewRebuild {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        PreviewSession session = new PreviewSession(BuildOptions.build(site, out).withDrafts(true)
                .withReferenceDate(LocalDate.of(2026, 11, 1)));
        PreviewSession.Update first = session.update(List.of());
        System.out.printf("full build: %d pages in %d ms%n", first.rendered(), first.millis());
        System.out.flush();
        Path file;
        try (Stream<Path> files = Files.list(site.resolve("runbooks"))) {
            file = files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
        String original = Files.readString(file);
        List<Long> times = new ArrayList<>();
        List<Long> checked = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        try {
            for (int i = 1; i <= edits; i++) {
                Files.writeString(file, original.replaceFirst("title: ", "title: Edit " + i + " "));
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + i * 2000L));
                long cpu0 = os.getProcessCpuTime();
                long[] cpuAtPublish = {cpu0};
                PreviewSession.Update u = session.update(List.of(file), () -> cpuAtPublish[0] = os.getProcessCpuTime());
                cpu.add((cpuAtPublish[0] - cpu0) / 1_000_000);
                if (u.full()) {
                    throw new IllegalStateException("expected an incremental update");
                }
                times.add(u.publishMillis());
                checked.add(u.millis());
                pages.add(u.rendered());
                System.out.printf("edit %d publish_ms %d validated_ms %d pages %d%n", i, u.publishMillis(), u.millis(),
                        u.rendered());
                System.out.flush();
            }
        } finally {
            Files.writeString(file, original);
        }
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        List<Long> all = new ArrayList<>(checked);
        all.sort(null);
        cpu.sort(null);
        System.out.printf("one-file rebuild over %d edits of %s: pages written after median %d ms, p90 %d ms, "
                        + "min %d ms (%d pages re-rendered each); with validation median %d ms; "
                        + "process CPU until written median %d ms, p90 %d ms%n", edits,
                site.relativize(file), sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(0), pages.get(pages.size() - 1),
                all.get(all.size() / 2), cpu.get(cpu.size() / 2), cpu.get((int) Math.ceil(cpu.size() * 0.9) - 1));
    }
}
