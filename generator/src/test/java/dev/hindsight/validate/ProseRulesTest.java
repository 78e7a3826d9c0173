package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blameless-language, mention and placeholder: prose in front-matter values and the body, not in code. */
class ProseRulesTest {

    @TempDir
    Path tmp;

    private static String note(String status, String body) {
        return "-- runbooks/checkout.md --\n---\ntitle: Checkout\nservice: checkout\nowner: platform\n"
                + "last_reviewed: 2024-05-01\nstatus: " + status + "\n---\n" + body;
    }

    @Test
    void blamingPhrasesAreFoundInAnyCaseAcrossSpacesAndNotInsideWordsOrCode() {
        String body = """
                ## Overview
                It was Human   Error, and he should have known.
                Not inhuman errors.
                ```
                human error in code
                ```
                Inline `human error` code.
                """;
        assertThat(RuleRun.of(tmp, "blameless-language", note("published", body))).containsExactly(
                "runbooks/checkout.md:9:8: warning[blameless-language]: \"Human   Error\" assigns blame | hint: describe"
                        + " what the system allowed and why the decision made sense at the time",
                "runbooks/checkout.md:9:30: warning[blameless-language]: \"should have known\" assigns blame | hint:"
                        + " describe what the system allowed and why the decision made sense at the time");
    }

    @Test
    void theFrontMatterIsProseToo() {
        String doc = "-- runbooks/checkout.md --\n---\ntitle: Careless deploy\nservice: checkout\nowner: platform\n"
                + "last_reviewed: 2024-05-01\n---\n## Overview\nx\n";
        assertThat(RuleRun.of(tmp, "blameless-language", doc)).containsExactly(
                "runbooks/checkout.md:2:8: warning[blameless-language]: \"Careless\" assigns blame | hint: describe"
                        + " what the system allowed and why the decision made sense at the time");
    }

    @Test
    void mentionsAreFlaggedOnlyWhenTheSiteAsks() {
        String body = "## Overview\nPaged @alice and @bob.smith, not mail@example.com or `@code`.\n";
        assertThat(RuleRun.of(tmp.resolve("off"), "mention", note("published", body))).isEmpty();
        assertThat(RuleRun.of(tmp.resolve("on"), "mention",
                "-- hindsight.yml --\ntitle: T\nblameless:\n  mentions: true\n" + note("published", body))).containsExactly(
                "runbooks/checkout.md:9:7: warning[mention]: mention of @alice in a document | hint: name roles and"
                        + " teams rather than people (\"the on-call engineer\")",
                "runbooks/checkout.md:9:18: warning[mention]: mention of @bob.smith in a document | hint: name roles"
                        + " and teams rather than people (\"the on-call engineer\")");
    }

    @Test
    void aPlaceholderIsAnErrorWhenPublishedAndAWarningBefore() {
        String body = "## Overview\nImpact: TODO, owner TBD.\nNot TODOs, not FIXMEd, not mastodon.\n";
        assertThat(RuleRun.of(tmp.resolve("published"), "placeholder", note("published", body))).containsExactly(
                "runbooks/checkout.md:9:9: error[placeholder]: placeholder TODO left in the document | hint: replace"
                        + " it with the real content before publishing");
        assertThat(RuleRun.of(tmp.resolve("draft"), "placeholder", note("draft", body))).containsExactly(
                "runbooks/checkout.md:9:9: warning[placeholder]: placeholder TODO left in the document | hint: replace"
                        + " it before setting `status: published`");
    }

    @Test
    void aPlaceholderInACodeBlockIsNotReported() {
        String body = "## Overview\n~~~\n# TODO: fill in\n~~~\nDone.\n";
        assertThat(RuleRun.of(tmp, "placeholder", note("published", body))).isEmpty();
    }
}
