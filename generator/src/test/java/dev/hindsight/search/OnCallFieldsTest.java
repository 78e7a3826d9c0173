package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Runbook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an on-call engineer types besides words: a severity as SEV1 or SEV-1, an escalation's PagerDuty. */
class OnCallFieldsTest {

    private static Runbook withEscalation(Runbook rb, List<Runbook.Escalation> escalation) {
        return new Runbook(rb.meta(), rb.body(), rb.service(), rb.owner(), rb.dependencies(), rb.alerts(),
                rb.lastReviewed(), rb.reviewEvery(), rb.lastTested(), rb.dashboards(), escalation);
    }

    private final SearchIndex index = SearchIndex.build(List.of(
            TestDocs.postmortem("2025-01-a", "INC-1", "Checkout down", List.of("payments"), "SEV-1",
                    "## Summary\nCheckout failed.\n"),
            TestDocs.postmortem("2025-01-b", "INC-2", "Slow search", List.of("search"), "SEV-3",
                    "## Summary\nSearch was slow.\n"),
            withEscalation(TestDocs.runbook("gateway", "API gateway", "api-gateway", List.of(),
                    "## Overview\nThe edge.\n"), List.of(
                            new Runbook.Escalation("Platform on-call", "pagerduty:platform-primary", "Any page"),
                            new Runbook.Escalation("Manager", "mailto:lead@example.com", "SEV-1 only"))),
            TestDocs.runbook("batch", "Nightly batch", "batch", List.of(), "## Overview\nReports.\n")));

    @Test
    void sev1WithOrWithoutTheHyphenFindsTheSev1Postmortem() {
        assertThat(TestDocs.scores(index, "sev1")).containsOnlyKeys("INC-1", "gateway");
        assertThat(TestDocs.scores(index, "sev-1")).containsKeys("INC-1");
        assertThat(TestDocs.scores(index, "sev3")).containsOnlyKeys("INC-2");
    }

    @Test
    void pagerdutyFindsTheRunbookWhoseEscalationNamesIt() {
        assertThat(TestDocs.scores(index, "pagerduty")).containsOnlyKeys("gateway");
        assertThat(TestDocs.scores(index, "platform-primary")).containsOnlyKeys("gateway");
    }
}
