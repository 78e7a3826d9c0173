package dev.hindsight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectionKeysTest {

    private final ConfigParser parser = new ConfigParser(new YamlReader());

    @Test
    void globsMatchFoldersNamesAndDeepPaths() {
        assertThat(PathGlob.of("content/runbooks/**/*.md").matches("content/runbooks/node/X.md")).isTrue();
        assertThat(PathGlob.of("content/runbooks/**/*.md").matches("content/runbooks/X.md")).isTrue();
        assertThat(PathGlob.of("content/runbooks/**/*.md").matches("content/docs/X.md")).isFalse();
        assertThat(PathGlob.of("_index.md").matches("content/runbooks/_index.md")).isTrue();
        assertThat(PathGlob.of("_index.md").matches("_index.md")).isTrue();
        assertThat(PathGlob.of("drafts/").matches("drafts/a/b.md")).isTrue();
        assertThat(PathGlob.of("a/*.md").matches("a/b/c.md")).isFalse();
    }

    @Test
    void includeExcludeAndKindOptionsAreRead() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = parser.parse("""
                include: ["content/**/*.md"]
                exclude: [_index.md]
                unknown_types: ignore
                kinds:
                  runbook:
                    folders: [content/runbooks]
                    exclude: ["content/runbooks/reference/"]
                    required_fields: [title]
                    fields:
                      owner: team
                      incident.started: start_time
                      tags: [keywords, categories]
                    alerts_from: filename
                    service_from: folder
                    id: path
                    default_status: draft
                    show: [company]
                """, d);
        assertThat(d.sorted()).isEmpty();
        assertThat(c.unknownTypes()).isEqualTo(UnknownTypes.IGNORE);
        assertThat(c.paths().includes("content/runbooks/x.md")).isTrue();
        assertThat(c.paths().includes("content/runbooks/_index.md")).isFalse();
        assertThat(c.paths().includes("README.md")).isFalse();
        assertThat(c.kindForPath("content/runbooks/node/A.md")).map(KindConfig::name).hasValue("runbook");
        assertThat(c.kindForPath("content/runbooks/reference/ports.md")).isEmpty();
        KindOptions o = c.kind("runbook").orElseThrow().options();
        assertThat(o.requiredFields()).containsExactly("title");
        assertThat(o.fields().pointers("owner")).containsExactly("/team");
        assertThat(o.fields().pointers("started")).containsExactly("/start_time");
        assertThat(o.fields().pointers("tags")).containsExactly("/keywords", "/categories");
        assertThat(o.fields().pointers("title")).containsExactly("/title");
        assertThat(List.of(o.alertsFrom(), o.serviceFrom().yaml(), o.idFrom().yaml(), o.defaultStatus().yaml()))
                .containsExactly("filename", "folder", "path", "draft");
        assertThat(o.show()).containsExactly("company");
    }

    @Test
    void aKindCanBeDefinedByIncludeGlobsAlone() {
        SiteConfig c = parser.parse("kinds:\n  alert:\n    base: runbook\n    include: [\"**/alerts/*.md\"]\n",
                new Diagnostics());
        assertThat(c.kindForPath("ops/db/alerts/DiskFull.md")).map(KindConfig::name).hasValue("alert");
        assertThat(c.kindForPath("runbooks/db.md")).map(KindConfig::name).hasValue("runbook");
    }

    @Test
    void wrongValuesAreConfigErrorsAtTheirPosition() {
        Diagnostics d = new Diagnostics();
        parser.parse("""
                unknown_types: maybe
                kinds:
                  runbook:
                    fields:
                      colour: paint
                    required_fields: [owner, weight]
                    id: uuid
                    default_status: done
                """, d);
        assertThat(d.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "hindsight.yml:1:16: error[config]: `unknown_types` cannot be `maybe`",
                "hindsight.yml:5:7: error[config]: unknown field `colour`",
                "hindsight.yml:6:30: error[config]: unknown field `weight`",
                "hindsight.yml:7:9: error[config]: `kinds.runbook.id` cannot be `uuid`",
                "hindsight.yml:8:21: error[config]: unknown default_status `done`");
    }

    @Test
    void closedSetsNameTheirValuesInTheHint() {
        Diagnostics d = new Diagnostics();
        parser.parse("""
                unknown_types: Ignore
                kinds:
                  runbook:
                    id: uuid
                    service_from: team
                """, d);
        assertThat(d.sorted().stream().map(x -> x + " / " + x.hint())).containsExactly(
                "hindsight.yml:1:16: error[config]: `unknown_types` cannot be `Ignore` / use error or ignore",
                "hindsight.yml:4:9: error[config]: `kinds.runbook.id` cannot be `uuid` / use filename or path",
                "hindsight.yml:5:19: error[config]: `kinds.runbook.service_from` cannot be `team`"
                        + " / use front-matter or folder");
    }

    @Test
    void kindBasesAndStatusesAreReadAsTheyAreSpelledAndAnUnknownOneIsAnErrorThatFallsBack() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = parser.parse("""
                kinds:
                  runbook:
                    folders: [ops]
                  note:
                    base: Runbook
                    default_status: in-review
                  playbook:
                    base: runbook
                """, d);
        assertThat(d.sorted().stream().map(x -> x + " / " + x.hint())).containsExactly(
                "hindsight.yml:5:11: error[config]: unknown base `Runbook` for kind `note`"
                        + " / use postmortem, runbook or generic");
        assertThat(c.kind("note").orElseThrow().base()).isEqualTo(KindBase.GENERIC);
        assertThat(c.kind("note").orElseThrow().options().defaultStatus()).isEqualTo(DocumentStatus.IN_REVIEW);
        assertThat(c.kind("playbook").orElseThrow().base()).isEqualTo(KindBase.RUNBOOK);
        assertThat(c.kind("runbook").orElseThrow().base()).isEqualTo(KindBase.RUNBOOK);
        assertThat(c.kind("postmortem").orElseThrow().options().defaultStatus()).isEqualTo(DocumentStatus.PUBLISHED);
        assertThat(List.of(KindBase.values())).extracting(KindBase::yaml)
                .containsExactly("postmortem", "runbook", "generic");
        assertThat(List.of(DocumentStatus.values())).extracting(DocumentStatus::yaml)
                .containsExactly("draft", "in-review", "published");
        assertThat(DocumentStatus.of("in-review")).contains(DocumentStatus.IN_REVIEW);
        assertThat(DocumentStatus.of("IN_REVIEW")).isEmpty();
        assertThat(KindBase.of("generic")).contains(KindBase.GENERIC);
    }
}
