package dev.hindsight.alerting;

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

/** Alert rule files in each format against a small site: the exact diagnostics, with file:line:col. */
class AlertRulesTest {

    @TempDir
    Path tmp;

    /** The alert diagnostics (and config ones) of {@code check} on the site at {@code tmp/site}. */
    private List<String> check(String fixture) {
        SiteFixture.write(tmp, fixture);
        return new Hindsight().check(BuildOptions.check(tmp.resolve("site")).withReferenceDate(LocalDate.of(2024, 2, 1)))
                .diagnostics().stream().filter(d -> d.ruleId().startsWith("alert-") || d.ruleId().equals("config")
                        || d.ruleId().equals("file-too-large") || d.ruleId().equals("special-file"))
                .map(AlertRulesTest::text).toList();
    }

    private static String text(Diagnostic d) {
        return d + (d.hasHint() ? " | " + d.hint() : "");
    }

    private static String runbook(String path, String title, String alerts) {
        return "-- site/" + path + " --\n" + SiteFixture.VALID_RUNBOOK.replace("title: %s\n",
                "title: " + title + "\n" + (alerts.isEmpty() ? "" : "alerts: " + alerts + "\n"));
    }

    private static final String CONFIG = """
            -- site/hindsight.yml --
            title: Shop
            alerting:
              rules: ["../deploy/prometheus/**/*.yaml"]
              runbook_url:
                pattern: "https://runbooks.example.com/{path}"
              page_severities: [critical, page]
            """;

    @Test
    void prometheusRuleGroupsOutsideTheSiteRoot() {
        List<String> d = check(CONFIG
                + runbook("runbooks/api-errors.md", "API errors", "[HighErrorRate]")
                + runbook("runbooks/queue.md", "Queue", "[OldQueueAlert]")
                + """
                -- deploy/prometheus/api.yaml --
                groups:
                  - name: api
                    rules:
                      - record: job:errors:rate5m
                        expr: sum(rate(errors_total[5m])) by (job)
                      - alert: HighErrorRate
                        expr: job:errors:rate5m > 0.05
                        for: 10m
                        labels:
                          severity: critical
                        annotations:
                          summary: Many errors
                          runbook_url: https://runbooks.example.com/runbooks/api-errors
                      - alert: LatencyHigh
                        expr: histogram_quantile(0.99, rate(latency_bucket[5m])) > 1
                        labels:
                          severity: warning
                        annotations:
                          runbook_url: "https://runbooks.example.com/runbooks/latency#mitigation"
                      - alert: DiskFull
                        expr: disk_free < 0.05
                        labels:
                          severity: critical
                      - alert: CertExpiring
                        expr: cert_days_left < 14
                        labels:
                          severity: info
                      - alert: QueueBacklog
                        expr: queue_depth > 1000
                        labels: {severity: page}
                        annotations: {runbook_url: "https://runbooks.example.com/runbooks/queue/"}
                -- deploy/prometheus/more/api-copy.yaml --
                groups:
                  - name: api-copy
                    rules:
                      - alert: HighErrorRate
                        expr: job:errors:rate5m > 0.5
                        labels:
                          severity: critical
                        annotations:
                          runbook_url: https://runbooks.example.com/runbooks/queue
                """);
        assertThat(d).containsExactly(
                "../deploy/prometheus/api.yaml:19:24: error[alert-runbook-missing]: runbook URL of alert `LatencyHigh`"
                        + " leads to no page of this site: `https://runbooks.example.com/runbooks/latency#mitigation`"
                        + " | expected the runbook at `runbooks/latency.md`",
                "../deploy/prometheus/api.yaml:20:9: error[alert-no-runbook]: alert `DiskFull` (severity `critical`)"
                        + " has no `runbook_url` annotation | add `annotations.runbook_url` with the address of its runbook",
                "../deploy/prometheus/api.yaml:24:9: warning[alert-no-runbook]: alert `CertExpiring` (severity `info`)"
                        + " has no `runbook_url` annotation | add `annotations.runbook_url` with the address of its runbook",
                "../deploy/prometheus/more/api-copy.yaml:9:24: error[alert-runbook-conflict]: alert `HighErrorRate` is"
                        + " defined again with another runbook (`https://runbooks.example.com/runbooks/queue`) than at"
                        + " ../deploy/prometheus/api.yaml:6:9 (`https://runbooks.example.com/runbooks/api-errors`)"
                        + " | give every definition of `HighErrorRate` the same runbook URL",
                "runbooks/queue.md:3:1: warning[alert-not-listed]: alert `HighErrorRate`"
                        + " (../deploy/prometheus/more/api-copy.yaml:4:9) leads here, but this runbook does not list it"
                        + " under `alerts:` | add `HighErrorRate` to `alerts:`",
                "runbooks/queue.md:3:1: warning[alert-not-listed]: alert `QueueBacklog` (../deploy/prometheus/api.yaml:28:9)"
                        + " leads here, but this runbook does not list it under `alerts:` | add `QueueBacklog` to `alerts:`",
                "runbooks/queue.md:3:10: warning[alert-undefined]: runbook lists alert `OldQueueAlert`, which no alert"
                        + " rule defines | rename it to the alert's current name, or remove it");
    }

