package dev.hindsight.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFormatterTest {

    private final JsonFormatter formatter = new JsonFormatter();

    @Test
    void writesSummaryAndDiagnosticsWithHintOnlyWhereGiven() {
        List<Diagnostic> diagnostics = List.of(
                new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/2024-03-db.md", 12, 3),
                        "timeline entry 14:05 comes after 14:10", "sort the timeline by time"),
                new Diagnostic(Severity.WARNING, "missing-owner", Position.ofFile("runbooks/restart.md"),
                        "runbook has no owner", ""));

        assertThat(formatter.format(diagnostics)).isEqualTo("""
                {
                  "version": 1,
                  "summary": {
                    "errors": 1,
                    "warnings": 1,
                    "infos": 0
                  },
                  "diagnostics": [
                    {
                      "file": "postmortems/2024-03-db.md",
                      "line": 12,
                      "column": 3,
                      "severity": "error",
                      "rule": "timeline-order",
                      "message": "timeline entry 14:05 comes after 14:10",
                      "hint": "sort the timeline by time"
                    },
                    {
                      "file": "runbooks/restart.md",
                      "line": 1,
                      "column": 1,
                      "severity": "warning",
                      "rule": "missing-owner",
                      "message": "runbook has no owner"
                    }
                  ]
                }
                """);
    }

    @Test
    void writesAnEmptyListAsZeroCountsAndAnEmptyArray() {
        assertThat(formatter.format(List.of())).isEqualTo("""
                {
                  "version": 1,
                  "summary": {
                    "errors": 0,
                    "warnings": 0,
                    "infos": 0
                  },
                  "diagnostics": []
                }
                """);
    }

    @Test
    void escapesQuotesAndKeepsNonAsciiAsIs() {
        String json = formatter.format(List.of(new Diagnostic(Severity.INFO, "unknown-kind",
                Position.of("notes/café.md", 2, 1), "kind \"memo\" is not configured — ignored", "")));

        assertThat(json)
                .contains("\"file\": \"notes/café.md\"")
                .contains("\"message\": \"kind \\\"memo\\\" is not configured — ignored\"")
                .contains("\"infos\": 1")
                .doesNotContain("\r");
    }
}
