package dev.hindsight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.source.YamlReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackstageCatalogTest {

    static final String CATALOG = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              title: Checkout service
              description: Takes orders.
              labels:
                tier: "1"
              links:
                - url: https://grafana.example.com/d/checkout
                  title: Dashboard
                - url: javascript:alert(1)
                  title: Evil
            spec:
              type: service
              lifecycle: production
              owner: group:default/payments
              system: shop
            ---
            apiVersion: backstage.io/v1alpha1
            kind: System
            metadata:
              name: shop
            spec:
              owner: payments
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: payments
            spec:
              type: team
              profile:
                displayName: Payments Team
              children: []
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: checkout-api
            spec:
              type: openapi
            """;

    @TempDir
    Path tmp;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void readsComponentsAndSystemsOfAMultiDocumentFile() {
        List<Service> services = BackstageCatalog.parse(BackstageCatalog.FILE_NAME, CATALOG,
                "https://backstage.example.com/", new YamlReader(), diagnostics);

        assertThat(diagnostics.sorted()).isEmpty();
        assertThat(services).containsExactly(
                new Service("checkout", "Checkout service", "Payments Team", "1", "Takes orders.", "production", "shop",
                        List.of(new ServiceLink("https://grafana.example.com/d/checkout", "Dashboard"),
                                new ServiceLink("javascript:alert(1)", "Evil")),
                        "https://backstage.example.com/catalog/default/component/checkout"),
                new Service("shop", "shop", "Payments Team", "", "", "", "", List.of(),
                        "https://backstage.example.com/catalog/default/system/shop"));
    }

    @Test
    void entityProblemsAreDiagnosticsAtTheirLine() {
        String text = """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: api
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  title: No name
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                metadata:
                  name: api
                  links:
                    - title: no url
                ---
                apiVersion: other.io/v1
                kind: Component
                metadata: {}
                """;

        List<Service> services = BackstageCatalog.parse("catalog-info.yaml", text, "", new YamlReader(), diagnostics);

        assertThat(services).extracting(Service::id).containsExactly("api");
        assertThat(diagnostics.sorted()).extracting(Diagnostic::toString).containsExactly(
                "catalog-info.yaml:8:1: error[service-catalog]: Component entity has no `metadata.name`",
                "catalog-info.yaml:14:9: error[service-catalog]: System `api` is listed twice");
    }

    @Test
    void ownerReferencesBecomeNames() {
        assertThat(BackstageCatalog.owner("group:default/sre", java.util.Map.of())).isEqualTo("sre");
        assertThat(BackstageCatalog.owner("user:jane", java.util.Map.of())).isEqualTo("jane");
        assertThat(BackstageCatalog.owner("Platform", java.util.Map.of("platform", "Platform Team")))
                .isEqualTo("Platform Team");
    }

    private BuildResult build(String fixture) {
        SiteFixture.write(tmp.resolve("site"), fixture);
        return new Hindsight().build(BuildOptions.build(tmp.resolve("site"), tmp.resolve("out"))
                .withReferenceDate(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void aBackstageCatalogChecksServiceIdsAndServicePagesLinkBack() throws Exception {
        BuildResult result = build("-- hindsight.yml --\ntitle: Ops\nbackstage:\n  url: https://backstage.example.com\n"
                + "-- catalog-info.yaml --\n" + CATALOG
                + "-- runbooks/checkout.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("Checkout").replace(
                        "service: api", "service: checkout")
                + "-- runbooks/search.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("Search").replace(
                        "service: api", "service: search"));

        assertThat(result.diagnostics()).filteredOn(d -> d.severity() != dev.hindsight.diag.Severity.INFO)
                .extracting(Diagnostic::toString).containsExactly(
                "runbooks/search.md:3:10: error[unknown-service]: unknown service `search`");
        Document page = Jsoup.parse(tmp.resolve("out/services/checkout/index.html").toFile(), "UTF-8");
        assertThat(page.selectFirst("a.catalog-link").attr("href"))
                .isEqualTo("https://backstage.example.com/catalog/default/component/checkout");
        assertThat(page.select("dl.facts").text()).contains("Owner Payments Team", "Tier 1", "Lifecycle production",
                "System shop");
        assertThat(page.select(".service-links a").eachAttr("href"))
                .containsExactly("https://grafana.example.com/d/checkout");
        assertThat(page.select(".service-links li").eachText()).containsExactly("Dashboard",
                "Evil javascript:alert(1)");
    }

    @Test
    void servicesYmlAndConfiguredCatalogFilesCombine() {
        BuildResult result = build("-- hindsight.yml --\ntitle: Ops\nbackstage:\n  catalog: [teams/a.yaml, ../x.yaml]\n"
                + "  colour: blue\n"
                + "-- services.yml --\nservices:\n  - id: api\n"
                + "-- teams/a.yaml --\n" + CATALOG
                + "-- runbooks/api.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("API")
                + "-- runbooks/checkout.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("Checkout").replace(
                        "service: api", "service: checkout"));

        assertThat(result.diagnostics()).filteredOn(d -> d.severity() != dev.hindsight.diag.Severity.INFO)
                .extracting(Diagnostic::toString).containsExactly(
                "hindsight.yml:3:27: error[config]: Backstage catalog file `../x.yaml` must be inside the site",
                "hindsight.yml:4:3: error[config]: unknown key `backstage.colour`");
    }
}
