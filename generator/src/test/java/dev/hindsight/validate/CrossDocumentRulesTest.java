package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that look across documents or at the files around them, each on its own small site: duplicate-id,
 * duplicate-alert, broken-link, broken-anchor, unknown-service, unknown-runbook and missing-asset.
 */
class CrossDocumentRulesTest {

    @TempDir
    Path tmp;

    /** A runbook at {@code path} that passes its own rules, with these extra front-matter lines and body. */
    private static String runbook(String path, String frontMatter, String body) {
        return "-- " + path + " --\n---\ntitle: Checkout\nservice: checkout\nowner: platform\nlast_reviewed: 2024-05-01\n"
                + frontMatter + "---\n## Overview\n" + body + "\n## Symptoms\nErrors.\n## Diagnosis\n1. Look.\n"
                + "## Mitigation\n```sh\nkubectl rollout undo deploy/api\n```\n## Validation\nFine.\n"
                + "## Escalation\nPlatform.\n";
    }

    @Test
    void duplicateId() {
        assertThat(RuleRun.of(tmp, "duplicate-id", runbook("runbooks/a.md", "id: api\n", "The API.")
                + runbook("runbooks/b.md", "id: api\n", "The API."))).containsExactly(
                "runbooks/b.md:6:5: error[duplicate-id]: id `api` is already used by runbooks/a.md"
                        + " | hint: give every document its own id");
    }

    @Test
    void duplicateAlert() {
        assertThat(RuleRun.of(tmp, "duplicate-alert", runbook("runbooks/a.md", "alerts: [HighLatency]\n", "The API.")
                + runbook("runbooks/b.md", "alerts: [DiskFull, HighLatency]\n", "The API."))).containsExactly(
                "runbooks/b.md:6:20: error[duplicate-alert]: alert `HighLatency` is already listed by runbooks/a.md"
                        + " | hint: list each alert in exactly one runbook");
    }

    @Test
    void brokenLink() {
        assertThat(RuleRun.of(tmp, "broken-link", runbook("runbooks/a.md", "", "See [b](b.md) and [gone](gone.md).")
                + runbook("runbooks/b.md", "", "The API."))).containsExactly(
                "runbooks/a.md:8:19: error[broken-link]: link `gone.md` points to runbooks/gone.md, which is not a"
                        + " document | hint: check the file name; links are relative to this file's folder");
    }

    @Test
    void brokenAnchor() {
        assertThat(RuleRun.of(tmp, "broken-anchor", runbook("runbooks/a.md", "",
                "See [b](b.md#symptoms) and [nowhere](b.md#nowhere).") + runbook("runbooks/b.md", "", "The API.")))
                .containsExactly(
                "runbooks/a.md:8:28: error[broken-anchor]: link `b.md#nowhere` names anchor #nowhere, which"
                        + " runbooks/b.md does not have | hint: headings there: overview, symptoms, diagnosis, mitigation,"
                        + " validation, escalation");
    }

    @Test
    void unknownService() {
        assertThat(RuleRun.of(tmp, "unknown-service", runbook("runbooks/a.md", "dependencies: [payments, billing]\n",
                "The API."))).containsExactly(
                "runbooks/a.md:6:26: error[unknown-service]: unknown service `billing` | hint: add it to"
                        + " services.yml, or use one of: checkout, payments");
    }

    @Test
    void unknownRunbook() {
        assertThat(RuleRun.of(tmp, "unknown-runbook", runbook("runbooks/a.md", "", "The API.")
                + "-- postmortems/2024-03-05-checkout.md --\n" + RuleRun.postmortem().replace("status: published", "status: published\nrunbooks: [a, nope]")))
                .containsExactly(
                "postmortems/2024-03-05-checkout.md:6:15: error[unknown-runbook]: unknown runbook `nope` | hint: use"
                        + " the id of a runbook (its `id:` or file name without .md)");
    }

    @Test
    void missingAsset() {
        assertThat(RuleRun.of(tmp, "missing-asset", runbook("runbooks/a.md", "",
                "![graph](img/latency.png) and [log](files/here.txt).") + "-- runbooks/files/here.txt --\nlog\n"))
                .containsExactly(
                "runbooks/a.md:8:1: error[missing-asset]: image `img/latency.png` points to runbooks/img/latency.png,"
                        + " which does not exist | hint: check the file name; links are relative to this file's folder");
    }
}
