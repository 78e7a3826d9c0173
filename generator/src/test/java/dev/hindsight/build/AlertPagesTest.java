package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert pages on a whole site with a rule file (issue 20): an alert a rule defines gets a page with the way to
 * its fix first (the link into its runbook at the alert's handling and that part of the runbook inline), then its
 * rule (expression, {@code for}, severity, summary, description, file:line with the edit link) and the incidents
 * it appeared in with their verdicts; an alert only a runbook lists keeps a minimal redirect; runbooks show "Fired
 * by"; {@code alerts/} gives coverage and lists the gaps, then the noisiest, then the rest; {@code api/alerts.json}
 * matches its JSON Schema. Exact texts throughout.
 */
class AlertPagesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 2, 1);

    static final String SITE = """
            -- site/hindsight.yml --
            title: Shop
            repo:
              edit_url: https://git.example.com/shop/kb/edit/main/{path}
            alerting:
              rules: ["rules/*.yaml"]
              runbook_url:
                pattern: "https://runbooks.example.com/{path}"
              page_severities: [critical]
            -- site/rules/api.yaml --
            groups:
              - name: api
                rules:
                  - alert: HighErrorRate
                    expr: sum(rate(errors_total{code=~"5.."}[5m])) > 0.05
                    for: 10m
                    labels:
                      severity: critical
                      team: platform
                    annotations:
                      summary: Many errors
                      description: More than 5% of requests <fail>.
                      runbook_url: https://runbooks.example.com/runbooks/api
                  - alert: DiskFull
                    expr: disk_free < 0.05
                    labels:
                      severity: critical
                  - alert: Flappy
                    expr: flaps > 1
                    labels: {severity: warning}
                    annotations: {runbook_url: "https://runbooks.example.com/runbooks/api"}
                  - alert: LatencyHigh
                    expr: latency > 1
                    labels: {severity: warning}
                    annotations: {runbook_url: "https://runbooks.example.com/runbooks/latency"}
            -- site/runbooks/api.md --
            ---
            title: API
            service: api
            owner: platform
            last_reviewed: 2024-01-01
            alerts: [HighErrorRate, Flappy, OldAlert]
            ---
            ## Overview
            The API.
            ## Symptoms
            - `HighErrorRate`: more than 5% of requests fail.
            - `Flappy`: flaps now and then.
            ## Diagnosis
            1. Look at the dashboard.
            ## Mitigation
            Roll back, as in [the last incident](../postmortems/one.md); see [Diagnosis](#diagnosis).
            ```sh
            kubectl rollout undo deploy/api
            ```
            ## Validation
            Errors back to zero.
            ## Escalation
            Platform on-call.
            -- site/postmortems/one.md --
            ---
            title: Errors after the release
            id: INC-1
            date: 2024-01-05
            status: published
            severity: SEV-2
            services: [api]
            alerts:
              - {name: HighErrorRate, verdict: actionable}
              - {name: Flappy, verdict: false-positive, note: fired on a deploy}
            ---
            ## Summary
            It happened.
            -- site/postmortems/two.md --
            ---
            title: Flapping at night
            id: INC-2
            date: 2024-01-09
            status: published
            severity: SEV-4
            services: [api]
            alerts:
              - {name: Flappy, verdict: not-actionable}
            ---
            ## Summary
            Nothing to do.
            """;

    @TempDir
    Path tmp;

    private Path build(String fixture) {
        SiteFixture.write(tmp, fixture);
        Path out = tmp.resolve("out");
        BuildResult r = new Hindsight().build(BuildOptions.build(tmp.resolve("site"), out).withReferenceDate(TODAY));
        // The fixture's postmortems are short (errors of other rules): the site is written all the same.
        assertThat(r.pages()).as(r.diagnostics().toString()).isPositive();
        return out;
    }

    private static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void anAlertsPageShowsTheFixFirstThenItsRuleAndIncidents() throws IOException {
        Path out = build(SITE);
        Document d = page(out, "alerts/HighErrorRate/index.html");
        assertThat(d.title()).isEqualTo("Alert HighErrorRate · Shop");
        assertThat(d.selectFirst("h1").text()).isEqualTo("HighErrorRate critical");
        assertThat(d.selectFirst(".alert-summary").text()).isEqualTo("Many errors");
        // The way to the fix comes first: the link into the runbook at the alert's handling, then that part.
        Element fix = d.selectFirst("main .alert-fix");
        assertThat(d.select("main section").first()).isSameAs(fix);
        Element link = fix.selectFirst("a#runbook-link");
        assertThat(link.attr("href")).isEqualTo("../../runbooks/api/index.html#alert-HighErrorRate");
        assertThat(link.text()).isEqualTo("Runbook: API");
        Element handling = fix.selectFirst("#handling");
        assertThat(handling.selectFirst(".handling-line li").text())
                .isEqualTo("HighErrorRate: more than 5% of requests fail.");
        assertThat(handling.selectFirst(".handling-section h3").text()).isEqualTo("Mitigation");
        assertThat(handling.selectFirst(".handling-section pre").text()).isEqualTo("kubectl rollout undo deploy/api");
        // Links of the runbook work from here; ids and permalinks stay the runbook page's own.
        assertThat(handling.select("a").eachAttr("href")).containsExactly(
                "../../postmortems/one/index.html", "../../runbooks/api/index.html#diagnosis");
        assertThat(handling.children().select("[id], .permalink")).isEmpty();
        // The rule.
        Element rule = d.selectFirst(".alert-rule");
        assertThat(rule.selectFirst("pre").text()).isEqualTo("sum(rate(errors_total{code=~\"5..\"}[5m])) > 0.05");
        assertThat(rule.select("dt").eachText()).containsExactly("For", "Severity", "Summary", "Description",
                "Runbook URL", "Group", "Defined in");
        assertThat(rule.select("dd").eachText()).containsExactly("10m", "critical", "Many errors",
                "More than 5% of requests <fail>.",
                "https://runbooks.example.com/runbooks/api (leads to a page of this site)", "api", "rules/api.yaml:4");
        assertThat(rule.selectFirst("dd.rule-file a").attr("href"))
                .isEqualTo("https://git.example.com/shop/kb/edit/main/rules/api.yaml");
        // The incidents, with their verdicts.
        Element incidents = d.selectFirst(".alert-incidents");
        assertThat(incidents.selectFirst("p").text()).isEqualTo("1 actionable");
        assertThat(incidents.select("tbody tr").eachText()).containsExactly(
                "2024-01-05 Errors after the release actionable");
    }

    @Test
    void aNoisyAlertCountsItsVerdicts() throws IOException {
        Document d = page(build(SITE), "alerts/Flappy/index.html");
        assertThat(d.selectFirst(".alert-incidents p").text())
                .isEqualTo("1 false-positive, 1 not-actionable · 2 of 2 not needed (false positive or not actionable)");
        assertThat(d.select(".alert-incidents tbody tr").eachText()).containsExactly(
                "2024-01-05 Errors after the release false-positive fired on a deploy",
                "2024-01-09 Flapping at night not-actionable");
        assertThat(d.selectFirst(".handling-line li").text()).isEqualTo("Flappy: flaps now and then.");
    }

    @Test
    void anAlertWithoutAWorkingRunbookSaysSoWhereTheLinkWouldBe() throws IOException {
        Path out = build(SITE);
        Element none = page(out, "alerts/DiskFull/index.html").selectFirst(".alert-fix #no-runbook");
        assertThat(none.text()).isEqualTo("No runbook. This alert has no runbook URL. Search the site for DiskFull.");
        assertThat(none.selectFirst("a").attr("href")).isEqualTo("../../search/index.html?q=DiskFull");
        assertThat(page(out, "alerts/LatencyHigh/index.html").selectFirst("#no-runbook").text()).isEqualTo(
                "No runbook. This alert's runbook URL https://runbooks.example.com/runbooks/latency leads to no page "
                        + "of this site. Search the site for LatencyHigh.");
    }

    @Test
    void anAlertOnlyARunbookListsKeepsAMinimalRedirect() throws IOException {
        Path out = build(SITE);
        Path file = out.resolve("alerts/OldAlert/index.html");
        assertThat(Files.size(file)).isLessThanOrEqualTo(1024);
        Document d = page(out, "alerts/OldAlert/index.html");
        assertThat(d.title()).isEqualTo("Alert OldAlert");
        assertThat(d.selectFirst("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=../../runbooks/api/index.html#mitigation");
        assertThat(d.select("a").eachAttr("href")).containsExactly("../../runbooks/api/index.html#mitigation");
        assertThat(d.select("link, script, header, nav")).isEmpty();
    }

    @Test
    void aRunbookShowsTheAlertsThatFireIt() throws IOException {
        Document d = page(build(SITE), "runbooks/api/index.html");
        Element fired = d.selectFirst("section.fired-by");
        assertThat(fired.selectFirst("h2").text()).isEqualTo("Fired by");
        assertThat(fired.select("li").eachText()).containsExactly("Flappy warning flaps > 1",
                "HighErrorRate critical for 10m sum(rate(errors_total{code=~\"5..\"}[5m])) > 0.05");
        assertThat(fired.select("li > a").eachAttr("href")).containsExactly("../../alerts/Flappy/index.html",
                "../../alerts/HighErrorRate/index.html");
        assertThat(d.select(".toc a[href=#fired-by-heading]")).hasSize(1);
    }

    @Test
    void theIndexGivesCoverageAndListsGapsThenTheNoisiestThenTheRest() throws IOException {
        Document d = page(build(SITE), "alerts/index.html");
        assertThat(d.selectFirst(".coverage-figures").text()).isEqualTo("2 of 4 alerts have a working runbook");
        List<Element> tables = d.select("table.coverage");
        assertThat(tables).extracting(t -> t.selectFirst("caption").text())
                .containsExactly("By rule file", "By severity", "By owning team");
        assertThat(tables.get(0).select("tbody tr").eachText()).containsExactly("rules/api.yaml 4 2 DiskFull, LatencyHigh");
        assertThat(tables.get(1).select("tbody tr").eachText()).containsExactly("critical 2 1 DiskFull",
                "warning 2 1 LatencyHigh");
        assertThat(tables.get(2).select("tbody tr").eachText()).containsExactly("(none) 2 0 DiskFull, LatencyHigh",
                "platform 2 2");
        Element list = d.selectFirst("table.alert-list");
        assertThat(list.select("tbody tr td:first-child").eachText())
                .containsExactly("DiskFull", "LatencyHigh", "Flappy", "HighErrorRate", "OldAlert");
        assertThat(list.select("tbody tr").eachText()).containsExactly(
                "DiskFull critical no runbook URL",
                "LatencyHigh warning leads to no page of this site",
                "Flappy warning API 2 2 noise platform",
                "HighErrorRate critical API 1 platform",
                "OldAlert API (no rule defines it) platform");
        assertThat(list.select("tbody tr td:first-child a").eachAttr("href")).containsExactly(
                "../alerts/DiskFull/index.html", "../alerts/LatencyHigh/index.html", "../alerts/Flappy/index.html",
                "../alerts/HighErrorRate/index.html", "../alerts/OldAlert/index.html");
    }

    @Test
    void theChecksStillReportWhatThePagesShow() {
        SiteFixture.write(tmp, SITE);
        List<String> d = new Hindsight().check(BuildOptions.check(tmp.resolve("site")).withReferenceDate(TODAY))
                .diagnostics().stream().filter(x -> x.ruleId().startsWith("alert-")).map(Diagnostic::toString).toList();
        assertThat(d).containsExactly(
                "rules/api.yaml:14:9: error[alert-no-runbook]: alert `DiskFull` (severity `critical`) has no `runbook_url` annotation",
                "rules/api.yaml:25:36: error[alert-runbook-missing]: runbook URL of alert `LatencyHigh` leads to no page of this site: `https://runbooks.example.com/runbooks/latency`",
                "runbooks/api.md:6:33: warning[alert-undefined]: runbook lists alert `OldAlert`, which no alert rule defines");
    }

    @Test
    void apiAlertsJsonMatchesItsSchema() throws IOException {
        com.networknt.schema.SchemaRegistry registry = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
        String schema;
        try (java.io.InputStream in = getClass().getResourceAsStream("/dev/hindsight/schema/api/alerts.schema.json")) {
            schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ObjectMapper json = new ObjectMapper();
        Path example = tmp.resolve("example");
        new Hindsight().build(ExampleSite.options(example));
        for (Path out : List.of(example, build(SITE))) {
            JsonNode data = json.readTree(out.resolve("api/alerts.json").toFile());
            assertThat(data.size()).as(out.toString()).isGreaterThanOrEqualTo(5);
            assertThat(registry.getSchema(schema).validate(data)).as(out.toString()).isEmpty();
        }
        JsonNode broken = json.readTree("{\"A\": {\"page\": 1}}");
        assertThat(registry.getSchema(schema).validate(broken)).as("refuses another shape").isNotEmpty();
    }
}
