package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 4180 reader of the Jira export. */
class CsvTest {

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndRecordsEndInCrlfOrLf() {
        Csv.Parsed p = Csv.parse("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
        assertThat(p.rows()).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("last", "", ""));
        assertThat(p.lines()).containsExactly(1, 2, 4);
        assertThat(p.unclosedQuoteLine()).isEqualTo(-1);
    }

    @Test
    void aFinalRecordWithoutLineBreakAndEmptyLinesBetweenRecords() {
        Csv.Parsed p = Csv.parse("k,s\n\nA-1,Done");
        assertThat(p.rows()).containsExactly(List.of("k", "s"), List.of("A-1", "Done"));
        assertThat(p.lines()).containsExactly(1, 3);
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheFieldBegan() {
        assertThat(Csv.parse("k,s\nA-1,\"open\nA-2,Done\n").unclosedQuoteLine()).isEqualTo(2);
    }

    @Test
    void jiraClosedByResolutionOrByStatusWithoutAResolutionColumn() {
        Tickets withResolution = Tickets.jira("Issue key,Status,Resolution\nA-1,Done,Done\nA-2,Done,Unresolved\n"
                + "A-3,In Review,\n");
        assertThat(withResolution.find("a-1").orElseThrow().closed()).isTrue();
        assertThat(withResolution.find("A-2").orElseThrow().closed()).isTrue();
        assertThat(withResolution.find("A-3").orElseThrow().closed()).isFalse();
        Tickets statusOnly = Tickets.jira("Status,Issue key\nClosed,B-1\nIn Progress,B-2\n");
        assertThat(statusOnly.find("B-1").orElseThrow().closed()).isTrue();
        assertThat(statusOnly.find("B-2").orElseThrow().line()).isEqualTo(3);
        assertThat(Tickets.jira("Key,State\nA-1,Done\n").problems()).containsExactly(new Tickets.Problem(1,
                "the Jira export needs the columns `Issue key` and `Status`; it has `Key`, `State`"));
    }

    @Test
    void githubIssuesAreFoundByNumberOrUrl() {
        Tickets t = Tickets.github("[{\"number\":7,\"state\":\"CLOSED\",\"url\":\"https://github.com/o/r/issues/7\"},"
                + "{\"title\":\"no number\"}]");
        assertThat(t.find("#7").orElseThrow().closed()).isTrue();
        assertThat(t.find("https://github.com/o/r/issues/7")).isPresent();
        assertThat(t.find("https://github.com/other/r/issues/7")).isEmpty();
        assertThat(t.problems()).containsExactly(new Tickets.Problem(0,
                "issue [1] of the GitHub export has no `number` and `state`"));
        assertThat(Tickets.github("{\"number\": 1").problems()).hasSize(1);
    }

    @Test
    void suggestionsFindTheClosestKnownWordOrNone() {
        List<String> known = List.of("configuration", "capacity", "monitoring-gap");
        assertThat(Suggestions.closest("monitring-gap", known)).contains("monitoring-gap");
        assertThat(Suggestions.closest("config", known)).contains("configuration");
        assertThat(Suggestions.closest("weather", known)).isEmpty();
    }
}
