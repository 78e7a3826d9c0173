package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages and outputs on small fixtures: overdue, stale, drafts, sites without base_url, hostile names. */
class SitePagesTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            tickets:
              url: https://jira.example/browse/{key}
            -- postmortems/2026-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2026-031
            date: 2026-03-05
            status: published
            severity: SEV-2
            services: [checkout, Payments Gateway]
            tags: [Tier 1, deploy]
            runbooks: [checkout]
            incident:
              started: 2026-03-05T14:02:00Z
              detected: 2026-03-05T14:09:00Z
              resolved: 2026-03-05T15:00:00Z
            ---
            ## Action items

            | Action | Owner | Due | Status | Ticket |
            |--------|-------|-----|--------|--------|
            | Add the alert | sre-team | 2026-04-01 | open | SRE-1 |
            | Write the test | sre-team | 2026-12-01 | in-progress | SRE-2 |
            | Fix the bug | app-team | 2026-03-10 | done | SRE-3 |
            | Tell people | | | open | see Slack |
            -- postmortems/2026-05-01-draft.md --
            ---
            title: Half-written
            date: 2026-05-01
            status: draft
            severity: SEV-3
            ---
            ## Summary
            Soon.
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            owner: app-team
            alerts: [CheckoutDown, "Disk full", ".."]
            last_reviewed: 2025-01-01
            review_every: P90D
            ---
            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            -- runbooks/payments.md --
            ---
            title: Payments runbook
            service: payments
            last_reviewed: 2026-06-01
            review_every: P180D
            ---
            ## Overview
            Pays.
            """;

    @TempDir
    Path tmp;

    private Path build(String fixture, boolean drafts) {
        Path src = SiteFixture.write(tmp.resolve("src"), fixture);
        Path out = tmp.resolve("out");
        BuildResult result = new Hindsight().build(BuildOptions.build(src, out).withDrafts(drafts)
                .withReferenceDate(LocalDate.of(2026, 11, 21)));
        lastResult = result;
        return out;
    }

    private BuildResult lastResult;

    private static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile());
    }

    @Test
    void overdueItemsAndStaleRunbooksShowOnTheHomePage() throws IOException {
        Path out = build(SITE, false);
        Document home = page(out, "index.html");
        assertThat(home.select(".figures").text()).contains("3 open action items", "1 overdue", "1 stale runbooks");
        assertThat(home.select("#actions-heading + .table-wrap tbody tr").first().text())
                .contains("Add the alert", "2026-04-01", "overdue");
        assertThat(home.select("#stale .table-wrap tbody tr")).hasSize(2);
        assertThat(home.select("#stale .table-wrap tbody tr").get(0).text()).contains("Checkout runbook", "Stale",
                "2025-04-01");
        assertThat(home.select("#stale .table-wrap tbody tr").get(1).text()).contains("Payments runbook",
                "Review due soon", "2026-11-28");

        Document tracker = page(out, "action-items/index.html");
        assertThat(tracker.select("#overdue h3").eachText()).containsExactly("sre-team");
        assertThat(tracker.select("#open h3").eachText()).containsExactly("sre-team", "No owner");
        assertThat(tracker.select("#done h3").eachText()).containsExactly("app-team");
        assertThat(tracker.select("#open a[href=https://jira.example/browse/SRE-2]")).hasSize(1);
        assertThat(tracker.select("#open td").eachText()).contains("see Slack");
        assertThat(tracker.select("a[href=\"https://jira.example/browse/see Slack\"]")).isEmpty();
    }

    @Test
    void servicesAndTagsGetSafeSlugs() throws IOException {
        Path out = build(SITE, false);
        assertThat(out.resolve("services/payments-gateway/index.html")).isRegularFile();
        assertThat(out.resolve("tags/tier-1/index.html")).isRegularFile();
        Document pm = page(out, "postmortems/2026-03-05-checkout/index.html");
        assertThat(pm.select(".meta-panel a[href=../../services/payments-gateway/index.html]").text())
                .isEqualTo("Payments Gateway");
        assertThat(pm.select(".meta-panel a[href=../../tags/tier-1/index.html]").text()).isEqualTo("Tier 1");
        assertThat(pm.select(".meta-panel a[href=../../runbooks/checkout/index.html]")).hasSize(1);
        Document service = page(out, "services/checkout/index.html");
        assertThat(service.select("dl.facts").text()).contains("Incidents 1", "Median TTR 58 min");
    }

    @Test
    void alertNamesBecomeSafeSegments() throws IOException {
        Path out = build(SITE, false);
        assertThat(out.resolve("alerts/Disk~20full/index.html")).isRegularFile();
        assertThat(out.resolve("alerts/~2E~2E/index.html")).isRegularFile();
        // The runbook does not mention the alert: its page lands on the Mitigation heading.
        assertThat(page(out, "alerts/~2E~2E/index.html").selectFirst("a#runbook-link").attr("href"))
                .isEqualTo("../../runbooks/checkout/index.html#mitigation");
        assertThat(page(out, "alerts/index.html").select("a[href=../alerts/Disk~20full/index.html]")).hasSize(1);
    }

    @Test
    void withoutBaseUrlTheSitemapAndFeedAreSkippedWithOneNote() throws IOException {
        Path out = build(SITE, false);
        assertThat(lastResult.diagnostics().stream().filter(d -> d.ruleId().equals("sitemap"))
                .map(Diagnostic::toString)).containsExactly(
                "hindsight.yml:1:1: info[sitemap]: no `base_url`: sitemap.xml and feed.xml are not written, as they need"
                        + " absolute URLs");
        assertThat(out.resolve("sitemap.xml")).doesNotExist();
        assertThat(out.resolve("feed.xml")).doesNotExist();
        assertThat(page(out, "index.html").select("link[type=application/atom+xml]")).isEmpty();
        Document notFound = page(out, "404.html");
        assertThat(notFound.select("a[href=index.html]")).hasSize(2);
        assertThat(notFound.select("head script").first().data()).contains("b.href = '/'");
    }

    @Test
    void withBaseUrlThe404PageLinksFromIt() throws IOException {
        Path out = build(SITE.replace("title: Acme SRE\n", "title: Acme SRE\nbase_url: https://kb.example/sre\n"),
                false);
        Document notFound = page(out, "404.html");
        assertThat(notFound.select("link[rel=stylesheet]").attr("href"))
                .isEqualTo("https://kb.example/sre/assets/style.css");
        assertThat(notFound.select("main a").first().attr("href")).isEqualTo("https://kb.example/sre/index.html");
        assertThat(notFound.select("head script:not([src])")).isEmpty();
        assertThat(out.resolve("feed.xml")).content().contains("<id>https://kb.example/sre/postmortems/"
                + "2026-03-05-checkout/index.html</id>");
    }

    @Test
    void draftsAreLeftOutUnlessAskedForAndThenCarryABanner() throws IOException {
        Path out = build(SITE, false);
        assertThat(out.resolve("postmortems/2026-05-01-draft/index.html")).doesNotExist();
        assertThat(page(out, "postmortems/index.html").text()).doesNotContain("Half-written");
        out = build(SITE, true);
        assertThat(page(out, "postmortems/2026-05-01-draft/index.html").select(".banner-draft").text())
                .startsWith("Draft.");
    }

    @Test
    void metricsJsonInThePageSurvivesHostileValues() throws IOException {
        Path out = build(SITE.replace("severity: SEV-2", "severity: \"</script><script>alert(1)</script>\""), false);
        Document metrics = page(out, "metrics/index.html");
        assertThat(metrics.select("script:not([src])")).hasSize(1);
        String data = metrics.selectFirst("script#metrics-data").data();
        assertThat(new ObjectMapper().readTree(data).path("severities").toString())
                .contains("</script><script>alert(1)</script>");
        assertThat(metrics.select("svg title").eachText()).anyMatch(t -> t.contains("</script>"));
    }
}
