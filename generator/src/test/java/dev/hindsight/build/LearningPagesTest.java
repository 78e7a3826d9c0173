package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.git.TestRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning pages of a whole site in a Git repository, by their exact text: three checkout incidents with
 * the same contributing factor (two within the 90-day window, one outside it), a done action item whose factor
 * recurs, a Jira export that disagrees with the postmortems both ways, a runbook never used, a payments incident
 * with a noisy alert and structured impact, and five small incidents of one severity and quarter (enough for
 * percentiles).
 */
class LearningPagesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    static final String CONFIG = """
            -- hindsight.yml --
            title: Learning
            tickets:
              url: https://jira.example.com/browse/{key}
              export: tickets/jira.csv
            -- services.yml --
            services:
              - id: checkout
                owner: commerce-team
              - id: payments
                name: Payment service
                owner: payments-team
            -- tickets/jira.csv --
            Summary,Issue key,Issue id,Status,Resolution
            Validate config,SHOP-1,10001,In Progress,Unresolved
            Add a canary stage,SHOP-2,10002,Done,Done
            Document the flag,SHOP-3,10003,In Progress,
            """;

    static final String CHECKOUT_RUNBOOK = """
            ---
            title: Checkout
            service: checkout
            owner: commerce-team
            alerts: [CheckoutErrors]
            last_reviewed: 2024-05-01
            last_tested: 2024-05-01
            ---
            ## Overview
            Checkout.
            """;

    static final String PAYMENTS_RUNBOOK = """
            ---
            title: Payments
            service: payments
            owner: payments-team
            alerts: [PaymentsDown]
            last_reviewed: 2023-01-01
            ---
            ## Overview
            Payments.
            """;

    static String postmortem(String id, String date, String severity, String services, String frontMatter,
                             String timeline, String actions) {
        return """
                ---
                title: Incident %s
                id: %s
                date: %s
                status: published
                severity: %s
                services: [%s]
                %s
                ---
                ## Summary
                Something failed.
                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 14:00 | Errors start |
                | 14:05 | %s |
                %s""".formatted(id, id, date, severity, services, frontMatter, timeline,
                actions.isEmpty() ? "" : """
                        ## Action items
                        | Action | Owner | Priority | Due | Status | Done on | Ticket |
                        |---|---|---|---|---|---|---|
                        %s
                        """.formatted(actions));
    }

    static String times(String day, int detect, int ack, int mitigate, int resolve) {
        java.time.OffsetDateTime start = java.time.OffsetDateTime.parse(day + "T10:00:00Z");
        return "incident:\n  started: " + start + "\n  detected: " + start.plusMinutes(detect)
                + "\n  acknowledged: " + start.plusMinutes(detect + ack) + "\n  mitigated: "
                + start.plusMinutes(mitigate) + "\n  resolved: " + start.plusMinutes(resolve);
    }

    static final String A = postmortem("INC-1", "2024-01-10", "SEV-2", "checkout",
            "contributing_factors: [configuration]\nrunbooks: [checkout]\n" + times("2024-01-10", 10, 5, 40, 60),
            "Alert fires",
            "| Validate config before deploy | commerce-team | P1 | 2024-01-31 | done | 2024-01-25 | SHOP-1 |")
            + "## Ideas\n- Rewrite checkout in a weekend\n";
    static final String B = postmortem("INC-2", "2024-03-01", "SEV-2", "checkout",
            "contributing_factors: [configuration, capacity]\nalerts: [CheckoutErrors]\n"
                    + times("2024-03-01", 20, 2, 60, 150),
            "Followed [the runbook](../runbooks/checkout.md)",
            "| Add a canary stage | commerce-team | P1 | 2024-04-01 | open |  | SHOP-2 |\n"
                    + "| Document the flag | commerce-team | P2 | 2024-05-01 | in progress |  | SHOP-3 |");
    static final String C = postmortem("INC-3", "2024-09-02", "SEV-2", "checkout",
            "contributing_factors: [configuration]\nalerts: [CheckoutLatency]", "Alert fires",
            "| Tune the alert | commerce-team | P2 | 2024-10-01 | open |  |  |");
    static final String D = postmortem("INC-4", "2024-05-25", "SEV-1", "payments, checkout",
            "contributing_factors: [dependency]\nalerts: [{name: PaymentsDown, verdict: not-actionable}]\n"
                    + "impact:\n  summary: Card payments failed.\n  customers: 1200\n  duration_minutes: 45",
            "Alert fires", "| Add a retry budget | payments-team | P2 | 2024-05-30 | open |  |  |\n"
                    + "| Page the provider's status page | ada | P3 | 2024-06-20 | open |  |  |");

    /** Five SEV-3 incidents of 2024-Q2: TTD 2 to 10 minutes, TTR 60 to 120. */
    static String small(int i) {
        int[] resolve = {60, 70, 80, 90, 120};
        return postmortem("INC-" + (10 + i), "2024-04-0" + (i + 1), "SEV-3", "payments",
                times("2024-04-0" + (i + 1), 2 * (i + 1), 1, 30, resolve[i]), "Fixed", "");
    }

    @TempDir
    static Path tmp;

    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        Path root = tmp.resolve("site");
        dev.hindsight.SiteFixture.write(root, CONFIG);
        try (TestRepo repo = TestRepo.init(root)) {
            repo.write("runbooks/checkout.md", CHECKOUT_RUNBOOK).write("runbooks/payments.md", PAYMENTS_RUNBOOK)
                    .write("postmortems/2024-01-10-a.md", A).write("postmortems/2024-03-01-b.md", B)
                    .write("postmortems/2024-09-02-c.md", C).write("postmortems/2024-05-25-d.md", D);
            for (int i = 0; i < 5; i++) {
                repo.write("postmortems/2024-04-0" + (i + 1) + "-e.md", small(i));
            }
            repo.commit("Ada", "2024-01-01T10:00:00Z", "the site");
            repo.write("runbooks/payments.md", PAYMENTS_RUNBOOK + "More.\n").commit("Ada", "2024-05-20T10:00:00Z",
                    "payments runbook");
        }
        out = tmp.resolve("out");
        result = new Hindsight().build(BuildOptions.build(root, out).withReferenceDate(TODAY));
        assertThat(result.setupFailed()).isFalse();
        assertThat(Files.isRegularFile(out.resolve("patterns/index.html"))).as(result.diagnostics().toString())
                .isTrue();
    }

    private static Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile());
    }

    @Test
    void thePatternsPageGroupsTheTwoIncidentsWithinTheWindowAndFlagsTheIneffectiveAction() throws IOException {
        Document p = page("patterns/index.html");
        assertThat(p.select("main h2").eachText()).containsExactly("checkout · Configuration");
        assertThat(p.select(".pattern-count").text()).isEqualTo(
                "2 incidents from 2024-01-10 to 2024-03-01. Shared: checkout; factors Configuration.");
        assertThat(p.select(".ineffective-note li").eachText()).containsExactly("possibly ineffective"
                + " “Validate config before deploy” (INC-1, commerce-team): done 2024-01-25; Configuration recurred"
                + " on checkout in INC-2 on 2024-03-01.");
        assertThat(p.select(".pattern-incident").eachText()).containsExactly(
                "2024-03-01 Incident INC-2 INC-2 SEV-2 newest", "2024-01-10 Incident INC-1 INC-1 SEV-2");
        assertThat(p.select(".pattern-incidents > li > p.muted").eachText())
                .containsExactly("Recurs from INC-1 (51 days before).");
        assertThat(p.select(".pattern-actions li").eachText()).containsExactly(
                "done possibly ineffective Validate config before deploy · commerce-team · done 2024-01-25");
        assertThat(p.select(".pattern-incident a").eachAttr("href")).containsExactly(
                "../postmortems/2024-03-01-b/index.html", "../postmortems/2024-01-10-a/index.html");
        assertThat(p.select("main").text()).as("the incident outside the window").doesNotContain("INC-3");
    }

    @Test
    void aPostmortemNamesItsPredecessorsWithTheirActionItemsAndKeepsIdeasApart() throws IOException {
        Document b = page("postmortems/2024-03-01-b/index.html");
        assertThat(b.select(".seen-before h3").eachText()).containsExactly("2024-01-10 Incident INC-1 INC-1");
        assertThat(b.select(".seen-before h3 a").attr("href")).isEqualTo("../../postmortems/2024-01-10-a/index.html");
        assertThat(b.select(".seen-before p.muted").text()).isEqualTo("51 days before; shared: checkout; Configuration.");
        assertThat(b.select(".seen-before li").eachText()).containsExactly(
                "done Validate config before deploy · commerce-team · done 2024-01-25");
        assertThat(page("postmortems/2024-09-02-c/index.html").select(".seen-before")).isEmpty();

        Document a = page("postmortems/2024-01-10-a/index.html");
        assertThat(a.select("ul.ideas li").eachText()).containsExactly("Rewrite checkout in a weekend");
        assertThat(a.select("table.actions tbody td.main").eachText()).containsExactly("Validate config before deploy");
        assertThat(a.select(".meta-panel dt:contains(Factors) + dd").text()).isEqualTo("Configuration");
    }

    @Test
    void aFactorPageListsItsIncidentsOverTime() throws IOException {
        Document f = page("factors/configuration/index.html");
        assertThat(f.select("h1").text()).isEqualTo("Configuration");
        assertThat(f.select("main .lead").text()).isEqualTo("A setting, flag or configuration push was wrong or unsafe.");
        assertThat(f.select("main > p:not(.eyebrow):not(.lead)").first().text()).isEqualTo(
                "3 incidents named this factor.");
        assertThat(f.select("table.numbers tbody tr").eachText()).containsExactly(
                "2024-Q1 2", "2024-Q2 0", "2024-Q3 1");
        assertThat(f.select("svg#factor-chart title").first().text())
                .isEqualTo("Incidents with contributing factor Configuration per quarter");
        assertThat(f.select("svg#factor-chart rect.bar")).hasSize(3); // a zero is a bar of no height
        assertThat(f.select(".doc-list li").eachText()).containsExactly(
                "2024-09-02 Incident INC-3 INC-3 SEV-2 · checkout",
                "2024-03-01 Incident INC-2 INC-2 SEV-2 · checkout",
                "2024-01-10 Incident INC-1 INC-1 SEV-2 · checkout");
        Document index = page("factors/index.html");
        assertThat(index.select("tbody tr").get(1).text()).isEqualTo(
                "Configuration configuration A setting, flag or configuration push was wrong or unsafe. 3 2024-09-02");
        assertThat(index.select("tbody tr").get(11).text()).isEqualTo(
                "Security security Certificates, credentials, permissions or an attack. 0 —");
    }

    @Test
    void theOnCallHandoffOfATeam() throws IOException {
        Document o = page("oncall/payments-team/index.html");
        assertThat(o.select("h1").text()).isEqualTo("payments-team");
        assertThat(o.select("main .lead").text()).isEqualTo(
                "Services: payments. As of 2024-06-01; “recent” is the last 30 days.");
        assertThat(o.select("section h2").eachText()).containsExactly("Recent incidents (1)",
                "Overdue action items (1)", "Open action items (2)", "Runbooks changed in the last 30 days (1)",
                "Runbooks due for review (1)", "Runbooks not tested lately (1)", "Noisy alerts (1)");
        assertThat(o.select("#recent-heading + ul li").eachText()).containsExactly(
                "2024-05-25 Incident INC-4 INC-4 SEV-1 · payments, checkout");
        assertThat(o.select("#overdue-heading + ul li").eachText()).containsExactly(
                "open P2 Add a retry budget · payments-team · due 2024-05-30 · INC-4");
        assertThat(o.select("#open-heading + ul li").eachText()).containsExactly(
                "open P2 Add a retry budget · payments-team · due 2024-05-30 · INC-4",
                "open P3 Page the provider's status page · ada · due 2024-06-20 · INC-4");
        assertThat(o.select("#changed-heading + ul li").eachText()).containsExactly("Payments · changed 2024-05-20");
        assertThat(o.select("#stale-heading + ul li").eachText()).containsExactly("Payments · review was due 2023-04-01");
        assertThat(o.select("#untested-heading + ul li").eachText()).containsExactly("Payments · never tested");
        assertThat(o.select("#noisy-heading ~ ul li").eachText()).containsExactly(
                "PaymentsDown: 1 of 1 incident without action · runbook Payments");
        assertThat(page("oncall/index.html").select("main .doc-list li").eachText())
                .containsExactly("commerce-team", "payments-team");
    }

    @Test
    void theMetricsPageHasDistributionsImpactAndCompletionPerTeam() throws IOException {
        Document m = page("metrics/index.html");
        assertThat(m.select("#distributions > p").first().text()).isEqualTo("Time to detect, acknowledge, mitigate"
                + " and resolve per quarter. Percentiles need at least 5 incidents; with fewer, each cell states the"
                + " count and lists the times themselves.");
        assertThat(m.select("#by-severity tbody tr").eachText()).containsExactly(
                "SEV-2 2024-Q1 n=2: 10 min, 20 min n=2: 2 min, 5 min n=2: 40 min, 1 h 00 min n=2: 1 h 00 min, 2 h 30 min",
                "SEV-3 2024-Q2 P50 6 min · P90 10 min (n=5) P50 1 min · P90 1 min (n=5)"
                        + " P50 30 min · P90 30 min (n=5) P50 1 h 20 min · P90 2 h 00 min (n=5)");
        assertThat(m.select("#by-service tbody tr").eachText()).containsExactly(
                "checkout 2024-Q1 n=2: 10 min, 20 min n=2: 2 min, 5 min n=2: 40 min, 1 h 00 min n=2: 1 h 00 min, 2 h 30 min",
                "payments 2024-Q2 P50 6 min · P90 10 min (n=5) P50 1 min · P90 1 min (n=5)"
                        + " P50 30 min · P90 30 min (n=5) P50 1 h 20 min · P90 2 h 00 min (n=5)");
        assertThat(m.select("#impact-heading ~ .table-wrap tbody tr").eachText()).containsExactly("2024-Q2 1 1200 45 min");
        assertThat(m.select("#team-completion-heading ~ .table-wrap tbody tr").eachText()).containsExactly(
                "commerce-team 2024-Q1 3 1 33%", "commerce-team 2024-Q3 1 0 0%", "payments-team 2024-Q2 2 0 0%");
    }

    @Test
    void theApiSchemasArePublishedBesideTheApi() throws IOException {
        for (String file : dev.hindsight.learning.LearningJson.FILES) {
            String schema = "schema/" + file.replace(".json", ".schema.json");
            try (java.io.InputStream in = getClass().getResourceAsStream("/dev/hindsight/" + schema)) {
                assertThat(Files.readString(out.resolve(schema)))
                        .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void runbookPagesSayHowOftenTheyWereUsedAndTheListNamesTheOnesNeverUsed() throws IOException {
        assertThat(page("runbooks/checkout/index.html").select(".usage").text())
                .isEqualTo("Used in 2 incidents, last on 2024-03-01.");
        assertThat(page("runbooks/checkout/index.html").select("#backlinks-heading + ul li").eachText())
                .containsExactly("2024-03-01 Incident INC-2 SEV-2", "2024-01-10 Incident INC-1 SEV-2");
        assertThat(page("runbooks/payments/index.html").select(".usage").text())
                .isEqualTo("Not used in any incident yet.");
        Document list = page("runbooks/index.html");
        assertThat(list.select("#never-used-heading").text()).isEqualTo("Never used in an incident (1)");
        assertThat(list.select("#never-used-heading + ul li").eachText()).containsExactly("Payments");
        assertThat(list.select("#no-runbook-heading + ul li").eachText()).containsExactly(
                "CheckoutLatency in Incident INC-3 · 2024-09-02");
    }

    @Test
    void theTrackerShowsPriorityDaysLateAndTheTicketsRealStatus() throws IOException {
        Document t = page("action-items/index.html");
        assertThat(t.select("table.actions thead").first().select("th").eachText())
                .containsExactly("Action", "Priority", "Due", "Status", "Ticket", "Postmortem");
        assertThat(t.select("tr:has(td.main:contains(Add a canary stage))").text()).isEqualTo(
                "Add a canary stage P1 2024-04-01 objective 2024-03-29 64 days late overdue SHOP-2 tracker: Done"
                        + " mismatch INC-2");
        assertThat(t.select("tr:has(td.main:contains(Document the flag))").text()).isEqualTo(
                "Document the flag P2 2024-05-01 objective 2024-04-26 36 days late overdue SHOP-3 tracker: In Progress"
                        + " INC-2");
        assertThat(t.select("tr:has(td.main:contains(Validate config before deploy))").text()).isEqualTo(
                "Validate config before deploy P1 2024-01-31 objective 2024-02-07 done SHOP-1 tracker: In Progress"
                        + " mismatch INC-1");
    }
}
