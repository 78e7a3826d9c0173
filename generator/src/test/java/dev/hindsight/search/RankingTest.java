package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    private final SearchIndex index = SearchIndex.build(List.of(
            TestDocs.postmortem("2025-01-redis", "INC-2025-001", "Redis failover logged customers out",
                    List.of("sessions"), "SEV-2", "## Summary\nThe session store failed over.\n"),
            TestDocs.postmortem("2025-02-cache", "INC-2025-002", "Cache stampede after deploy",
                    List.of("storefront"), "SEV-3",
                    "## Summary\nRedis, redis and more redis: the cache is a redis cluster, redis everywhere.\n"
                            + "The PaymentsHighErrorRate alert fired twice; PaymentsHighErrorRate was noisy.\n"),
            TestDocs.postmortem("2025-03-errors", "INC-2025-003", "Checkout errors",
                    List.of("payments"), "SEV-2",
                    "## Summary\nA high error rate in payments. The error rate was high for an hour.\n"),
            TestDocs.runbook("payments-service", "Payment service", "payments",
                    List.of("PaymentsHighMemory", "PaymentsHighErrorRate"),
                    "## Overview\nCard payments.\n## Diagnosis\nCheck the dashboards.\n"),
            TestDocs.runbook("session-redis", "Session store", "sessions", List.of("SessionRedisPrimaryDown"),
                    "## Overview\nThe Redis cluster behind sessions.\n## Redis failover\nPromote a replica.\n")));

    @Test
    void aTitleMatchBeatsManyBodyMatches() {
        Map<String, Double> redis = TestDocs.scores(index, "redis");
        // The runbook has it in its id, a heading and the body; the postmortem only in its title; the
        // cache postmortem five times in its body.
        assertThat(ranked(redis)).containsExactly("session-redis", "INC-2025-001", "INC-2025-002");
        assertThat(redis.get("INC-2025-001")).isGreaterThan(2 * redis.get("INC-2025-002"));
    }

    @Test
    void headingsBeatBody() {
        Map<String, Double> failover = TestDocs.scores(index, "failover");
        assertThat(ranked(failover)).containsExactly("INC-2025-001", "session-redis");
        Map<String, Double> replica = TestDocs.scores(index, "promote");
        assertThat(replica).containsOnlyKeys("session-redis");
    }

    @Test
    void anIdMatchBeatsAHeadingMatch() {
        SearchIndex idx = SearchIndex.build(List.of(
                TestDocs.runbook("payments", "Card runbook", "cards", List.of(), "## Overview\nCards.\n"),
                TestDocs.runbook("cards", "Card flows", "cards", List.of(), "## Payments\nCards.\n")));
        assertThat(ranked(TestDocs.scores(idx, "payments"))).containsExactly("payments", "cards");
    }

    @Test
    void anAlertNameRanksTheRunbookThatListsItFirst() {
        assertThat(ranked(TestDocs.scores(index, "paymentshigherrorrate")))
                .containsExactly("payments-service", "INC-2025-002");
        // Its words alone still find the prose that uses them.
        assertThat(TestDocs.scores(index, "error")).containsKeys("payments-service", "INC-2025-003");
    }

    @Test
    void serviceLabelsAreSearchable() {
        assertThat(ranked(TestDocs.scores(index, "sessions"))).startsWith("session-redis");
    }

    private static List<String> ranked(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
