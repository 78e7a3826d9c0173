package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.model.Document;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.validate.LocalChecks;
import dev.hindsight.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the rules that look at one document and the configuration only run as the document is read, so that
 * the document cache keeps their diagnostics and a warm check does not run them again. Split so, the rules find
 * exactly what running every rule over the whole knowledge base finds.
 */
class LocalChecksTest {

    private static final String SITE = """
            -- hindsight.yml --
            title: Acme SRE
            blameless:
              mentions: true
            -- postmortems/2024-03-05-checkout.md --
            ---
            title: Checkout outage
            id: INC-2024-031
            date: 2024-03-05
            severity: SEV-2
            services: [checkout]
            contributing_factors: [cosmic-rays]
            incident:
              started: 2024-03-05T14:02:00Z
              detected: 2024-03-05T14:01:00Z
              resolved: 2024-03-05T15:00:00Z
            ---
            ## Summary
            A human error by @bob broke checkout. See [this](javascript:alert(1)) and the [runbook](../runbooks/checkout.md#nowhere).

            ## Timeline

            | Time (UTC) | Event |
            |------------|-------|
            | 14:09 | Alert fires |
            | 14:02 | Errors start |
            | 16:30 | After the end |

            ## Root cause

            TODO

            ## Five whys

            1. Why? The cache filled up.

            ## Action items

            | Action | Owner | Due | Status | Ticket |
            |--------|-------|-----|--------|--------|
            | Add the alert |  | soon | open | SRE-1 |
            -- runbooks/checkout.md --
            ---
            title: Checkout runbook
            service: checkout
            ---
            ## Diagnosis
            - not numbered

            ## Mitigation
            Restart it by hand.
            -- runbooks/other.md --
            ---
            title: Other runbook
            service: other
            ---
            Nothing here.
            """;

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @TempDir
    Path tmp;

    @Test
    void theLocalRulesAtReadingAndTheRestAfterFindWhatEveryRuleAfterFinds() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        SiteBuilder.Setup setup = new SiteBuilder().setup(BuildOptions.check(src), new Diagnostics());
        KnowledgeBase kb = LoadedSite.load(src, tmp.resolve("out"), TODAY); // whole documents, as a build keeps

        Diagnostics every = new Diagnostics();
        Validator.forSite(setup.config(), setup.root(), every)
                .validate(kb, setup.services(), TODAY, every, setup.alertRules());

        Diagnostics split = new Diagnostics();
        Validator.forSite(setup.config(), setup.root(), split)
                .validate(kb, setup.services(), TODAY, split, setup.alertRules(), true);
        List<Diagnostic> afterOnly = split.sorted();
        LocalChecks local = Validator.localChecks(setup.config());
        Diagnostics atReading = new Diagnostics();
        for (Document d : kb.documents()) {
            local.check(d, atReading);
        }
        split.addAll(atReading.sorted());

        assertThat(split.sorted()).isEqualTo(every.sorted());
        assertThat(atReading.sorted().stream().map(Diagnostic::ruleId).distinct().sorted().toList()).containsExactly(
                "action-item-due", "action-item-owner", "blameless-language", "five-whys", "incident-times-order",
                "mention", "placeholder", "required-section", "runbook-diagnosis-steps", "runbook-mitigation-code",
                "timeline-order", "timeline-window", "unknown-factor", "unsafe-link");
        assertThat(afterOnly.stream().map(Diagnostic::ruleId)).contains("broken-anchor")
                .doesNotContain("placeholder", "blameless-language", "required-section");
    }

    @Test
    void aCheckAndABuildReportTheLocalRulesOnceWithAndWithoutTheCache() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("src"), SITE);
        List<List<Diagnostic>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BuildResult check = new Hindsight().check(BuildOptions.check(src).withReferenceDate(TODAY)
                    .withCacheDir(i == 0 ? null : tmp.resolve("cache")));
            runs.add(check.diagnostics());
        }
        BuildResult build = new Hindsight().build(BuildOptions.build(src, tmp.resolve("out")).withReferenceDate(TODAY));
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
        assertThat(runs.get(2)).isEqualTo(runs.get(0));
        assertThat(build.diagnostics().stream().filter(d -> !d.ruleId().equals("sitemap")).toList())
                .as("a build reports what a check does, and that it writes no sitemap without a base URL")
                .isEqualTo(runs.get(0));
        assertThat(runs.get(0).stream().filter(d -> d.ruleId().equals("placeholder")).count()).isEqualTo(1);
        assertThat(runs.get(0).stream().filter(d -> d.ruleId().equals("blameless-language")).count()).isEqualTo(1);
    }
}
