package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild over a published site keeps the files that did not change (hard links to the published ones,
 * so the old site's deletion frees nothing of them) and ends up exactly as a build into an empty folder.
 */
class RebuildReuseTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            ---
            ## Summary
            Checkout failed for twelve minutes. See the [runbook](../runbooks/checkout.md) and ![graph](graph.png).
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            ---
            ## Mitigation
            Roll back the last deploy.
            -- runbooks/payments.md --
            ---
            title: Payments runbook
            service: payments
            ---
            ## Mitigation
            Fail over to the standby.
            -- postmortems/graph.png --
            not really a picture
            -- static/robots.txt --
            User-agent: *
            """;

    @TempDir
    Path tmp;

    @Test
    void unchangedFilesAreKeptChangedOnesAreNewAndTheSiteEqualsAFreshBuild() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        Object payments = inode(out.resolve("runbooks/payments/index.html"));
        Object checkout = inode(out.resolve("runbooks/checkout/index.html"));
        Object robots = inode(out.resolve("robots.txt"));
        Object graph = inode(out.resolve("postmortems/graph.png"));
        Object facets = inode(out.resolve("search/data/facets.js"));

        Path runbook = src.resolve("runbooks/checkout.md");
        Files.writeString(runbook, Files.readString(runbook).replace("last deploy", "last two deploys"));
        new Hindsight().build(BuildOptions.build(src, out));

        assertThat(inode(out.resolve("runbooks/payments/index.html"))).isEqualTo(payments);
        assertThat(inode(out.resolve("robots.txt"))).isEqualTo(robots);
        assertThat(inode(out.resolve("postmortems/graph.png"))).isEqualTo(graph);
        assertThat(inode(out.resolve("search/data/facets.js"))).isEqualTo(facets);
        assertThat(inode(out.resolve("runbooks/checkout/index.html"))).isNotEqualTo(checkout);
        assertThat(Files.readString(out.resolve("runbooks/checkout/index.html"))).contains("last two deploys");
        assertThat(Files.getAttribute(out.resolve("runbooks/payments/index.html"), "unix:nlink")).isEqualTo(1);

        Path fresh = tmp.resolve("fresh");
        new Hindsight().build(BuildOptions.build(src, fresh));
        assertSameTree(out, fresh);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("fresh", "out", "src");
        }
    }

    @Test
    void aPublishedFileChangedByHandIsWrittenAgainNotKept() throws IOException {
        Path page = published().resolve("runbooks/payments/index.html");
        String html = Files.readString(page);
        Files.delete(page); // a new file of the same length, one letter changed
        Files.writeString(page, html.replace("Fail over", "Fail OVER"));

        rebuild();

        assertThat(Files.readString(page)).isEqualTo(html);
    }

    @Test
    void aLinkInThePublishedSiteIsNeitherFollowedNorKept() throws IOException {
        Path page = published().resolve("runbooks/payments/index.html");
        Path elsewhere = tmp.resolve("elsewhere.html");
        Files.copy(page, elsewhere);
        Files.delete(page);
        Files.createSymbolicLink(page, elsewhere);

        rebuild();

        assertThat(Files.isSymbolicLink(page)).isFalse();
        assertThat(Files.isRegularFile(page, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.mismatch(page, elsewhere)).isEqualTo(-1L);
        assertThat(inode(page)).isNotEqualTo(inode(elsewhere));
        assertThat(Files.getAttribute(elsewhere, "unix:nlink")).isEqualTo(1);
    }

    @Test
    void aPublishedFileWithAnotherNameElsewhereIsWrittenAgainNotShared() throws IOException {
        Path out = published();
        Path page = out.resolve("runbooks/payments/index.html");
        Path robots = out.resolve("robots.txt");
        Path keptPage = Files.createLink(tmp.resolve("kept.html"), page);
        Path keptRobots = Files.createLink(tmp.resolve("kept.txt"), robots);

        rebuild();

        assertThat(inode(page)).isNotEqualTo(inode(keptPage));
        assertThat(inode(robots)).isNotEqualTo(inode(keptRobots));
        assertThat(Files.mismatch(page, keptPage)).isEqualTo(-1L);
        assertThat(Files.getAttribute(keptPage, "unix:nlink")).isEqualTo(1);
    }

    /** {@link #SITE} built into {@code out}: the published site. */
    private Path published() throws IOException {
        SiteFixture.write(tmp.resolve("src"), SITE);
        rebuild();
        return tmp.resolve("out");
    }

    private void rebuild() throws IOException {
        new Hindsight().build(BuildOptions.build(tmp.resolve("src"), tmp.resolve("out")));
    }

    private static Object inode(Path file) throws IOException {
        return Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    private static void assertSameTree(Path a, Path b) throws IOException {
        assertThat(relativeFiles(a)).isEqualTo(relativeFiles(b));
        for (String rel : relativeFiles(a)) {
            assertThat(Files.mismatch(a.resolve(rel), b.resolve(rel))).as(rel).isEqualTo(-1L);
        }
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
