package dev.hindsight.preview;

import dev.hindsight.api.PreviewOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.git.TestRepo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A preview of a real Git repository (made by JGit, changed by the real {@code git} command), built
 * where {@code hindsight serve} builds by default: {@code .hindsight/preview} inside the site root.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PreviewGitTest {

    /** How long a test watches for rebuilds after a Git command: a loop rebuilds several times a second. */
    private static final long QUIET_MILLIS = 2500;

    @TempDir
    Path tmp;

    private PreviewServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> reloads = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestRepo repo() throws Exception {
        Path dir = tmp.resolve("kb");
        SiteFixture.write(dir, "-- runbooks/api.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("API runbook")
                + "-- runbooks/db.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("DB runbook"));
        TestRepo repo = TestRepo.init(dir);
        repo.commit("Ada Lovelace", "2024-01-10T10:00:00Z", "Knowledge base");
        return repo;
    }

    private String start(Path source) throws Exception {
        PreviewOptions options = PreviewOptions.of(source, source.resolve(".hindsight/preview")).withPort(0)
                .withReferenceDate(LocalDate.of(2024, 2, 1));
        server = new PreviewServer(options, log::add);
        String base = "http://127.0.0.1:" + server.start().getPort();
        listen(base);
        return base;
    }

    /** Reads the event stream on a daemon thread, queueing the reload events. */
    private void listen(String base) throws InterruptedException {
        BlockingQueue<String> connected = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + PreviewServer.EVENTS).toURL().openConnection();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.equals("event: reload")) {
                            reloads.add(line);
                        } else if (line.equals("event: diagnostics")) {
                            connected.add(line);
                        }
                    }
                }
            } catch (Exception ignored) {
                // The server stopped.
            }
        }, "sse-git-test");
        t.setDaemon(true);
        t.start();
        assertThat(connected.poll(20, TimeUnit.SECONDS)).as("the event stream connects").isNotNull();
    }

    /** Waits until no build has started for {@code QUIET_MILLIS}; fails when builds never stop. */
    private void settle() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long seen = server.buildCount();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(100);
            long now = server.buildCount();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                reloads.clear();
                return;
            }
        }
        throw new AssertionError("the preview never stopped rebuilding: " + server.buildCount() + " builds; log: "
                + log.subList(Math.max(0, log.size() - 5), log.size()));
    }

    /** The builds and reload events within {@code QUIET_MILLIS} after {@code action}. */
    private long[] countAfter(Action action) throws Exception {
        settle();
        long before = server.buildCount();
        action.run();
        Thread.sleep(QUIET_MILLIS);
        long builds = server.buildCount() - before;
        long reloadEvents = reloads.size();
        return new long[] {builds, reloadEvents};
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "user.name=Test",
                "-c", "user.email=test@example.com", "-c", "core.fsmonitor=false"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    @Test
    void gitCheckoutOfAFileRebuildsOnce() throws Exception {
        try (TestRepo repo = repo()) {
            start(repo.dir);
            Path api = repo.dir.resolve("runbooks/api.md");

            long[] edit = countAfter(() -> Files.writeString(api, SiteFixture.VALID_RUNBOOK.formatted("Edited")));
            assertThat(edit).as("builds and reloads after an edit; log: %s", log).containsExactly(1, 1);

            long[] checkout = countAfter(() -> git(repo.dir, "checkout", "--", "runbooks/api.md"));
            assertThat(checkout).as("builds and reloads after git checkout -- FILE; log: %s", log).containsExactly(1, 1);
            assertThat(Files.readString(repo.dir.resolve(".hindsight/preview/runbooks/api/index.html")))
                    .contains("API runbook").doesNotContain("Edited");

            long[] status = countAfter(() -> git(repo.dir, "status", "--porcelain"));
            assertThat(status).as("builds and reloads after git status; log: %s", log).containsExactly(0, 0);

            long[] unchanged = countAfter(() -> git(repo.dir, "checkout", "--", "runbooks/db.md"));
            assertThat(unchanged).as("builds and reloads after checking out an unchanged file; log: %s", log)
                    .containsExactly(0, 0);

            long[] packRefs = countAfter(() -> git(repo.dir, "pack-refs", "--all"));
            assertThat(packRefs).as("builds and reloads after git pack-refs; log: %s", log).containsExactly(0, 0);
        }
    }

    @Test
    void gitStashAndStashPopRebuildOnceEach() throws Exception {
        try (TestRepo repo = repo()) {
            start(repo.dir);
            Path api = repo.dir.resolve("runbooks/api.md");
            countAfter(() -> Files.writeString(api, SiteFixture.VALID_RUNBOOK.formatted("Stashed")));

            long[] stash = countAfter(() -> git(repo.dir, "stash"));
            assertThat(stash).as("builds and reloads after git stash; log: %s", log).containsExactly(1, 1);
            assertThat(Files.readString(repo.dir.resolve(".hindsight/preview/runbooks/api/index.html")))
                    .contains("API runbook");

            long[] pop = countAfter(() -> git(repo.dir, "stash", "pop"));
            assertThat(pop).as("builds and reloads after git stash pop; log: %s", log).containsExactly(1, 1);
            assertThat(Files.readString(repo.dir.resolve(".hindsight/preview/runbooks/api/index.html")))
                    .contains("Stashed");
        }
    }

    @Test
    void aPreviewLeavesTheWorkTreeClean() throws Exception {
        try (TestRepo repo = repo()) {
            start(repo.dir);
            countAfter(() -> Files.writeString(repo.dir.resolve("runbooks/api.md"),
                    SiteFixture.VALID_RUNBOOK.formatted("Edited")));
            Status status = repo.git.status().call();
            assertThat(status.getUntracked()).as("untracked files after a preview").isEmpty();
            assertThat(status.getModified()).containsExactly("runbooks/api.md");
            // JGit's getUntrackedFolders() also lists folders that hold only ignored files, unlike Git:
            // the porcelain status of the real git command is what a writer sees.
            assertThat(git(repo.dir, "status", "--porcelain", "--untracked-files=all"))
                    .isEqualTo(" M runbooks/api.md\n");
        }
    }

    @Test
    void theWatcherIgnoresThePreviewsOwnWritesAndGitsFolder() throws Exception {
        Path src = tmp.resolve("kb");
        Path out = tmp.resolve("kb/build/preview");
        try (PreviewServer s = new PreviewServer(PreviewOptions.of(src, out), line -> { })) {
            assertThat(s.relevant(src.resolve("build/preview/index.html"))).isFalse();
            assertThat(s.relevant(src.resolve("build/.preview.tmp-8123/runbooks/api/index.html"))).isFalse();
            assertThat(s.relevant(src.resolve("build/.preview.old-77/index.html"))).isFalse();
            assertThat(s.relevant(src.resolve(".hindsight/.preview.tmp-1/index.html"))).isFalse();
            assertThat(s.relevant(src.resolve(".git/index.lock"))).isFalse();
            assertThat(s.relevant(src.resolve(".git/refs/stash"))).isFalse();
            assertThat(s.relevant(src.resolve("sub/.git/packed-refs"))).isFalse();
            assertThat(s.relevant(src.resolve(".idea/workspace.xml"))).isFalse();
            assertThat(s.relevant(tmp.resolve("elsewhere/runbooks/api.md"))).isFalse();

            assertThat(s.relevant(src.resolve("runbooks/api.md"))).isTrue();
            assertThat(s.relevant(src.resolve("build/other.md"))).isTrue();
            assertThat(s.relevant(src.resolve("hindsight.yml"))).isTrue();
            assertThat(s.relevant(src.resolve("static/.well-known/security.txt"))).isTrue();
        }
    }

    @Test
    void aGitignoreOfTheWritersOwnInHindsightIsLeftAlone() throws Exception {
        Path src = tmp.resolve("kb");
        Files.createDirectories(src.resolve(".hindsight"));
        Files.writeString(src.resolve(".hindsight/.gitignore"), "mine\n");
        PreviewServer.keepOutOfGit(src, src.resolve(".hindsight/preview"));
        assertThat(src.resolve(".hindsight/.gitignore")).hasContent("mine");

        PreviewServer.keepOutOfGit(src, src.resolve("target/preview"));
        assertThat(src.resolve("target")).doesNotExist();

        Path other = tmp.resolve("other");
        PreviewServer.keepOutOfGit(other, other.resolve(".hindsight/preview"));
        assertThat(other.resolve(".hindsight/.gitignore")).hasContent("""
                # Written by `hindsight serve`: the preview is rebuilt on every save and never committed.
                /.gitignore
                /preview/
                /.preview.tmp-*/
                /.preview.old-*/""");
    }

    @Test
    void theGitignoreThatInitWritesListsTheHindsightFolder() throws Exception {
        try (var in = PreviewServer.class.getResourceAsStream("/dev/hindsight/init/gitignore")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).contains(".hindsight/");
        }
    }
}
