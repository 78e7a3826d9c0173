package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.publish.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, streaming: a one-shot build lets each document's body HTML go once the pages that show it (its own,
 * and the pages of the alerts it handles) are written. The site it writes is the same, byte for byte, as the
 * one written with every document kept whole until the end.
 */
class StreamingBuildTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            alerting:
              rules: ["rules/*.yaml"]
              runbook_url:
                pattern: "https://runbooks.example.com/{path}"
            -- rules/checkout.yaml --
            groups:
              - name: checkout
                rules:
                  - alert: CheckoutErrors
                    expr: rate(errors[5m]) > 1
                    labels: {severity: critical}
                    annotations: {runbook_url: "https://runbooks.example.com/runbooks/checkout"}
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            ---
            ## Summary
            Checkout failed. See the [runbook](../runbooks/checkout.md#mitigation).
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            alerts: [CheckoutErrors, CheckoutSlow]
            ---
            ## Diagnosis
            Look at `CheckoutSlow` first.

            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            """;

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path tmp;

    @Test
    void theExampleSiteIsTheSameStreamedOrKeptWhole() throws IOException {
        BuildResult streamed = new SiteBuilder(LoadCache.OneShot.INSTANCE, true)
                .run(ExampleSite.options(tmp.resolve("streamed")));
        BuildResult whole = new SiteBuilder(LoadCache.OneShot.INSTANCE, false)
                .run(ExampleSite.options(tmp.resolve("whole")));

        assertThat(streamed.exitCode(Severity.ERROR)).as(streamed.diagnostics().toString()).isZero();
        assertThat(streamed.diagnostics()).isEqualTo(whole.diagnostics());
        assertThat(streamed.pages()).isEqualTo(whole.pages()).isGreaterThan(100);
        assertSameTree(tmp.resolve("streamed"), tmp.resolve("whole"));
    }

    /** About 2,000 varied documents with a Git history of 2,400 commits, from {@code bench/CorpusGenerator.java}. */
    @Test
    @Tag("scale")
    void aGenerated2kSiteIsTheSameStreamedOrKeptWhole() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Process gen = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("../bench/CorpusGenerator.java").toString(), "--out", corpus.toString(),
                "--docs", "2000", "--seed", "42")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("corpus.log").toFile()).start();
        assertThat(gen.waitFor(120, TimeUnit.SECONDS)).as("corpus generator ends").isTrue();
        assertThat(gen.exitValue()).as(Files.readString(tmp.resolve("corpus.log"))).isZero();
        LocalDate day = LocalDate.of(2026, 12, 1);
        Path site = corpus.resolve("content");

        BuildResult streamed = new SiteBuilder(LoadCache.OneShot.INSTANCE, true)
                .run(BuildOptions.build(site, tmp.resolve("streamed")).withReferenceDate(day));
        BuildResult whole = new SiteBuilder(LoadCache.OneShot.INSTANCE, false)
                .run(BuildOptions.build(site, tmp.resolve("whole")).withReferenceDate(day));

        assertThat(streamed.exitCode(Severity.ERROR)).as(streamed.diagnostics().toString()).isZero();
        assertThat(streamed.diagnostics()).isEqualTo(whole.diagnostics());
        assertThat(streamed.documents()).isEqualTo(2000);
        assertThat(streamed.pages()).isEqualTo(whole.pages()).isGreaterThan(4000);
        assertSameTree(tmp.resolve("streamed"), tmp.resolve("whole"));
    }

    @Test
    void everyBodyHtmlGoesOnceItsPagesAndItsAlertsPagesAreWritten() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        SiteWriter writer = new SiteWriter(config(src), src);
        KnowledgeBase released = writer.released(load(src));
        for (Document d : released.documents()) {
            assertThat(d.body().html()).contains("<h2");
        }

        int pages = writer.write(released, ServiceCatalog.absent(), new OutputDirectory(tmp.resolve("out")),
                new Diagnostics());

        assertThat(pages).isPositive();
        assertThat(Files.readString(tmp.resolve("out/alerts/CheckoutSlow/index.html")))
                .contains("#alert-CheckoutSlow");
        assertThat(Files.readString(tmp.resolve("out/alerts/CheckoutErrors/index.html")))
                .contains("rollout undo deploy/checkout");
        for (Document d : released.documents()) {
            assertThatThrownBy(() -> d.body().html()).as(d.meta().sourcePath())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        }
    }

    /** Whatever order the pages are written in: here every document's own page first, the alert pages last. */
    @Test
    void aRunbooksHtmlStaysUntilThePagesOfItsAlertsAreWritten() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        SiteWriter writer = new SiteWriter(config(src), src);
        KnowledgeBase released = writer.released(load(src));
        SiteWriter.Plan plan = writer.plan(released, ServiceCatalog.absent(), new Diagnostics());
        SiteWriter.BodyReaders readers = SiteWriter.BodyReaders.of(plan.pages());
        Document runbook = released.documents().stream().filter(d -> d instanceof dev.hindsight.model.Runbook)
                .findFirst().orElseThrow();
        List<dev.hindsight.render.Page> alertPages = plan.pages().stream()
                .filter(p -> p instanceof dev.hindsight.render.Page.OfAlert
                        || p instanceof dev.hindsight.render.Page.OfAlertRule).toList();
        assertThat(alertPages).hasSize(2);

        plan.pages().stream().filter(p -> !alertPages.contains(p)).forEach(readers::written);
        assertThat(runbook.body().html()).contains("Mitigation");
        readers.written(alertPages.get(0));
        assertThat(runbook.body().html()).contains("Mitigation");
        readers.written(alertPages.get(1));

        assertThatThrownBy(() -> runbook.body().html()).isInstanceOf(IllegalStateException.class);
        for (Document d : released.documents()) {
            assertThatThrownBy(() -> d.body().html()).as(d.meta().sourcePath())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void withoutStreamingOrWithTheSitesOwnTemplatesTheBodyHtmlStays() throws IOException {
        Path plain = SiteFixture.write(tmp.resolve("plain"), SITE);
        SiteWriter kept = new SiteWriter(config(plain), plain, false, dev.hindsight.alerting.Alerting.read(
                config(plain), plain), false);
        KnowledgeBase whole = load(plain);
        assertThat(kept.released(whole)).isSameAs(whole);
        kept.write(whole, ServiceCatalog.absent(), new OutputDirectory(tmp.resolve("out1")), new Diagnostics());
        assertThat(whole.documents()).allSatisfy(d -> assertThat(d.body().html()).contains("<h2"));

        Path themed = SiteFixture.write(tmp.resolve("themed"), SITE + """
                -- templates/postmortem.ftlh --
                <p>${doc.title}</p>
                """);
        SiteWriter own = new SiteWriter(config(themed), themed);
        KnowledgeBase released = own.released(load(themed));
        own.write(released, ServiceCatalog.absent(), new OutputDirectory(tmp.resolve("out2")), new Diagnostics());
        assertThat(released.documents()).allSatisfy(d -> assertThat(d.body().html()).contains("<h2"));
    }

    private static void assertSameTree(Path a, Path b) throws IOException {
        List<String> files = files(a);
        assertThat(files).isEqualTo(files(b));
        for (String f : files) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
    }

    private KnowledgeBase load(Path src) throws IOException {
        return LoadedSite.load(src, tmp.resolve("unused"), TODAY);
    }

    private static dev.hindsight.config.SiteConfig config(Path src) {
        return LoadedSite.config(src);
    }

    private static List<String> files(Path dir) throws IOException {
        return LoadedSite.files(dir);
    }
}
