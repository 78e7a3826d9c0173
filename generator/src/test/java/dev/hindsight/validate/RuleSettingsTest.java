package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSettingsTest {

    @TempDir
    Path tmp;

    private List<String> check(String fixture) {
        SiteFixture.write(tmp, fixture);
        return new Hindsight().check(BuildOptions.check(tmp).withReferenceDate(LocalDate.of(2025, 1, 1)))
                .diagnostics().stream().filter(d -> !d.ruleId().equals("git-unavailable")).map(Diagnostic::toString)
                .toList();
    }

    private static final String RUNBOOK = """
            -- runbooks/api.md --
            ---
            title: API
            service: api
            owner: platform
            last_reviewed: 2024-01-01
            ---
            ## Overview
            The API. It was the fault of the deploy.
            """;

    @Test
    void severityCanBeRaisedAndRulesSwitchedOff() {
        List<String> d = check("""
                -- hindsight.yml --
                rules:
                  runbook-stale: error
                  required-section: off
                  blameless-language: false
                """ + RUNBOOK);
        assertThat(d).containsExactly(
                "runbooks/api.md:5:1: error[runbook-stale]: runbook was last reviewed 2024-01-01; a review was due 2024-03-31 (every P90D)");
    }

    @Test
    void unknownRuleNamesAreReported() {
        List<String> d = check("""
                -- hindsight.yml --
                rules:
                  runbok-stale: off
                """ + RUNBOOK);
        assertThat(d).contains("hindsight.yml:1:1: warning[config]: `rules` names unknown rule `runbok-stale`");
    }

    @Test
    void aSiteDefinesItsOwnKindWithItsOwnSections() {
        List<String> d = check("""
                -- hindsight.yml --
                kinds:
                  alert-runbook:
                    folder: alerts
                    required_sections:
                      - Meaning
                      - [Impact, Customer impact]
                      - name: Diagnosis
                        aliases: [Triage]
                      - Mitigation
                -- alerts/high-error-rate.md --
                ---
                title: HighErrorRate
                ---
                # HighErrorRate
                ## Meaning
                Errors.
                ## Customer impact
                Some.
                ## Triage
                Look.
                """);
        assertThat(d).containsExactly(
                "alerts/high-error-rate.md:4:1: error[required-section]: missing required section \"Mitigation\"");
    }

    @Test
    void defaultsCanBeRelaxedToNoRequiredSectionAtAll() {
        List<String> d = check("""
                -- hindsight.yml --
                kinds:
                  runbook:
                    required_sections: []
                """ + RUNBOOK.replace("It was the fault of the deploy.", ""));
        assertThat(d).containsExactly(
                "runbooks/api.md:5:1: warning[runbook-stale]: runbook was last reviewed 2024-01-01; a review was due 2024-03-31 (every P90D)");
    }

    @Test
    void blamelessPhrasesAreReportedWhereTheyStand() {
        List<String> d = check("-- hindsight.yml --\ntitle: KB\n" + RUNBOOK);
        assertThat(d).contains("runbooks/api.md:8:21: warning[blameless-language]: \"fault of\" assigns blame");
    }

    @Test
    void unknownFrontMatterKeysAreAllowedUnlessTheSchemaSaysOtherwise() {
        List<String> d = check("""
                -- hindsight.yml --
                kinds:
                  runbook:
                    required_sections: []
                    schema: schemas/strict.json
                -- schemas/strict.json --
                {"type": "object", "properties": {"title": {}, "service": {}, "owner": {}, "last_reviewed": {}},
                 "additionalProperties": false}
                -- runbooks/api.md --
                ---
                title: API
                service: api
                owner: platform
                last_reviewed: 2024-12-01
                team_channel: "#api"
                ---
                text
                """);
        assertThat(d).containsExactly(
                "runbooks/api.md:6:1: error[front-matter-schema]: front-matter key `team_channel` is not allowed by the schema");
    }

    @Test
    void brokenYamlIsOneErrorNotAPileOfMissingKeys() {
        List<String> d = check("""
                -- hindsight.yml --
                kinds:
                  runbook:
                    required_sections: []
                -- runbooks/api.md --
                ---
                title: [API
                ---
                text
                -- runbooks/db.md --
                ---
                title: DB
                text without a closing line
                """);
        assertThat(d).hasSize(2);
        assertThat(d.get(0)).startsWith("runbooks/api.md:3:1: error[front-matter-yaml]: invalid YAML: ");
        assertThat(d.get(1)).isEqualTo(
                "runbooks/db.md:1:1: error[front-matter-unclosed]: front matter opened with `---` on line 1 is never closed");
    }
}