    @Test
    void prometheusRuleResourcesAmongOtherKindsWithTemplatedAndLowerCasedUrls() {
        List<String> d = check("""
                -- site/hindsight.yml --
                title: Shop
                alerting:
                  rules: [../deploy/k8s/*.yaml]
                  runbook_url:
                    pattern: "https://runbooks.example.com/runbooks/{path}"
                    folder: content/runbooks
                    lowercase: true
                    annotation: runbook
                kinds:
                  runbook:
                    folders: [content/runbooks]
                """
                + runbook("content/runbooks/kubernetes/KubePodCrashLooping.md", "Crash looping",
                        "[KubePodCrashLooping, PodRestarts]")
                + runbook("content/runbooks/kubernetes/_index.md", "Kubernetes", "")
                + runbook("content/runbooks/payments/CheckoutDown.md", "Checkout down", "[CheckoutDown]")
                + """
                -- deploy/k8s/stack.yaml --
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: groups
                data:
                  groups: "not rules"
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: kubernetes-apps
                spec:
                  groups:
                    - name: kubernetes-apps
                      rules:
                        - alert: KubePodCrashLooping
                          expr: max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1
                          for: 15m
                          labels:
                            severity: warning
                          annotations:
                            description: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash looping.'
                            runbook: https://runbooks.example.com/runbooks/kubernetes/kubepodcrashlooping
                        - alert: KubeJobFailed
                          expr: kube_job_failed > 0
                          labels:
                            severity: warning
                          annotations:
                            runbook: https://runbooks.example.com/runbooks/kubernetes/kubejobfailed
                        - record: namespace:container_cpu:sum
                          expr: sum(container_cpu_usage_seconds_total) by (namespace)
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: prometheus}
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: teams
                spec:
                  groups:
                    - name: teams
                      rules:
                        - alert: CheckoutDown
                          expr: up{job="checkout"} == 0
                          labels: {severity: critical, team: payments}
                          annotations:
                            runbook: "https://runbooks.example.com/runbooks/{{ $labels.team }}/checkoutdown"
                        - alert: CheckoutSlow
                          expr: checkout_latency_seconds > 2
                          labels: {severity: critical, team: payments}
                          annotations:
                            runbook: "https://runbooks.example.com/runbooks/{{ $labels.team }}/checkoutslow"
                        - alert: TeamQueue
                          expr: queue_depth > 10
                          labels: {severity: warning}
                          annotations:
                            runbook: "https://runbooks.example.com/runbooks/kubernetes/{{ $labels.alertname }}"
                        - alert: PodRestarts
                          expr: increase(kube_pod_container_status_restarts_total[1h]) > 5
                          labels: {severity: warning}
                          annotations:
                            runbook: "https://runbooks.example.com/runbooks/{{ $labels.namespace }}/KubePodCrashLooping"
                        - alert: PodGone
                          expr: absent(kube_pod_info)
                          labels: {severity: warning}
                          annotations:
                            runbook: "https://runbooks.example.com/runbooks/{{ $labels.namespace }}/podgone"
                        - alert: Elsewhere
                          expr: vector(1)
                          labels: {severity: critical}
                          annotations:
                            runbook: "https://wiki.example.com/Elsewhere"
                """);
        assertThat(d).containsExactly(
                "../deploy/k8s/stack.yaml:29:22: error[alert-runbook-missing]: runbook URL of alert `KubeJobFailed` leads to no page of this site: `https://runbooks.example.com/runbooks/kubernetes/kubejobfailed` | expected the runbook at `content/runbooks/kubernetes/kubejobfailed.md` (any case)",
                "../deploy/k8s/stack.yaml:54:22: error[alert-runbook-missing]: runbook URL of alert `CheckoutSlow` leads to no page of this site: `https://runbooks.example.com/runbooks/{{ $labels.team }}/checkoutslow` | expected the runbook at `content/runbooks/payments/checkoutslow.md` (any case)",
                "../deploy/k8s/stack.yaml:59:22: error[alert-runbook-missing]: runbook URL of alert `TeamQueue` leads to no page of this site: `https://runbooks.example.com/runbooks/kubernetes/{{ $labels.alertname }}` | expected the runbook at `content/runbooks/kubernetes/TeamQueue.md` (any case)",
                "../deploy/k8s/stack.yaml:69:22: error[alert-runbook-missing]: runbook URL of alert `PodGone` leads to no page of this site: `https://runbooks.example.com/runbooks/{{ $labels.namespace }}/podgone` | no page fits the fixed parts of the templated URL");
    }

