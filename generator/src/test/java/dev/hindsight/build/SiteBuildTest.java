package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuildTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout <em>outage</em>
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            incident:
              started: 2024-03-05T14:02:00Z
              detected: 2024-03-05T14:09:00Z
              resolved: 2024-03-05T15:00:00Z
            ---
            ## Summary
            Checkout failed. <script>alert(1)</script> See the [runbook](../runbooks/checkout.md#mitigation).
            -- postmortems/2024-04-01-broken.md --
            ---
            title: Broken
            services: [a, b
            ---
            ## Summary
            Still rendered.
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            ---
            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            -- README.md --
            Not a document.
            """;

    @TempDir
    Path tmp;

    @Test
    void buildsEveryDocumentAndReportsBrokenYamlAtItsLine() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Path out = tmp.resolve("out");

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().equals("front-matter-yaml")).map(Diagnostic::toString))
                .containsExactly("postmortems/2024-04-01-broken.md:4:1: error[front-matter-yaml]: invalid YAML: "
                        + "expected ',' or ']', but got <stream end> (while parsing a flow sequence)");
        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(1);
        assertThat(result.documents()).isEqualTo(3);
        assertThat(out.resolve(".hindsight-output")).exists();

        Document home = Jsoup.parse(out.resolve("index.html").toFile());
        assertThat(home.select("a[href=postmortems/2024-03-05-checkout/index.html]").text())
                .isEqualTo("Checkout <em>outage</em>");
        Document runbooks = Jsoup.parse(out.resolve("runbooks/index.html").toFile());
        assertThat(runbooks.select("table a[href=../runbooks/checkout/index.html]").text()).isEqualTo("Checkout runbook");

        Document pm = Jsoup.parse(out.resolve("postmortems/2024-03-05-checkout/index.html").toFile());
        assertThat(pm.select("h1").text()).isEqualTo("Checkout <em>outage</em>");
        assertThat(pm.select("script")).isNotEmpty().allMatch(s -> s.attr("src").startsWith("../../assets/"));
        assertThat(pm.select(".doc-body a:not(.permalink)").attr("href"))
                .isEqualTo("../../runbooks/checkout/index.html#mitigation");
        assertThat(pm.select("link[rel=stylesheet]").attr("href")).isEqualTo("../../assets/style.css");
        assertThat(pm.select("h2#summary").text()).isEqualTo("Summary #");
        assertThat(pm.select("h2#summary a.permalink").attr("href")).isEqualTo("#summary");

        Document broken = Jsoup.parse(out.resolve("postmortems/2024-04-01-broken/index.html").toFile());
        assertThat(broken.select(".doc-body").text()).contains("Still rendered.");

        Document rb = Jsoup.parse(out.resolve("runbooks/checkout/index.html").toFile());
        assertThat(rb.select("pre code.language-bash").text()).isEqualTo("kubectl rollout undo deploy/checkout");
        assertThat(out.resolve("README/index.html")).doesNotExist();
    }

    @Test
    void aSecondBuildReplacesTheFirstAndLeavesNoTemporaryDirectory() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        Files.delete(src.resolve("runbooks/checkout.md"));

        new Hindsight().build(BuildOptions.build(src, out));

        assertThat(out.resolve("runbooks/checkout/index.html")).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("out", "src");
        }
    }

    @Test
    void twoBuildsOfTheSameInputAreByteIdentical() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        new Hindsight().build(BuildOptions.build(src, tmp.resolve("a")));
        new Hindsight().build(BuildOptions.build(src, tmp.resolve("b")));
        try (var files = Files.walk(tmp.resolve("a"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path other = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
                assertThat(Files.mismatch(f, other)).as(f.toString()).isEqualTo(-1L);
            }
        }
    }

    @Test
    void refusesToReplaceADirectoryItDidNotWrite() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Path out = tmp.resolve("precious");
        SiteFixture.write(out, "-- notes.txt --\nkeep me\n");

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(out.resolve("notes.txt")).hasContent("keep me");
        assertThat(result.diagnostics().get(result.diagnostics().size() - 1).message())
                .contains("is not empty and was not written by Hindsight");
    }

    @Test
    void refusesAnOutputDirectoryInsideTheSource() {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        BuildResult result = new Hindsight().build(BuildOptions.build(src, src.resolve("postmortems/out")));
        assertThat(result.exitCode(Severity.ERROR)).isEqualTo(2);
        assertThat(src.resolve("postmortems/out")).doesNotExist();
        BuildResult same = new Hindsight().build(BuildOptions.build(src, src));
        assertThat(same.exitCode(Severity.ERROR)).isEqualTo(2);
    }

    @Test
    void siteTemplatesOverrideTheThemeByName() {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE + """
                -- templates/runbook.ftlh --
                <p class="custom">${doc.meta.title}</p>
                """);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        assertThat(SiteFixture.read(out.resolve("runbooks/checkout/index.html")))
                .isEqualTo("<p class=\"custom\">Checkout runbook</p>\n");
    }

    /**
     * Issue 18: a build keeps each document until its pages are written, but the text of its file and the
     * positions of its front matter only until the checks are done. A site's template still reads any
     * front-matter value, and the body's HTML.
     */
    @Test
    void pagesReadFrontMatterValuesButTheSourceTextIsGoneOnceTheChecksAreDone() {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE + """
                -- templates/runbook.ftlh --
                <p>${doc.meta.source.frontMatter.get("service").asText()} ${doc.meta.source.file.body?length} \
                ${doc.meta.source.file.frontMatter?length} ${doc.body.html?contains("kubectl")?c}</p>
                """);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        assertThat(SiteFixture.read(out.resolve("runbooks/checkout/index.html"))).isEqualTo("<p>checkout 0 0 true</p>\n");
    }

    @Test
    void aBrokenTemplateIsADiagnosticAndThePreviousSiteStays() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));
        SiteFixture.write(src, "-- templates/runbook.ftlh --\n<p>${doc.meta.nope}</p>\n");

        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        assertThat(result.diagnostics().stream().map(Diagnostic::toString))
                .anyMatch(s -> s.startsWith("templates/runbook.ftlh:1:"));
        assertThat(out.resolve("runbooks/checkout/index.html")).exists();
        assertThat(Jsoup.parse(out.resolve("runbooks/checkout/index.html").toFile()).select("pre").text())
                .contains("kubectl rollout undo");
    }
}
