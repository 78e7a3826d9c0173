package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning records beside the JSON API: tracked items, completion, distributions, impact, handoff. */
class LearningTest {

    @TempDir
    Path tmp;

    private int sites;

    private Learning learning(String extra, LocalDate today) throws IOException {
        Path root = SiteFixture.write(tmp.resolve("site" + sites++), LearningSiteTest.CONFIG + LearningSiteTest.RUNBOOKS
                + LearningSiteTest.A + LearningSiteTest.B + LearningSiteTest.C + LearningSiteTest.JIRA + extra);
        Sites.Loaded s = Sites.load(root, today);
        return Learning.of(s.kb(), s.config(), s.catalog(), today,
                Tickets.load(root, s.config().learning().ticketExport()));
    }

    @Test
    void actionItemsCarryTheirTeamObjectiveDaysLateAndTicket() throws IOException {
        Learning l = learning("", LearningSiteTest.TODAY);
        assertThat(l.actions()).extracting(a -> a.postmortem().id() + " " + a.item().priority() + " "
                        + a.team() + " " + a.objective() + " " + a.daysLate() + " "
                        + (a.ticket() == null ? "-" : a.ticket().key() + "=" + a.ticket().status()))
                .containsExactly(
                        "INC-3 P5 commerce-team null null -",
                        "INC-2 P1 commerce-team 2024-03-29 64 SHOP-2=Done",
                        "INC-2 P2 commerce-team 2024-04-26 36 SHOP-3=In Progress",
                        "INC-1 P1 commerce-team 2024-02-07 null SHOP-1=In Progress");
        assertThat(l.ideas()).extracting(a -> a.postmortem().id() + " " + a.item().action() + " " + a.commitment())
                .containsExactly("INC-3 Rewrite checkout in a weekend false", "INC-2 Rewrite checkout in a weekend"
                        + " false", "INC-1 Rewrite checkout in a weekend false");
        assertThat(l.completion()).containsExactly(new Completion("commerce-team", "2024-Q1", 3, 1),
                new Completion("commerce-team", "2024-Q3", 1, 0));
    }

    @Test
    void distributionsShowValuesBelowFiveIncidentsAndPercentilesFromFive() throws IOException {
        StringBuilder more = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            more.append("-- postmortems/2025-02-0").append(i).append(".md --\n").append("""
                    ---
                    title: Payments %d
                    id: PAY-%d
                    date: 2025-02-0%d
                    status: published
                    severity: SEV-1
                    services: [payments]
                    incident:
                      started: 2025-02-0%dT10:00:00Z
                      detected: 2025-02-0%dT10:%02d:00Z
                      resolved: 2025-02-0%dT12:00:00Z
                    impact:
                      summary: Card payments failed.
                      customers: %d
                      duration_minutes: 30
                    ---
                    ## Summary
                    Payments failed.
                    """.formatted(i, i, i, i, i, i * 10, i, i * 100));
        }
        Learning l = learning(more.toString(), LocalDate.of(2025, 3, 1));
        Distribution ttd = l.distributions().stream()
                .filter(d -> d.metric().equals("ttd") && d.by().equals("service") && d.group().equals("payments"))
                .findFirst().orElseThrow();
        assertThat(ttd).isEqualTo(new Distribution("ttd", "service", "payments", "2025-Q1",
                java.util.List.of(10L, 20L, 30L, 40L, 50L), 30L, 50L));
        Distribution ttr = l.distributions().stream()
                .filter(d -> d.metric().equals("ttr") && d.by().equals("severity") && d.group().equals("SEV-1"))
                .findFirst().orElseThrow();
        assertThat(ttr.count()).isEqualTo(5);
        assertThat(l.impact()).containsExactly(new ImpactFigures("2025-Q1", 5, 1500L, 150L));

        Learning few = learning(more.substring(0, more.indexOf("-- postmortems/2025-02-03")), LocalDate.of(2025, 3, 1));
        Distribution two = few.distributions().stream()
                .filter(d -> d.metric().equals("ttd") && d.group().equals("payments")).findFirst().orElseThrow();
        assertThat(two.minutes()).containsExactly(10L, 20L);
        assertThat(two.median()).isNull();
        assertThat(two.p90()).isNull();
    }

    @Test
    void theHandoffOfATeamHasRecentIncidentsRunbooksToReviewAndOpenItems() throws IOException {
        Learning l = learning("", LocalDate.of(2024, 3, 20));
        Handoff commerce = l.handoffs().stream().filter(h -> h.team().equals("commerce-team")).findFirst()
                .orElseThrow();
        assertThat(commerce.services()).containsExactly("checkout");
        assertThat(commerce.recentIncidents()).extracting(IncidentRef::id).containsExactly("INC-2");
        assertThat(commerce.staleRunbooks()).isEmpty();
        assertThat(commerce.untestedRunbooks()).isEmpty();
        assertThat(commerce.openActions()).extracting(a -> a.item().action())
                .containsExactly("Add a canary stage", "Document the flag", "Tune the alert");
        assertThat(commerce.overdueActions()).isEmpty();
        Handoff payments = l.handoffs().stream().filter(h -> h.team().equals("payments-team")).findFirst()
                .orElseThrow();
        assertThat(payments.untestedRunbooks()).extracting(r -> r.id() + " " + r.date())
                .containsExactly("payments null");
        assertThat(payments.recentIncidents()).isEmpty();
    }
}
