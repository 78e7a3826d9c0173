package dev.hindsight.build;

import dev.hindsight.api.BuildOptions;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** What the tests of the writing side share: a site loaded as a build loads it, its config, an output's files. */
final class LoadedSite {

    private LoadedSite() {
    }

    /** The documents of {@code src} as a build into {@code output} reads them (HTML rendered), on {@code today}. */
    static KnowledgeBase load(Path src, Path output, LocalDate today) throws IOException {
        SiteBuilder builder = new SiteBuilder();
        Diagnostics d = new Diagnostics();
        SiteBuilder.Setup setup = builder.setup(BuildOptions.build(src, output), d);
        return builder.load(setup.root(), setup.output(), setup.config(), today, d);
    }

    static SiteConfig config(Path src) {
        return new SiteBuilder().setup(BuildOptions.check(src), new Diagnostics()).config();
    }

    /** Every file under {@code dir}, relative and sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
