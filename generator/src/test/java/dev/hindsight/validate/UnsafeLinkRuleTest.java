package dev.hindsight.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsafeLinkRuleTest {

    @TempDir
    Path tmp;

    @Test
    void linksTheSiteWillNotMakeClickableAreWarnings() {
        Path src = SiteFixture.write(tmp, """
                -- hindsight.yml --
                title: KB
                -- runbooks/r.md --
                ---
                title: R
                dashboards:
                  - {name: Good, url: "https://grafana.example/d/1"}
                  - {name: Evil, url: "javascript:alert(1)"}
                  - {name: Relative, url: "dashboards/x"}
                ---
                ## Overview
                [ok](https://a.example) [mail](mailto:sre@example.com) [doc](../postmortems/p.md)
                [bad](javascript:alert(1)) [vb](VBScript:x) ![img](data:image/png;base64,AA==) ![ok](https://a.example/i.png)
                """);

        var result = new Hindsight().check(BuildOptions.check(src));

        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().equals("unsafe-link")).map(Diagnostic::toString))
                .containsExactly(
                        "runbooks/r.md:5:23: warning[unsafe-link]: dashboard URL `javascript:alert(1)` is not an http(s),"
                                + " mailto or tel URL; shown as text, not as a link",
                        "runbooks/r.md:6:27: warning[unsafe-link]: dashboard URL `dashboards/x` is not an http(s),"
                                + " mailto or tel URL; shown as text, not as a link",
                        "runbooks/r.md:10:1: warning[unsafe-link]: link with a `javascript:` URL is removed from the page",
                        "runbooks/r.md:10:28: warning[unsafe-link]: link with a `vbscript:` URL is removed from the page",
                        "runbooks/r.md:10:45: warning[unsafe-link]: image with a `data:` URL is removed from the page");
    }

    @Test
    void escalationContactsWithAnotherSchemeAreWarnings() {
        Path src = SiteFixture.write(tmp, """
                -- hindsight.yml --
                title: KB
                -- runbooks/r.md --
                ---
                title: R
                escalation:
                  - {who: Primary, contact: "https://pager.example/sre", when: first}
                  - {who: Mail, contact: "mailto:sre@example.com", when: then}
                  - {who: Evil, contact: "javascript:alert(1)", when: never}
                  - who: Data
                    contact: " DATA:text/html,<script>alert(1)</script>"
                  - {who: Phone, contact: "Phone: +1 555 0100"}
                  - {who: Chat, contact: "#sre-oncall"}
                  - {who: Pager, contact: "pagerduty:payments-primary"}
                  - {who: Slack, contact: "slack://channel?team=T1&id=C2"}
                ---
                ## Overview
                Text.
                """);

        var result = new Hindsight().check(BuildOptions.check(src));

        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().equals("unsafe-link")).map(Diagnostic::toString))
                .containsExactly(
                        "runbooks/r.md:6:26: warning[unsafe-link]: escalation contact `javascript:alert(1)` is not an"
                                + " http(s), mailto or tel URL; shown as text, not as a link",
                        "runbooks/r.md:8:14: warning[unsafe-link]: escalation contact `DATA:text/html,<script>alert(1)"
                                + "</script>` is not an http(s), mailto or tel URL; shown as text, not as a link",
                        "runbooks/r.md:12:27: warning[unsafe-link]: escalation contact `slack://channel?team=T1&id=C2` is"
                                + " not an http(s), mailto or tel URL; shown as text, not as a link");
    }
}
