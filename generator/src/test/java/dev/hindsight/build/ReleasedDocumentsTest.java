package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: once the checks are done, a build keeps of each document only what its pages read, until they are
 * written: not the source text or the front matter's positions, and (with the built-in theme) not the blocks
 * or the plain text of the body, which only the checks and the search index read. The site is the same.
 */
class ReleasedDocumentsTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            keywords: [cart, basket]
            incident:
              started: 2024-03-05T14:02:00Z
              detected: 2024-03-05T14:09:00Z
              resolved: 2024-03-05T15:00:00Z
            ---
            ## Summary
            Checkout failed for **all** customers. See the [runbook](../runbooks/checkout.md#mitigation).

            ## Action items

            | Action | Owner | Due | Status | Ticket |
            |--------|-------|-----|--------|--------|
            | Add the alert | sre-team | 2024-04-01 | done | SRE-1 |
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            ---
            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            """;

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path tmp;

    @Test
    void withTheBuiltInThemePagesGetDocumentsWithoutSourceTextBlocksOrPlainTextAndSearchIsTheSame()
            throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        KnowledgeBase whole = load(src);
        SiteWriter writer = new SiteWriter(config(src), src);

        KnowledgeBase released = writer.released(whole);

        assertThat(released.documents()).hasSameSizeAs(whole.documents());
        for (int i = 0; i < whole.documents().size(); i++) {
            Document before = whole.documents().get(i);
            Document after = released.documents().get(i);
            assertThat(before.body().plainText()).isNotEmpty();
            assertThat(before.body().sections().stream().mapToInt(s -> s.blocks().size()).sum()).isPositive();
            assertThat(after.getClass()).isEqualTo(before.getClass());
            assertThat(after.meta().source().file().body()).isEmpty();
            assertThat(after.meta().source().file().frontMatter()).isEmpty();
            assertThat(after.meta().source().frontMatter().root()).isEqualTo(before.meta().source().frontMatter().root());
            assertThat(after.body().plainText()).isEmpty();
            assertThat(after.body().sections()).allMatch(s -> s.blocks().isEmpty());
            assertThat(after.body().sections().stream().map(Section::title).toList())
                    .isEqualTo(before.body().sections().stream().map(Section::title).toList());
            assertThat(after.body().html()).isEqualTo(before.body().html());
            assertThat(after.body().headings()).isEqualTo(before.body().headings());
            assertThat(after.body().links()).isEqualTo(before.body().links());
            assertThat(after.meta().withoutSourceText()).isEqualTo(after.meta());
            assertThat(after.with(before.meta(), before.body())).isEqualTo(before);
        }

        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        writer.writeData(a, writer.plan(released, dev.hindsight.config.ServiceCatalog.absent(), new Diagnostics()),
                released);
        SiteWriter other = new SiteWriter(config(src), src);
        other.writeData(b, other.plan(whole, dev.hindsight.config.ServiceCatalog.absent(), new Diagnostics()), whole);
        assertThat(files(a)).isEqualTo(files(b)).contains("search/data/meta.js", "api/postmortems.json");
        for (String f : files(a)) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.readString(a.resolve("search/data/d/0.js"))).contains("Checkout failed for all customers");
    }

    @Test
    void aSiteWithItsOwnTemplatesKeepsTheBodyWhole() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE + """
                -- templates/runbook.ftlh --
                <p>${doc.body.plainText}</p>
                """);
        KnowledgeBase whole = load(src);

        KnowledgeBase released = new SiteWriter(config(src), src).released(whole);

        for (int i = 0; i < whole.documents().size(); i++) {
            Document before = whole.documents().get(i);
            Document after = released.documents().get(i);
            assertThat(after.body()).isEqualTo(before.body());
            assertThat(after.meta().source().file().body()).isEmpty();
        }
    }

    private KnowledgeBase load(Path src) throws IOException {
        return LoadedSite.load(src, tmp.resolve("out"), TODAY);
    }

    private static dev.hindsight.config.SiteConfig config(Path src) {
        return LoadedSite.config(src);
    }

    private static List<String> files(Path dir) throws IOException {
        return LoadedSite.files(dir);
    }
}
