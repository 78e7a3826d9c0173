package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content-addressed cache of {@code check} and {@code build}: what it stores reads back equal, a run with it
 * gives exactly what a run without it gives whatever changed in between, and it survives damage.
 */
class DiskCacheTest {

    @TempDir
    Path tmp;

    private static final Optional<String> TOOL = Optional.of("tool-1");
    private static final String GAME_DAY = """
            ---
            title: Failover drill
            date: 2026-04-01
            ratio: 5.0
            share: 0.25
            big: 12345678901
            huge: 123456789012345678901234567890
            nested:
              list: [1, 2.50, "three", true, null, {deep: [x]}]
            ---
            # Failover drill

            We failed over the orders database on purpose.

            | step | result |
            |------|--------|
            | cut  | ok     |

            ```sh
            pg_ctl promote
            ```

            - [x] practise
            - [ ] write it up
            """;

    /** The example site with a generic kind and one document of it, in a Git repository with one commit. */
    private Path site() throws Exception {
        Path site = tmp.resolve("site");
        copyTree(ExampleSite.SOURCE, site);
        Files.writeString(site.resolve("hindsight.yml"), "kinds:\n  game-day:\n    folder: game-days\n    base: generic\n",
                StandardOpenOption.APPEND);
        Files.createDirectories(site.resolve("game-days"));
        Files.writeString(site.resolve("game-days/failover.md"), GAME_DAY);
        try (Git git = Git.init().setDirectory(site.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("site").setAuthor("A", "a@example.com").setCommitter("A", "a@example.com")
                    .setSign(false).call();
        }
        return site;
    }

    @Test
    void aStoredDocumentReadsBackEqualForEveryKindBuildAndCheck() throws Exception {
        Path site = site();
        dev.hindsight.source.YamlReader yaml = new dev.hindsight.source.YamlReader();
        for (Path out : new Path[] {tmp.resolve("out"), null}) {
            SiteBuilder builder = new SiteBuilder();
            Diagnostics diagnostics = new Diagnostics();
            SiteBuilder.Setup setup = builder.setup(new BuildOptions(site, out, false, "", null), diagnostics);
            KnowledgeBase kb = builder.load(setup.root(), setup.output(), setup.config(), null, diagnostics);
            List<Class<?>> kinds = new ArrayList<>();
            for (Document d : kb.documents()) {
                DiskCache.Entry entry = new DiskCache.Entry("k", d.meta().sourcePath(), d, diagnostics.sorted());
                DiskCache.Entry back = EntryCodec.read(EntryCodec.write(entry), yaml);
                assertThat(back).as(d.meta().sourcePath()).isEqualTo(entry);
                assertThat(back.document().getClass()).isEqualTo(d.getClass());
                // positions are worked out from the stored YAML text when asked, as from the original's
                assertThat(back.document().meta().source().frontMatter().keyPositions())
                        .isEqualTo(d.meta().source().frontMatter().keyPositions());
                kinds.add(d.getClass());
            }
            assertThat(kinds).contains(Postmortem.class, Runbook.class, GenericDocument.class);
            assertThat(kb.documents()).hasSize(19);
            if (out != null) {
                assertThat(kb.documents()).allMatch(d -> !d.body().html().isEmpty());
            }
            GenericDocument drill = (GenericDocument) kb.documents().stream()
                    .filter(d -> d instanceof GenericDocument).findFirst().orElseThrow();
            JsonNode root = drill.meta().source().frontMatter().root();
            assertThat(root.get("ratio").isBigDecimal()).isTrue();
            assertThat(root.get("big").isLong()).isTrue();
            assertThat(root.get("huge").isBigInteger()).isTrue();
        }
    }

    /** Diagnostics and every file written, byte for byte. */
    private record Outcome(List<Diagnostic> diagnostics, Map<String, String> files) {
    }

    private int runs;

    private Outcome build(Path site, DiskCache cache) {
        Path out = tmp.resolve("out-" + (++runs));
        BuildOptions options = new BuildOptions(site, out, false, "", ExampleSite.REFERENCE_DATE);
        BuildResult result = (cache == null ? new SiteBuilder() : new SiteBuilder(cache)).run(options);
        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();
        return new Outcome(result.diagnostics(), tree(out));
    }

    private static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private DiskCache open(Path site, Path dir, Optional<String> tool) {
        return DiskCache.open(dir, site, true, "", tool).orElseThrow();
    }

    /** A run through a fresh cache object on {@code dir}: its outcome must equal a run without any cache. */
    private DiskCache.Stats assertSameAsWithoutCache(Path site, Path dir, Optional<String> tool) {
        DiskCache cache = open(site, dir, tool);
        Outcome cached = build(site, cache);
        Outcome plain = build(site, null);
        assertThat(cached.diagnostics()).isEqualTo(plain.diagnostics());
        List<String> differing = new ArrayList<>();
        for (String f : new java.util.TreeSet<>(plain.files().keySet())) {
            if (!plain.files().get(f).equals(cached.files().get(f))) {
                differing.add(f);
            }
        }
        assertThat(differing).as("files written differently with the cache").isEmpty();
        assertThat(cached.files().keySet()).isEqualTo(plain.files().keySet());
        assertThat(cached.files()).hasSizeGreaterThan(50);
        return cache.stats();
    }

    @Test
    void neverStaleWhateverChanges() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        int documents = 19;
        // every file of the site that is read as a candidate document (the .md files)
        int files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = (int) walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/.git/")).count();
        }
        assertThat(files).isGreaterThanOrEqualTo(documents);

