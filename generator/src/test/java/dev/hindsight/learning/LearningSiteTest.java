package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning from incidents on a whole site: three checkout incidents with the same contributing factor,
 * two within the 90-day window and one outside it; a done action item whose factor recurs; a Jira export
 * that disagrees with the postmortems both ways; a runbook never used; a misspelt factor; a P1 item late.
 */
class LearningSiteTest {

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
                owner: payments-team
            """;

    static final String RUNBOOKS = """
            -- runbooks/checkout.md --
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
            -- runbooks/payments.md --
            ---
            title: Payments
            service: payments
            owner: payments-team
            alerts: [PaymentsDown]
            ---
            ## Overview
            Payments.
            """;

    /** A postmortem; its action-item table's first row is on line 21. */
    static String postmortem(String file, String id, String date, String factors, String extra, String timeline,
                             String actions) {
        return "-- postmortems/" + file + ".md --\n" + """
                ---
                title: Checkout incident %s
                id: %s
                date: %s
                status: published
                severity: SEV-2
                services: [checkout]
                contributing_factors: %s
                %s
                ---
                ## Summary
                Checkout failed.
                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 14:00 | Errors start |
                | 14:05 | %s |
                ## Action items
                | Action | Owner | Priority | Due | Status | Done on | Ticket |
                |---|---|---|---|---|---|---|
                %s
                ## Ideas
                - Rewrite checkout in a weekend
                """.formatted(id, id, date, factors, extra, timeline, actions);
    }

    static final String A = postmortem("2024-01-10-a", "INC-1", "2024-01-10", "[configuration]",
            "runbooks: [checkout]", "Alert fires",
            "| Validate config before deploy | commerce-team | P1 | 2024-01-31 | done | 2024-01-25 | SHOP-1 |");
    static final String B = postmortem("2024-03-01-b", "INC-2", "2024-03-01", "[configuration, capacity]",
            "alerts: [CheckoutErrors]", "Followed [the runbook](../runbooks/checkout.md)",
            "| Add a canary stage | commerce-team | P1 | 2024-04-01 | open |  | SHOP-2 |\n"
                    + "| Document the flag | commerce-team | P2 | 2024-05-01 | in progress |  | SHOP-3 |");
    static final String C = postmortem("2024-09-02-c", "INC-3", "2024-09-02", "[configuration, monitring-gap]",
            "alerts: [CheckoutLatency]", "Alert fires",
            "| Tune the alert | commerce-team | P5 | 2024-10-01 | open |  |  |");

    static final String JIRA = """
            -- tickets/jira.csv --
            Summary,Issue key,Issue id,Status,Resolution
            "Validate config, before deploy",SHOP-1,10001,In Progress,Unresolved
            Add a canary stage,SHOP-2,10002,Done,Done
            "Document the ""flag""
            in the wiki",SHOP-3,10003,In Progress,
            """;

    @TempDir
    Path tmp;

    private Path site(String text) {
        return SiteFixture.write(tmp.resolve("site"), text);
    }

    private List<String> check(Path root, String rule) {
        return new Hindsight().check(BuildOptions.check(root).withReferenceDate(TODAY)).diagnostics().stream()
                .filter(d -> d.ruleId().equals(rule)).sorted().map(LearningSiteTest::text).toList();
    }

    static String text(Diagnostic d) {
        return d.hasHint() ? d + " | hint: " + d.hint() : d.toString();
    }

    private Path whole() {
        return site(CONFIG + RUNBOOKS + A + B + C + JIRA);
    }

    @Test
    void theNewestOfAPatternNamesItsPredecessorsAndTheIncidentOutsideTheWindowIsNotPartOfIt() {
        assertThat(check(whole(), "recurring-incident")).containsExactly(
                "postmortems/2024-03-01-b.md:8:24: info[recurring-incident]: recurs from INC-1 of 2024-01-10"
                        + " (checkout; configuration), within 90 days | hint: read their action items: did they"
                        + " work? The pattern has 2 incidents");
    }

    @Test
    void anUnknownFactorIsAnErrorAtItsItemWithADidYouMeanHint() {
        assertThat(check(whole(), "unknown-factor")).containsExactly(
                "postmortems/2024-09-02-c.md:8:39: error[unknown-factor]: unknown contributing factor"
                        + " `monitring-gap` | hint: did you mean `monitoring-gap`? known factors: change,"
                        + " configuration, capacity, dependency, monitoring-gap, data, failover, timeouts-retries,"
                        + " testing-gap, process, infrastructure, security");
    }

    @Test
    void anOpenItemPastItsPrioritysObjectiveIsLateByDays() {
        assertThat(check(whole(), "action-item-slo")).containsExactly(
                "postmortems/2024-03-01-b.md:21:1: warning[action-item-slo]: action item \"Add a canary stage\" (P1)"
                        + " is 64 days late: still open after its 28-day objective, 2024-03-29 | hint: finish it,"
                        + " or lower its priority and say why in the postmortem",
                "postmortems/2024-03-01-b.md:22:1: warning[action-item-slo]: action item \"Document the flag\" (P2)"
                        + " is 36 days late: still in-progress after its 56-day objective, 2024-04-26 | hint: finish"
                        + " it, or lower its priority and say why in the postmortem",
                "postmortems/2024-09-02-c.md:21:1: warning[action-item-slo]: action item \"Tune the alert\" has"
                        + " priority `P5`, which has no completion objective | hint: use one of P1, P2, P3"
                        + " (action_items.objectives)");
    }

    @Test
    void aJiraExportDisagreeingBothWaysIsReportedAtTheItems() {
        assertThat(check(whole(), "ticket-status")).containsExactly(
                "postmortems/2024-01-10-a.md:21:1: warning[ticket-status]: action item \"Validate config before"
                        + " deploy\" is done here, but ticket SHOP-1 is still In Progress in tickets/jira.csv"
                        + " | hint: close the ticket, or reopen the item",
                "postmortems/2024-03-01-b.md:21:1: warning[ticket-status]: action item \"Add a canary stage\" is"
                        + " open here, but ticket SHOP-2 is Done in tickets/jira.csv | hint: mark the item done"
                        + " (and when), or reopen the ticket");
        assertThat(check(whole(), "ticket-export")).isEmpty();
    }

    @Test
    void aGithubIssuesExportIsReadToo() {
        String config = CONFIG.replace("tickets/jira.csv", "tickets/issues.json");
        String a = A.replace("SHOP-1", "#12");
        String b = B.replace("SHOP-2", "https://github.com/shop/kb/issues/13");
        Path root = site(config + RUNBOOKS + a + b + """
                -- tickets/issues.json --
                [{"number":12,"state":"OPEN","title":"Validate config","url":"https://github.com/shop/kb/issues/12"},
                 {"number":13,"state":"CLOSED","title":"Canary","url":"https://github.com/shop/kb/issues/13"}]
                """);
        assertThat(check(root, "ticket-status")).containsExactly(
                "postmortems/2024-01-10-a.md:21:1: warning[ticket-status]: action item \"Validate config before"
                        + " deploy\" is done here, but ticket #12 is still OPEN in tickets/issues.json | hint: close"
                        + " the ticket, or reopen the item",
                "postmortems/2024-03-01-b.md:21:1: warning[ticket-status]: action item \"Add a canary stage\" is"
                        + " open here, but ticket #13 is CLOSED in tickets/issues.json | hint: mark the item done"
                        + " (and when), or reopen the ticket");
    }

    @Test
    void anExportThatCannotBeReadIsAnErrorAtItsLine() {
        Path root = site(CONFIG + RUNBOOKS + A + """
                -- tickets/jira.csv --
                Issue key,Status
                SHOP-1,Done
                SHOP-2,"In Progress
                """);
        assertThat(check(root, "ticket-export")).containsExactly(
                "tickets/jira.csv:3:1: error[ticket-export]: a quoted field that starts here is never closed");
        Path missing = site(CONFIG.replace("tickets/jira.csv", "../outside.csv") + RUNBOOKS + A);
        assertThat(new Hindsight().check(BuildOptions.check(missing).withReferenceDate(TODAY)).diagnostics()
                .stream().filter(d -> d.ruleId().equals("config")).map(LearningSiteTest::text).toList())
                .containsExactly("hindsight.yml:4:11: error[config]: `tickets.export` must be a path inside the"
                        + " site, not `../outside.csv` | hint: give a path relative to hindsight.yml, such as"
                        + " tickets/jira.csv");
    }

    @Test
    void ideasAreNotActionItems() {
        assertThat(check(whole(), "action-item-owner")).isEmpty();
        assertThat(check(whole(), "action-item-due")).isEmpty();
    }

    @Test
    void theJsonApiHasFactorsPatternsAndTheRunbookUsageLedger() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult r = new Hindsight().build(BuildOptions.build(whole(), out).withReferenceDate(TODAY));
        assertThat(r.setupFailed()).isFalse();
        ObjectMapper json = new ObjectMapper();
        JsonNode factors = json.readTree(Files.readString(out.resolve("api/factors.json")));
        assertThat(factors).hasSize(12);
        JsonNode configuration = factors.get(1);
        assertThat(configuration.get("id").asText()).isEqualTo("configuration");
        assertThat(configuration.get("label").asText()).isEqualTo("Configuration");
        assertThat(configuration.get("count").asInt()).isEqualTo(3);
        assertThat(configuration.get("incidents").findValuesAsText("id")).containsExactly("INC-3", "INC-2", "INC-1");
        assertThat(configuration.get("incidents").get(0).get("url").asText())
                .isEqualTo("postmortems/2024-09-02-c/index.html");
        assertThat(factors.get(2).get("incidents").findValuesAsText("id")).containsExactly("INC-2");

        JsonNode patterns = json.readTree(Files.readString(out.resolve("api/patterns.json")));
        assertThat(patterns).hasSize(1);
        JsonNode p = patterns.get(0);
        assertThat(p.get("count").asInt()).isEqualTo(2);
        assertThat(p.get("newest").asText()).isEqualTo("INC-2");
        assertThat(p.get("first").asText()).isEqualTo("2024-01-10");
        assertThat(p.get("last").asText()).isEqualTo("2024-03-01");
        assertThat(p.get("factors").toString()).isEqualTo("[\"configuration\"]");
        assertThat(p.get("services").toString()).isEqualTo("[\"checkout\"]");
        JsonNode newest = p.get("incidents").get(0);
        assertThat(newest.get("id").asText()).isEqualTo("INC-2");
        JsonNode pred = newest.get("predecessors").get(0);
        assertThat(pred.get("id").asText()).isEqualTo("INC-1");
        assertThat(pred.get("days_before").asInt()).isEqualTo(51);
        assertThat(pred.get("action_items").get(0).get("action").asText()).isEqualTo("Validate config before deploy");
        assertThat(p.get("incidents").get(1).get("predecessors")).isEmpty();
        JsonNode ineffective = p.get("possibly_ineffective");
        assertThat(ineffective).hasSize(1);
        assertThat(ineffective.get(0).toString()).isEqualTo("{\"postmortem_id\":\"INC-1\",\"action_item\":"
                + "{\"action\":\"Validate config before deploy\",\"owner\":\"commerce-team\",\"priority\":\"P1\","
                + "\"due\":\"2024-01-31\",\"done\":\"2024-01-25\",\"status\":\"done\",\"ticket\":\"SHOP-1\",\"line\":21},"
                + "\"since\":\"2024-01-25\",\"recurred_in\":\"INC-2\",\"recurred_on\":\"2024-03-01\","
                + "\"services\":[\"checkout\"],\"factors\":[\"configuration\"]}");

        JsonNode usage = json.readTree(Files.readString(out.resolve("api/runbook-usage.json")));
        JsonNode checkout = usage.get("runbooks").get(0);
        assertThat(checkout.get("id").asText()).isEqualTo("checkout");
        assertThat(checkout.get("count").asInt()).isEqualTo(2);
        assertThat(checkout.get("last_used").asText()).isEqualTo("2024-03-01");
        assertThat(checkout.get("incidents").findValuesAsText("id")).containsExactly("INC-2", "INC-1");
        assertThat(usage.get("runbooks").get(1).get("count").asInt()).isZero();
        assertThat(usage.get("never_used").toString()).isEqualTo("[\"payments\"]");
        assertThat(usage.get("alerts_without_runbook").toString()).isEqualTo("[{\"alert\":\"CheckoutLatency\","
                + "\"incident\":\"INC-3\",\"url\":\"postmortems/2024-09-02-c/index.html\",\"date\":\"2024-09-02\"}]");
    }

    @Test
    void theJsonApiMatchesItsSchemas() throws IOException {
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(whole(), out).withReferenceDate(TODAY));
        com.networknt.schema.SchemaRegistry registry = com.networknt.schema.SchemaRegistry
                .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12);
        ObjectMapper json = new ObjectMapper();
        for (String file : LearningJson.FILES) {
            String name = file.substring("api/".length(), file.length() - ".json".length());
            String schema;
            try (java.io.InputStream in = getClass().getResourceAsStream("/dev/hindsight/schema/api/" + name
                    + ".schema.json")) {
                schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            JsonNode data = json.readTree(Files.readString(out.resolve(file)));
            assertThat(data.isEmpty()).as(file).isFalse();
            assertThat(registry.getSchema(schema).validate(data)).as(file).isEmpty();
            JsonNode broken = data.isArray() ? json.readTree("[{\"id\": 1}]") : json.readTree("{\"runbooks\": 2}");
            assertThat(registry.getSchema(schema).validate(broken)).as(file + " refuses another shape").isNotEmpty();
        }
    }
}