    @Test
    void malformedRuleFilesAreDiagnosticsNotCrashes() {
        List<String> d = check(CONFIG + """
                -- deploy/prometheus/broken.yaml --
                groups:
                  - name: broken
                    rules:
                      - alert: Unclosed
                        expr: "up == 0
                        labels: {severity: critical}
                -- deploy/prometheus/shapes.yaml --
                groups:
                  - name: shapes
                    rules:
                      - alert: NoExpr
                        labels: {severity: warning}
                        annotations: {runbook_url: https://runbooks.example.com/runbooks/none}
                      - expr: up == 0
                      - alert: Both
                        record: both
                        expr: up
                      - just text
                      - alert: BadLabels
                        expr: up
                        labels: [severity, critical]
                  - rules: {alert: NotAList}
                  - 42
                -- deploy/prometheus/notrules.yaml --
                scrape_configs:
                  - job_name: node
                -- deploy/prometheus/dupe.yaml --
                groups:
                  - name: dupe
                    rules:
                      - alert: Dupe
                        alert: Dupe2
                        expr: up
                        labels: {severity: info}
                        annotations: {runbook_url: https://runbooks.example.com/runbooks/dupe}
                """);
        assertThat(d).containsExactly(
                "../deploy/prometheus/broken.yaml:7:1: error[alert-rule-file]: invalid YAML: found unexpected end of stream (while scanning a quoted scalar) | check indentation, and quote values that contain `: ` or start with a special character",
                "../deploy/prometheus/dupe.yaml:5:9: error[alert-rule-file]: duplicate key `alert`; the last value wins | remove one of the two `alert:` lines",
                "../deploy/prometheus/dupe.yaml:8:36: error[alert-runbook-missing]: runbook URL of alert `Dupe2` leads to no page of this site: `https://runbooks.example.com/runbooks/dupe` | expected the runbook at `runbooks/dupe.md`",
                "../deploy/prometheus/notrules.yaml:1:1: warning[alert-rule-file]: no alert rule groups in this file: expected `groups:`, a `PrometheusRule` or a map of namespaces to groups | narrow the `alerting.rules` globs to the rule files",
                "../deploy/prometheus/shapes.yaml:4:9: error[alert-rule-file]: alert `NoExpr` has no `expr` | Prometheus refuses a rule without one",
                "../deploy/prometheus/shapes.yaml:6:36: error[alert-runbook-missing]: runbook URL of alert `NoExpr` leads to no page of this site: `https://runbooks.example.com/runbooks/none` | expected the runbook at `runbooks/none.md`",
                "../deploy/prometheus/shapes.yaml:7:9: error[alert-rule-file]: a rule has neither `alert` nor `record`",
                "../deploy/prometheus/shapes.yaml:9:9: error[alert-rule-file]: a rule has both `alert` and `record` | a rule either records a series or alerts; split it in two",
                "../deploy/prometheus/shapes.yaml:11:9: error[alert-rule-file]: a rule must be a mapping with `alert` or `record`",
                "../deploy/prometheus/shapes.yaml:12:9: warning[alert-no-runbook]: alert `BadLabels` (no `severity` label) has no `runbook_url` annotation | add `annotations.runbook_url` with the address of its runbook",
                "../deploy/prometheus/shapes.yaml:14:9: error[alert-rule-file]: `labels` of alert `BadLabels` must be a mapping of names to values",
                "../deploy/prometheus/shapes.yaml:15:5: error[alert-rule-file]: `rules` of a group must be a list",
                "../deploy/prometheus/shapes.yaml:15:5: error[alert-rule-file]: rule group has no `name` | Prometheus refuses a group without a name",
                "../deploy/prometheus/shapes.yaml:16:5: error[alert-rule-file]: a rule group must be a mapping with `name` and `rules`");
    }

