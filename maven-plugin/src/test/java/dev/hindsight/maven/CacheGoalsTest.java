package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check and build keep their cache in {@code cacheDir} (target/hindsight-cache), none with {@code skipCache}. */
class CacheGoalsTest {

    @TempDir
    Path tmp;

    private CheckMojo check(Path site, Path cache, boolean skip) {
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(new RecordingLog());
        mojo.environment = name -> null;
        Mojos.set(mojo, "siteDirectory", site.toFile());
        Mojos.set(mojo, "failOn", "error");
        Mojos.set(mojo, "referenceDate", "2026-03-01");
        Mojos.set(mojo, "reportsDirectory", tmp.resolve("reports").toFile());
        Mojos.set(mojo, "cacheDir", cache.toFile());
        Mojos.set(mojo, "skipCache", skip);
        return mojo;
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.entry")).count();
        }
    }

    @Test
    void theCacheGoesToCacheDirUnlessSkipped() throws Exception {
        Path site = Sites.runbookSite(tmp.resolve("site"), "2026-02-01");
        Path cache = tmp.resolve("target/hindsight-cache");
        check(site, cache, true).execute();
        assertThat(cache).doesNotExist();
        check(site, cache, false).execute();
        assertThat(entries(cache)).isPositive();
        check(site, cache, false).execute(); // warm: same outcome, no failure
        assertThat(site.resolve(".hindsight")).doesNotExist();
    }
}