        DiskCache.Stats cold = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(cold.misses()).isEqualTo(files);
        assertThat(cold.written()).isEqualTo(files);

        DiskCache.Stats warm = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(warm.misses()).as("nothing changed: no document is read").isZero();
        assertThat(warm.hits()).isEqualTo(files);

        // (a) a document
        Path pm = site.resolve("postmortems/2026-01-27-api-latency-creep.md");
        Files.writeString(pm, Files.readString(pm).replace("## Timeline", "An engineer made a careless mistake.\n\n## Timeline"));
        DiskCache.Stats doc = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(doc.misses()).isEqualTo(1);
        assertThat(doc.hits()).isEqualTo(files - 1);

        // (b) hindsight.yml
        Path config = site.resolve("hindsight.yml");
        Files.writeString(config, Files.readString(config).replace("Shopfront Reliability Knowledge Base", "Reliability KB")
                .replace("kinds:\n", "kinds:\n  runbook:\n    show: [owner]\n") // read into each runbook's facts
                + "rules:\n  blameless-language: error\n");
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).misses()).isEqualTo(files);

        // (c) services.yml
        Path services = site.resolve("services.yml");
        Files.writeString(services, Files.readString(services).replace("Payment service", "Payment processing"));
        assertThat(Files.readString(services)).contains("Payment processing");
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).misses()).isEqualTo(files);

        // (d) a site template: reading is unchanged (every document from the cache), the pages are not
        Files.createDirectories(site.resolve("templates"));
        try (InputStream in = SiteBuilder.class.getResourceAsStream("/dev/hindsight/theme/templates/runbooks.ftlh")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(site.resolve("templates/runbooks.ftlh"), template + "\n<!-- our own template -->\n");
        }
        DiskCache.Stats template = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(template.misses()).isZero();
        Outcome withTemplate = build(site, open(site, dir, TOOL));
        assertThat(Files.readString(tmp.resolve("out-" + runs).resolve("runbooks/index.html")))
                .contains("<!-- our own template -->");
        assertThat(withTemplate.files()).isNotEmpty();

        // (e) the tool's code
        DiskCache.Stats tool = assertSameAsWithoutCache(site, dir, Optional.of("tool-2"));
        assertThat(tool.misses()).isEqualTo(files);
        assertThat(tool.hits()).isZero();
    }

    /** The Git history a load of {@code site} finds, through {@code cache} (none when null). */
    private static dev.hindsight.git.GitHistory history(Path site, DiskCache cache) throws IOException {
        SiteBuilder builder = cache == null ? new SiteBuilder() : new SiteBuilder(cache);
        Diagnostics diagnostics = new Diagnostics();
        SiteBuilder.Setup setup = builder.setup(new BuildOptions(site, null, false, "", ExampleSite.REFERENCE_DATE),
                diagnostics);
        // Loaded as a build loads (an output folder, never written here): a check reads HEAD alone when no runbook
        // needs its Git date, and these tests are about the whole history.
        return builder.load(setup.root(), site.resolveSibling("unwritten-output"), setup.config(),
                ExampleSite.REFERENCE_DATE, diagnostics).git();
    }

    /** The history read through a fresh cache on {@code dir} equals the one read without; returns the cached one. */
    private static dev.hindsight.git.GitHistory assertSameHistory(Path site, Path dir) throws IOException {
        dev.hindsight.git.GitHistory cached = history(site, DiskCache.open(dir, site, false, "", TOOL).orElseThrow());
        dev.hindsight.git.GitHistory plain = history(site, null);
        assertThat(cached.headId()).isEqualTo(plain.headId());
        assertThat(cached.headTime()).isEqualTo(plain.headTime());
        assertThat(cached.files()).isEqualTo(plain.files());
        assertThat(plain.historyWalks()).isEqualTo(1);
        return cached;
    }

    /** Long enough for a file written before it to be trusted by its stat ({@link StatIndex#RACY_SECONDS}). */
    private static void letTheClockMoveOn() throws InterruptedException {
        Thread.sleep(StatIndex.RACY_SECONDS * 1000L + 500);
    }

    @Test
    void neverStaleWhateverGitOrTheWorkTreeDoes() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        int files;
        try (Stream<Path> walk = Files.walk(site)) {
            files = (int) walk.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/.git/")).count();
        }
        letTheClockMoveOn();
        DiskCache.Stats cold = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(cold.fileReads()).isEqualTo(files);
        assertThat(cold.historyHits()).isZero();
        assertThat(cold.historyWritten()).isEqualTo(1);

        // nothing changed: no document file is read, and the history is not walked
        DiskCache.Stats warm = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(warm.fileReads()).as("files read").isZero();
        assertThat(warm.hits()).isEqualTo(files);
        assertThat(warm.historyHits()).isEqualTo(1);
        assertThat(warm.historyWritten()).isZero();
        assertThat(assertSameHistory(site, dir).historyWalks()).as("walks with a warm cache").isZero();

        Path pm = site.resolve("postmortems/2026-01-27-api-latency-creep.md");
        String original = Files.readString(pm);
        try (Git git = Git.open(site.toFile())) {
            org.eclipse.jgit.lib.ObjectId first = git.getRepository().resolve("HEAD");
            // (a) a commit
            Files.writeString(pm, original.replace("## Timeline", "We looked at the graphs.\n\n## Timeline"));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("more").setAuthor("B", "b@example.com").setCommitter("B", "b@example.com")
                    .setSign(false).call();
            DiskCache.Stats committed = assertSameAsWithoutCache(site, dir, TOOL);
            assertThat(committed.historyWritten()).isEqualTo(1);
            assertThat(committed.misses()).isEqualTo(1);
            assertThat(assertSameHistory(site, dir).historyWalks()).isZero();

            // (b) a checkout of another branch, at the first commit: its history is still kept
            git.checkout().setCreateBranch(true).setName("other").setStartPoint(first.name()).call();
            assertThat(Files.readString(pm)).isEqualTo(original);
            DiskCache.Stats other = assertSameAsWithoutCache(site, dir, TOOL);
            assertThat(other.historyHits()).isEqualTo(1);
            assertThat(other.historyWritten()).isZero();

            // (c) an amended commit
            Files.writeString(pm, original.replace("## Timeline", "Amended.\n\n## Timeline"));
            git.add().addFilepattern(".").call();
            git.commit().setAmend(true).setMessage("site, amended").setAuthor("C", "c@example.com")
                    .setCommitter("C", "c@example.com").setSign(false).call();
            assertThat(assertSameAsWithoutCache(site, dir, TOOL).historyWritten()).isEqualTo(1);
            assertThat(assertSameHistory(site, dir).file("postmortems/2026-01-27-api-latency-creep.md")
                    .orElseThrow().contributors()).containsExactly("C");

            // (d) a modified file and an untracked one: the kept history, with the live status on top
            Files.writeString(pm, original.replace("## Timeline", "Not committed.\n\n## Timeline"));
            Files.writeString(site.resolve("runbooks/untracked.md"), "---\ntitle: Untracked\nservice: checkout\n---\n"
                    + "# Overview\n\nNew.\n");
            DiskCache.Stats dirty = assertSameAsWithoutCache(site, dir, TOOL);
            assertThat(dirty.historyHits()).isEqualTo(1);
            assertThat(dirty.historyWritten()).isZero();
            dev.hindsight.git.GitHistory live = assertSameHistory(site, dir);
            assertThat(live.historyWalks()).isZero();
            assertThat(live.file("postmortems/2026-01-27-api-latency-creep.md").orElseThrow().uncommitted()).isTrue();
            assertThat(live.file("runbooks/untracked.md").orElseThrow().untracked()).isTrue();

            // (e) a .mailmap (read from the work tree, not committed)
            Files.writeString(site.resolve(".mailmap"), "Cecilia Proper <c@example.com>\n");
            assertThat(assertSameAsWithoutCache(site, dir, TOOL).historyWritten()).isEqualTo(1);
            assertThat(assertSameHistory(site, dir).file("postmortems/2026-01-27-api-latency-creep.md")
                    .orElseThrow().contributors()).containsExactly("Cecilia Proper");
        }

        // (f) an edit that keeps the size and sets the modification time back, to a file trusted by its stat
        letTheClockMoveOn();
        // The two files written in (d) are read again if every run since then came within the racy window of
        // their writing (a fast machine); after that run, or a slower machine's, every file is trusted again.
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).fileReads()).isBetween(0, 2);
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).fileReads()).isZero();
        Path drill = site.resolve("game-days/failover.md");
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(drill);
        long size = Files.size(drill);
        Files.writeString(drill, Files.readString(drill).replace("title: Failover drill", "title: Failover DRILL"));
        Files.setLastModifiedTime(drill, mtime);
        assertThat(Files.size(drill)).isEqualTo(size);
        DiskCache.Stats touched = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(touched.fileReads()).isEqualTo(1);
        assertThat(touched.misses()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("out-" + runs).resolve("game-days/failover/index.html")))
                .contains("Failover DRILL");
    }

    @Test
    void aDamagedHistoryOrStatIndexIsAMiss() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        letTheClockMoveOn();
        assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).fileReads()).isZero();
        List<Path> kept;
        try (Stream<Path> list = Files.list(dir)) {
            kept = list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.(history|files)")).sorted()
                    .toList();
        }
        assertThat(kept).hasSize(2);
        for (Path p : kept) {
            byte[] bytes = Files.readAllBytes(p);
            bytes[bytes.length / 2] ^= 0x20; // one bit flipped in the middle
            Files.write(p, bytes);
        }
        DiskCache.Stats damaged = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(damaged.historyWritten()).isEqualTo(1);
        assertThat(damaged.misses()).isZero();
        for (Path p : kept) {
            Files.write(p, java.util.Arrays.copyOf(Files.readAllBytes(p), 100)); // cut short
        }
        assertThat(assertSameHistory(site, dir).historyWalks()).isEqualTo(1);
        DiskCache.Stats cut = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(cut.historyWritten()).isZero(); // assertSameHistory's run wrote it again
        assertThat(cut.historyHits()).isEqualTo(1);
    }

    @Test
    void aDamagedEntryIsAMissAndIsWrittenAgain() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        assertSameAsWithoutCache(site, dir, TOOL);
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.entry")).sorted().toList();
        }
        assertThat(entries).hasSizeGreaterThan(6);
        byte[] whole = Files.readAllBytes(entries.get(0));
        Files.write(entries.get(0), java.util.Arrays.copyOf(whole, whole.length / 2)); // cut short
        Files.writeString(entries.get(1), "not an entry at all");
        Files.write(entries.get(2), new byte[0]);
        Files.copy(entries.get(4), entries.get(3), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // another's entry
        Files.write(entries.get(5), new byte[] {0, 1}, StandardOpenOption.APPEND); // trailing data
        byte[] flipped = Files.readAllBytes(entries.get(6));
        flipped[flipped.length / 2] ^= 0x04; // one bit flipped in the middle
        Files.write(entries.get(6), flipped);

        DiskCache.Stats damaged = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(damaged.misses()).isEqualTo(6);
        assertThat(damaged.written()).isEqualTo(6);
        assertThat(assertSameAsWithoutCache(site, dir, TOOL).misses()).isZero();
    }

    @Test
    void aDirectoryWithTooManyEntriesKeepsOnlyThisRunsAndNothingElseIsDeleted() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Path subEntry = Files.writeString(dir.resolve("sub").resolve("a".repeat(64) + ".entry"), "x");
        for (int i = 0; i < 200; i++) {
            Files.writeString(dir.resolve(String.format(java.util.Locale.ROOT, "%064x.entry", i)), "x");
        }
        Files.writeString(dir.resolve("A".repeat(64) + ".entry"), "not our name: upper-case");
        Files.writeString(dir.resolve("b".repeat(63) + ".entry"), "not our name: too short");
        Files.writeString(dir.resolve("c".repeat(64) + ".entry.bak"), "not our name: more after it");
        Files.writeString(dir.resolve("." + "d".repeat(64) + ".entry.tmp-Q"), "not our name: upper-case suffix");
        DiskCache.Stats stats = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(stats.pruned()).isEqualTo(200);
        try (Stream<Path> list = Files.list(dir)) {
            assertThat(list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.entry")).count())
                    .isEqualTo(stats.written());
        }
        assertThat(dir.resolve("A".repeat(64) + ".entry")).exists();
        assertThat(dir.resolve("b".repeat(63) + ".entry")).exists();
        assertThat(dir.resolve("c".repeat(64) + ".entry.bak")).exists();
        assertThat(dir.resolve("." + "d".repeat(64) + ".entry.tmp-Q")).exists();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        assertThat(subEntry).exists();
        assertThat(dir.resolve(".gitignore")).doesNotExist(); // not created by us: left alone
    }

    @Test
    void entriesOfTheOldJsonFormAreDeletedAndNothingElse() throws Exception {
        Path site = site();
        Path dir = tmp.resolve("cache");
        Files.createDirectories(dir);
        Path old = Files.writeString(dir.resolve("e".repeat(64) + ".json"), "{\"key\":\"old\"}");
        Path oldTemporary = Files.writeString(dir.resolve("." + "e".repeat(64) + ".json.tmp-1-2-3"), "{");
        Files.setLastModifiedTime(oldTemporary, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
        Path other = Files.writeString(dir.resolve("report.json"), "{}");
        DiskCache.Stats stats = assertSameAsWithoutCache(site, dir, TOOL);
        assertThat(stats.pruned()).isZero(); // not this version's entries: not counted as pruned
        assertThat(old).doesNotExist();
        assertThat(oldTemporary).doesNotExist();
        assertThat(other).exists();
    }

    @Test
    void theCacheItCreatesStaysOutOfGitStatusAndItsFilesFollowTheUmask() throws Exception {
        Path site = site();
        Path dir = site.resolve(".hindsight").resolve("cache");
        DiskCache cache = open(site, dir, TOOL);
        build(site, cache);
        assertThat(cache.stats().written()).isGreaterThan(0);
        assertThat(site.resolve(".hindsight/.gitignore")).exists();
        assertThat(dir.resolve(".gitignore")).exists();
        try (Git git = Git.open(site.toFile())) {
            assertThat(git.status().call().getUntracked()).isEmpty();
            assertThat(git.status().call().isClean()).isTrue();
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                        .isEqualTo(Files.getPosixFilePermissions(site.resolve("hindsight.yml")));
            }
        }
    }

    @Test
    void aFileThatChangesWhileItIsReadIsNotStored() throws Exception {
        Path site = site();
        DiskCache cache = open(site, tmp.resolve("cache"), TOOL);
        Path file = site.resolve("notes.md");
        Files.writeString(file, "one");
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Diagnostics, Document> changing = d -> {
            reads.incrementAndGet();
            try {
                Files.writeString(file, "two " + reads.get()); // saved by an editor in the middle of the read
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        };
        cache.document(file, "notes.md", changing, new Diagnostics());
        assertThat(cache.stats().written()).isZero();
        Files.writeString(file, "one");
        cache.document(file, "notes.md", changing, new Diagnostics());
        assertThat(reads).as("nothing was kept for the bytes \"one\"").hasValue(2);

        java.util.function.Function<Diagnostics, Document> stable = d -> null;
        cache.document(file, "notes.md", stable, new Diagnostics());
        cache.document(file, "notes.md", d -> {
            throw new AssertionError("read again");
        }, new Diagnostics());
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    /** Copies a directory tree (files and folders only). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