    @Test
    void rulerNamespaceFilesAndConfigurableSeverities() {
        List<String> d = check("""
                -- site/hindsight.yml --
                title: Shop
                rules:
                  alert-runbook-missing: warning
                  alert-no-runbook: off
                alerting:
                  rules: [../mimir/rules/*.yml, ../nowhere/*.yaml]
                  runbook_url:
                    pattern: "https://kb.example.com/{path}/"
                """
                + runbook("runbooks/ingest.md", "Ingest", "[IngestLag]")
                + """
                -- mimir/rules/tenant-a.yml --
                ingest:
                  - name: ingest
                    rules:
                      - alert: IngestLag
                        expr: lag > 10
                        annotations: {runbook_url: "https://kb.example.com/runbooks/ingest/index.html"}
                      - alert: IngestStopped
                        expr: rate(ingested[5m]) == 0
                        labels: {severity: critical}
                        annotations: {runbook_url: "https://kb.example.com/runbooks/ingest-stopped/"}
                      - alert: NoRunbook
                        expr: vector(1)
                        labels: {severity: critical}
                loki:
                  - name: logs
                    rules:
                      - alert: LogErrors
                        expr: sum(rate({app="api"} |= "error" [5m])) > 1
                        annotations: {runbook_url: "https://kb.example.com/alerts/IngestLag/"}
                """);
        assertThat(d).containsExactly(
                "../mimir/rules/tenant-a.yml:10:36: warning[alert-runbook-missing]: runbook URL of alert `IngestStopped` leads to no page of this site: `https://kb.example.com/runbooks/ingest-stopped/` | expected the runbook at `runbooks/ingest-stopped.md`",
                "hindsight.yml:6:33: warning[alert-rule-file]: `alerting.rules` glob `../nowhere/*.yaml` matches no file | globs are relative to hindsight.yml, such as ../deploy/prometheus/**/*.yaml",
                "runbooks/ingest.md:3:1: warning[alert-not-listed]: alert `LogErrors` (../mimir/rules/tenant-a.yml:17:9) leads here, but this runbook does not list it under `alerts:` | add `LogErrors` to `alerts:`");
    }

