package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.Block;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a check (a run that writes no pages) keeps of each document only what its rules read: not the body's
 * plain text (only the search index reads it) and of each block only its kind, line and shape, not its text (the
 * model's timeline, whys and action items are made of them while the document is read). The checks find the same.
 */
class CheckedDocumentsTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            incident:
              started: 2024-03-05T14:02:00Z
              detected: 2024-03-05T14:09:00Z
              resolved: 2024-03-05T15:00:00Z
            runbooks: [checkout, payments]
            ---
            ## Summary
            Checkout failed for **all** customers because Bob forgot the flag. See the [runbook](../runbooks/checkout.md#nowhere).

            ## Timeline

            | Time (UTC) | Event |
            |------------|-------|
            | 14:02 | Errors start |
            | 14:09 | Alert fires |

            ## Root cause

            TODO

            ## Five whys

            1. Why? The cache filled up.
            2. Why? No limit.

            ## Action items

            | Action | Owner | Due | Status | Ticket |
            |--------|-------|-----|--------|--------|
            | Add the alert | sre-team | 2024-04-01 | open | SRE-1 |
            - [ ] Write the test (owner: @nobody)
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            ---
            ## Diagnosis
            1. Look at the dashboard
            2. Look at the logs

            ## Mitigation
            ```bash
            kubectl rollout undo deploy/checkout
            ```
            -- runbooks/payments.md --
            ---
            title: Payments runbook
            service: payments
            ---
            ## Diagnosis
            - not numbered

            ## Mitigation
            Restart it by hand.
            """;

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path tmp;

    @Test
    void aCheckKeepsNoPlainTextAndNoBlockText() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        KnowledgeBase whole = LoadedSite.load(src, tmp.resolve("out"), TODAY);

        KnowledgeBase checked = checkLoad(src, TODAY, new Diagnostics());

        assertThat(checked.documents()).hasSameSizeAs(whole.documents()).hasSize(3);
        for (int i = 0; i < whole.documents().size(); i++) {
            Document before = whole.documents().get(i);
            Document after = checked.documents().get(i);
            assertThat(before.body().plainText()).isNotEmpty();
            assertThat(after.getClass()).isEqualTo(before.getClass());
            assertThat(after.body().plainText()).isEmpty();
            assertThat(after.body().html()).isEmpty();
            assertThat(after.body().sections()).allMatch(s -> s.blocks().stream().allMatch(
                    CheckedDocumentsTest::textless));
            assertThat(shapes(after)).isEqualTo(shapes(before));
            assertThat(after.body().headings()).isEqualTo(before.body().headings());
            assertThat(after.body().links()).isEqualTo(before.body().links());
            assertThat(after.meta().source().file().body()).isEmpty();
            assertThat(after.meta().source().file().frontMatter()).isEmpty();
            assertThat(after.meta().source().frontMatter()).isEqualTo(before.meta().source().frontMatter());
            assertThat(after.meta()).isEqualTo(before.meta().withoutFileText());
            assertThat(after.with(before.meta(), before.body())).isEqualTo(before);
        }
    }

    @Test
    void theChecksFindTheSameOnWhatACheckKeepsAsOnWholeDocuments() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        assertSameFindings(src, TODAY, List.of("runbook-diagnosis-steps", "runbook-mitigation-code",
                "broken-anchor", "placeholder", "five-whys", "action-item-overdue", "required-section"));
        assertSameFindings(ExampleSite.SOURCE, ExampleSite.REFERENCE_DATE, List.of());
    }

    private void assertSameFindings(Path src, LocalDate today, List<String> expectedRules) throws IOException {
        SiteBuilder builder = new SiteBuilder();
        SiteBuilder.Setup setup = builder.setup(BuildOptions.check(src), new Diagnostics());
        KnowledgeBase checked = checkLoad(src, today, new Diagnostics());
        KnowledgeBase whole = LoadedSite.load(src, tmp.resolve("out-" + src.getFileName()), today);

        // As a check runs them: the document-local rules on each whole document as it is read, the others on the
        // shapes a check keeps; against every rule on the whole documents.
        Diagnostics asChecked = new Diagnostics();
        dev.hindsight.validate.Validator.forSite(setup.config(), setup.root(), asChecked)
                .validate(checked, setup.services(), today, asChecked, setup.alertRules(), true);
        dev.hindsight.validate.LocalChecks local = dev.hindsight.validate.Validator.localChecks(setup.config());
        for (Document d : whole.documents()) {
            local.check(d, asChecked);
        }
        List<Diagnostic> onShapes = asChecked.sorted();
        List<Diagnostic> onWhole = allRules(setup, whole, today);

        assertThat(onShapes).isEqualTo(onWhole);
        assertThat(onShapes.stream().map(Diagnostic::ruleId).toList()).containsAll(expectedRules);
    }

    private static List<Diagnostic> allRules(SiteBuilder.Setup setup, KnowledgeBase kb, LocalDate today) {
        Diagnostics d = new Diagnostics();
        dev.hindsight.validate.Validator.forSite(setup.config(), setup.root(), d)
                .validate(kb, setup.services(), today, d, setup.alertRules());
        return d.sorted();
    }

    private static KnowledgeBase checkLoad(Path src, LocalDate today, Diagnostics d) throws IOException {
        SiteBuilder builder = new SiteBuilder();
        SiteBuilder.Setup setup = builder.setup(BuildOptions.check(src), d);
        return builder.load(setup.root(), null, setup.config(), today, d);
    }

    private static boolean textless(Block b) {
        if (b instanceof Block.Paragraph p) {
            return p.text().isEmpty();
        }
        if (b instanceof Block.ListBlock l) {
            return l.items().isEmpty();
        }
        if (b instanceof Block.Table t) {
            return t.header().isEmpty() && t.rows().isEmpty();
        }
        return ((Block.Code) b).code().isEmpty();
    }

    /** Each section's title and its blocks' kinds, lines, list order and code language. */
    private static List<String> shapes(Document d) {
        return d.body().sections().stream().map(s -> s.title() + ":" + s.blocks().stream().map(
                CheckedDocumentsTest::shape).toList()).toList();
    }

    private static String shape(Block b) {
        String kind = b.getClass().getSimpleName() + "@" + b.line();
        if (b instanceof Block.ListBlock l) {
            return kind + (l.ordered() ? " ordered from " + l.start() : "");
        }
        return b instanceof Block.Code c ? kind + " " + c.info() : kind;
    }
}
