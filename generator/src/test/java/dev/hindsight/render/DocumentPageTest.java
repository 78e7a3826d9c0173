package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPageTest {

    private static final String RUNBOOK = """
            <h2 id="symptoms">Symptoms</h2>
            <ul><li><code>PaymentsHighMemory</code>: a pod is above 90%.</li></ul>
            <h2 id="mitigation">Mitigation</h2>
            <p>Restart. <code>PaymentsHighMemory</code> again.</p>
            <h3 id="paymentsthrottled">When PaymentsThrottled fires</h3>
            <pre><code>PaymentsHighMemory</code></pre>
            <h2 id="über">Über</h2>
            """;

    @Test
    void headingsGetAPermalinkAndTheTocListsThem() {
        DocumentPage page = DocumentPage.of(RUNBOOK, List.of(), false);
        assertThat(page.html()).contains("<h2 id=\"mitigation\">Mitigation <a class=\"permalink\" href=\"#mitigation\" "
                + "aria-label=\"Link to this section: Mitigation\">#</a></h2>");
        assertThat(page.toc()).containsExactly(new DocumentPage.TocEntry(2, "Symptoms", "symptoms"),
                new DocumentPage.TocEntry(2, "Mitigation", "mitigation"),
                new DocumentPage.TocEntry(3, "When PaymentsThrottled fires", "paymentsthrottled"),
                new DocumentPage.TocEntry(2, "Über", "%C3%BCber"));
    }

    @Test
    void alertsLandOnAHeadingNamingThemElseTheirFirstMentionElseMitigation() {
        DocumentPage page = DocumentPage.of(RUNBOOK, List.of("PaymentsHighMemory", "PaymentsThrottled", "Other"), false);
        assertThat(page.html()).contains("<li><code id=\"alert-PaymentsHighMemory\" class=\"alert-name\">"
                + "PaymentsHighMemory</code>: a pod")
                .contains("<p>Restart. <code>PaymentsHighMemory</code> again.</p>")
                .contains("<pre><code>PaymentsHighMemory</code></pre>");
        assertThat(page.alertFragment("PaymentsHighMemory")).isEqualTo("alert-PaymentsHighMemory");
        assertThat(page.alertFragment("PaymentsThrottled")).isEqualTo("paymentsthrottled");
        assertThat(page.alertFragment("Other")).isEqualTo("mitigation");
        assertThat(DocumentPage.of("<p>x</p>", List.of("Other"), false).alertFragment("Other")).isEmpty();
    }

    @Test
    void anAlertAnchorNeverTakesAnIdInUse() {
        DocumentPage page = DocumentPage.of("<h2 id=\"alert-A\">Notes</h2><p><code>A</code></p>", List.of("A"), false);
        assertThat(page.alertFragment("A")).isEqualTo("alert-A-2");
    }

    @Test
    void aPostmortemsActionItemTableMakesWayForTheTrackedOne() {
        DocumentPage page = DocumentPage.of("""
                <h2 id="action-items">Action items</h2>
                <p>Agreed in the review.</p>
                <table class="table"><tr><td>Fix it</td></tr></table>
                <h2 id="lessons">Lessons</h2>
                <table class="table"><tr><td>kept</td></tr></table>
                """, List.of(), true);
        assertThat(page.hasActionSlot()).isTrue();
        assertThat(page.before()).contains("<p>Agreed in the review.</p>").doesNotContain("Fix it");
        assertThat(page.after()).contains("kept").doesNotContain("Fix it");
        assertThat(DocumentPage.of("<h2 id=\"a\">Action items</h2><table><tr><td>x</td></tr></table>", List.of(), false)
                .html()).contains("<td>x</td>");
    }
}
