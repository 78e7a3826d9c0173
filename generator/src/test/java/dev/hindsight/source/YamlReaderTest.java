package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final Diagnostics diagnostics = new Diagnostics();
    private final SourceParser parser = new SourceParser(new YamlReader());

    private List<String> lines() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void syntaxErrorIsReportedAtTheLineOfTheMarkdownFile() {
        String text = "---\ntitle: Checkout outage\nservices: [payments\nseverity: SEV-2\n---\nbody\n";
        SourceDocument doc = parser.parse("postmortems/2024-03-db.md", text, diagnostics);
        assertThat(doc.frontMatter().root().size()).isZero();
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0)).startsWith("postmortems/2024-03-db.md:4:9: error[front-matter-yaml]: invalid YAML: ");
    }

    @Test
    void tabIndentationErrorPointsAtTheTab() {
        String text = "---\ntitle: A\nincident:\n\tstarted: x\n---\n";
        parser.parse("a.md", text, diagnostics);
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0)).startsWith("a.md:4:1: error[front-matter-yaml]: invalid YAML: ");
    }

    /** Issue 18: positions cost more memory than the values and are only read to report a problem. */
    @Test
    void positionsAreWorkedOutWhenFirstAskedForAndDroppedWithTheText() {
        String text = "---\ntitle: A\nincident:\n  started: 2024-01-01T10:00:00Z\nservices:\n  - api\n  - db\n---\n";
        FrontMatter fm = parser.parse("a.md", text, diagnostics).frontMatter();
        assertThat(fm.hasPositions()).isFalse();
        assertThat(fm.valuePositionOf("/incident/started")).isEqualTo(Position.of("a.md", 4, 12));
        assertThat(fm.hasPositions()).isTrue();
        assertThat(fm).isEqualTo(parser.parse("a.md", text, diagnostics).frontMatter());

        FrontMatter values = parser.parse("a.md", text, diagnostics).frontMatter().withoutPositions();
        assertThat(values.get("services").get(1).asText()).isEqualTo("db");
        assertThat(values.hasPositions()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> values.positionOf("/title"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the positions of the front matter of a.md were released after the checks; "
                        + "nothing may report on it any more");
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void keyAndValuePositionsMapToTheFile() {
        String text = "\uFEFF---\ntitle: A\nincident:\n  started: 2024-01-01T10:00:00Z\nservices:\n  - api\n  - db\n---\n";
        SourceDocument doc = parser.parse("a.md", text, diagnostics);
        FrontMatter fm = doc.frontMatter();
        assertThat(fm.positionOf("/title")).isEqualTo(Position.of("a.md", 2, 1));
        assertThat(fm.positionOf("/incident/started")).isEqualTo(Position.of("a.md", 4, 3));
        assertThat(fm.valuePositionOf("/incident/started")).isEqualTo(Position.of("a.md", 4, 12));
        assertThat(fm.positionOf("/services/1")).isEqualTo(Position.of("a.md", 7, 5));
        assertThat(fm.positionOf("/missing")).isEqualTo(Position.of("a.md", 2, 1));
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void datesStayText() {
        SourceDocument doc = parser.parse("a.md", "---\ndate: 2024-03-05\nsev: 2\n---\n", diagnostics);
        assertThat(doc.frontMatter().get("date").isTextual()).isTrue();
        assertThat(doc.frontMatter().get("date").asText()).isEqualTo("2024-03-05");
        assertThat(doc.frontMatter().get("sev").asInt()).isEqualTo(2);
    }

    @Test
    void duplicateKeysAreReportedAtTheSecondKey() {
        parser.parse("a.md", "---\ntitle: A\nid: X\ntitle: B\n---\n", diagnostics);
        assertThat(lines()).containsExactly(
                "a.md:4:1: error[front-matter-duplicate-key]: duplicate front-matter key `title`; the last value wins");
    }

    @Test
    void frontMatterThatIsNotAMappingIsAnError() {
        parser.parse("a.md", "---\n- a\n- b\n---\n", diagnostics);
        assertThat(lines()).containsExactly(
                "a.md:2:1: error[front-matter-yaml]: front matter must be a mapping of keys to values, found a list");
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder y = new StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        y.append("---\n");
        long t0 = System.nanoTime();
        parser.parse("bomb.md", y.toString(), diagnostics);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }
}