    @Test
    void theExampleSiteChecksCleanWithItsRuleFileAndCountsVerdicts() throws Exception {
        Path example = Path.of("../example-site").toAbsolutePath().normalize();
        var result = new Hindsight().check(BuildOptions.check(example).withReferenceDate(LocalDate.of(2026, 6, 1)));
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() != dev.hindsight.diag.Severity.INFO)
                .extracting(Diagnostic::toString).isEmpty();
        Path site = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(example, site).withReferenceDate(LocalDate.of(2026, 6, 1)));
        var api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(site.resolve("api/alerts.json").toFile());
        assertThat(api.size()).isEqualTo(32);
        var cpu = api.get("BatchNodeHighCpu");
        assertThat(cpu.get("page").asText()).isEqualTo("runbooks/nightly-batch/index.html");
        assertThat(cpu.get("page_url").asText()).isEqualTo("https://sre.shopfront.example.com/kb/runbooks/nightly-batch/index.html");
        assertThat(cpu.get("status").asText()).isEqualTo("resolved");
        assertThat(cpu.get("verdicts").get("not-actionable").asInt()).isEqualTo(1);
        assertThat(cpu.get("incidents").get(0).get("id").asText()).isEqualTo("INC-2025-051");
        assertThat(cpu.get("rules").get(0).get("file").asText()).isEqualTo("deploy/prometheus/shopfront.rules.yaml");
        assertThat(cpu.get("rules").get(0).get("line").asInt()).isEqualTo(
                java.nio.file.Files.readAllLines(example.resolve("deploy/prometheus/shopfront.rules.yaml"))
                        .indexOf("      - alert: BatchNodeHighCpu") + 1);
    }

    private static String postmortem(String name, String id, String alerts) {
        return "-- site/postmortems/" + name + ".md --\n---\ntitle: " + id + "\nid: " + id
                + "\ndate: 2024-01-0" + id.charAt(id.length() - 1) + "\nstatus: published\nseverity: SEV-3\nservices: [api]\n"
                + alerts + "---\n## Summary\nIt happened.\n";
    }

    @Test
    void postmortemsGiveVerdictsThatEachAlertCounts() throws Exception {
        String fixture = CONFIG + runbook("runbooks/api-errors.md", "API errors", "[HighErrorRate, Flappy]") + """
                -- deploy/prometheus/api.yaml --
                groups:
                  - name: api
                    rules:
                      - alert: HighErrorRate
                        expr: errors > 1
                        labels: {severity: critical}
                        annotations: {runbook_url: "https://runbooks.example.com/runbooks/api-errors"}
                      - alert: Flappy
                        expr: flaps > 1
                        labels: {severity: warning}
                        annotations: {runbook_url: "https://runbooks.example.com/runbooks/api-errors"}
                """
                + postmortem("one", "INC-1", "alerts:\n  - HighErrorRate\n  - name: Flappy\n    verdict: false-positive\n")
                + postmortem("two", "INC-2", "alerts:\n  - {name: Flappy, verdict: not-actionable, note: at night}\n"
                        + "  - {name: HighErrorRate, verdict: actionable}\n")
                + postmortem("three", "INC-3", "alerts:\n  - {name: Flappy, verdict: maybe}\n");
        SiteFixture.write(tmp, fixture);
        var result = new Hindsight().check(BuildOptions.check(tmp.resolve("site")).withReferenceDate(LocalDate.of(2024, 2, 1)));
        assertThat(result.diagnostics()).filteredOn(d -> d.ruleId().equals("front-matter-schema")
                        && d.message().contains("alerts"))
                .extracting(Diagnostic::toString).singleElement().asString()
                .isEqualTo("postmortems/three.md:9:20: error[front-matter-schema]: `alerts[0].verdict`: does not have a value in the enumeration [\"actionable\", \"false-positive\", \"not-actionable\"]");
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(tmp.resolve("site"), out).withReferenceDate(LocalDate.of(2024, 2, 1)));
        var api = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("api/alerts.json").toFile());
        assertThat(api.get("Flappy").get("verdicts").toString()).isEqualTo(
                "{\"actionable\":0,\"false-positive\":1,\"not-actionable\":1,\"unrated\":1}");
        assertThat(api.get("HighErrorRate").get("verdicts").toString()).isEqualTo(
                "{\"actionable\":1,\"false-positive\":0,\"not-actionable\":0,\"unrated\":1}");
        assertThat(api.get("Flappy").get("incidents").findValuesAsText("id")).containsExactly("INC-1", "INC-3", "INC-2");
    }
}
