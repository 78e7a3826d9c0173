package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.config.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed {@code services.yml} kept beside the document cache: a run that uses it reports exactly what a run
 * without any cache does, whatever the file became in between (even with the same size and time), and a kept file
 * that does not read back whole is a miss.
 */
class CatalogStoreTest {

    @TempDir
    Path tmp;

    private static final String SITE = "-- hindsight.yml --\ntitle: KB\n-- runbooks/a.md --\n"
            + SiteFixture.VALID_RUNBOOK.formatted("A") + "-- runbooks/b.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("B");

    private static final String SERVICES = "services:\n  - id: checkout\n    name: Checkout\n    owner: shop\n"
            + "    tier: 1\n  - id: search\n    description: Finds things\n  - payments\n";

    private BuildResult check(Path site, Path cache) {
        return new SiteBuilder().run(new BuildOptions(site, null, false, "", LocalDate.of(2024, 2, 1), null, cache));
    }

    private void assertSameAsWithoutCache(Path site, Path cache) {
        BuildResult plain = check(site, null);
        BuildResult cached = check(site, cache);
        assertThat(cached.diagnostics()).isEqualTo(plain.diagnostics());
        assertThat(cached.documents()).isEqualTo(plain.documents());
    }

    private static List<Path> kept(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.services")).sorted().toList();
        }
    }

    @Test
    void aKeptCatalogGivesWhatParsingGivesWhateverTheFileBecomes() throws IOException {
        Path site = SiteFixture.write(tmp.resolve("site"), SITE);
        Path services = site.resolve("services.yml");
        Files.writeString(services, SERVICES);
        Path cache = tmp.resolve("cache");
        assertSameAsWithoutCache(site, cache); // makes the cache folder: nothing kept yet
        assertSameAsWithoutCache(site, cache);
        assertThat(kept(cache)).hasSize(1);
        assertSameAsWithoutCache(site, cache); // from the kept file

        // Same size, same modification time, other bytes: another key (the documents now name an unknown service).
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(services);
        String renamed = SERVICES.replace("checkout", "checkoux");
        assertThat(renamed).hasSameSizeAs(SERVICES);
        Files.writeString(services, renamed);
        Files.setLastModifiedTime(services, time);
        assertSameAsWithoutCache(site, cache);
        assertThat(kept(cache)).as("the earlier file's is deleted").hasSize(1);
        assertSameAsWithoutCache(site, cache);

        // A file with problems is never kept: each run reports them.
        Files.writeString(services, SERVICES + "  - id: checkout\n  - {id: x, colour: red}\n");
        List<Path> before = kept(cache);
        assertSameAsWithoutCache(site, cache);
        assertSameAsWithoutCache(site, cache);
        assertThat(check(site, cache).diagnostics()).anyMatch(d -> d.ruleId().equals("service-catalog"));
        assertThat(kept(cache)).isEqualTo(before);

        // No services.yml at all.
        Files.delete(services);
        assertSameAsWithoutCache(site, cache);
    }

    @Test
    void aDamagedOrForeignKeptFileIsAMiss() throws IOException {
        Path site = SiteFixture.write(tmp.resolve("site"), SITE);
        Files.writeString(site.resolve("services.yml"), SERVICES);
        Path cache = tmp.resolve("cache");
        assertSameAsWithoutCache(site, cache);
        assertSameAsWithoutCache(site, cache);
        Path file = kept(cache).get(0);
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertSameAsWithoutCache(site, cache);
        byte[] flipped = whole.clone();
        flipped[flipped.length / 2] ^= 0x04;
        Files.write(file, flipped);
        assertSameAsWithoutCache(site, cache);
        Files.writeString(file, "not a catalog");
        assertSameAsWithoutCache(site, cache);

        // Bytes of another key under this one's name: refused by the key inside.
        CatalogStore store = (CatalogStore) CatalogStore.in(cache, Optional.of("tool-1"));
        Files.write(file, CatalogStore.encode(store.key(new byte[] {1}), List.of(new Service("payments", "", "", "", ""))));
        assertSameAsWithoutCache(site, cache);
    }

    @Test
    void whatIsWrittenReadsBackEqual() {
        List<Service> services = List.of(new Service("a", "", "", "", ""),
                new Service("b-ü", "Bee", "team", "2", "line one\nline two"));
        CatalogStore store = (CatalogStore) CatalogStore.in(tmp, Optional.of("tool-1"));
        String key = store.key(new byte[] {1, 2});
        assertThat(CatalogStore.decode(CatalogStore.encode(key, services), key)).contains(services);
        assertThat(CatalogStore.decode(CatalogStore.encode(key, services), store.key(new byte[] {1, 3}))).isEmpty();
        assertThat(CatalogStore.in(tmp, Optional.empty())).isSameAs(dev.hindsight.config.ServiceCatalog.Store.NONE);

        store.write(new byte[] {1, 2}, services);
        assertThat(store.read(new byte[] {1, 2})).contains(services);
        assertThat(store.read(new byte[] {1, 3})).isEmpty();
        assertThat(((CatalogStore) CatalogStore.in(tmp, Optional.of("tool-2"))).read(new byte[] {1, 2}))
                .as("other code").isEmpty();
    }
}
