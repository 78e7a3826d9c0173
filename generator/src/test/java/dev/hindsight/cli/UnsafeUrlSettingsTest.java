package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.SiteFixture;
import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.YamlReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** base_url, repo.edit_url, repo.commit_url, tickets.url and --base-url take http(s) or relative addresses only. */
class UnsafeUrlSettingsTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static List<String> parse(String yaml) {
        Diagnostics d = new Diagnostics();
        new ConfigParser(new YamlReader()).parse(yaml, d);
        return d.sorted().stream().map(Object::toString).toList();
    }

    @Test
    void everyUrlSettingWithAScriptSchemeIsAPositionedConfigError() {
        assertThat(parse("""
                title: KB
                base_url: javascript:alert(1)
                repo:
                  edit_url: "  JaVaScRiPt:alert(document.domain)//{path}"
                  commit_url: "data:text/html,<script>alert(1)</script>{sha}"
                tickets:
                  url: "vb\\tscript:msgbox({key})"
                """)).containsExactly(
                "hindsight.yml:2:11: error[config]: `base_url` uses the `javascript:` scheme",
                "hindsight.yml:4:13: error[config]: `repo.edit_url` uses the `javascript:` scheme",
                "hindsight.yml:5:15: error[config]: `repo.commit_url` uses the `data:` scheme",
                "hindsight.yml:7:8: error[config]: `tickets.url` uses the `vbscript:` scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"java\\nscript:alert(1)\"", "\"\\tJAVASCRIPT:alert(1)\"", "\" \\u0001data:x\"",
            "file:///etc/passwd", "ftp://example.com/"})
    void obfuscatedSchemesAreCaughtToo(String value) {
        assertThat(parse("base_url: " + value + "\n")).hasSize(1)
                .allMatch(l -> l.startsWith("hindsight.yml:1:11: error[config]: `base_url` uses the `"));
    }

    @Test
    void httpHttpsAndRelativeAddressesAreFine() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = new ConfigParser(new YamlReader()).parse("""
                base_url: HTTPS://sre.example.com/kb/
                repo:
                  edit_url: https://github.com/acme/kb/edit/main/{path}
                  commit_url: /commits/{sha}
                tickets:
                  url: http://jira.example.com/browse/{key}
                """, d);
        assertThat(d.sorted()).isEmpty();
        assertThat(c.baseUrl()).isEqualTo("HTTPS://sre.example.com/kb/");
        assertThat(c.commitUrl()).isEqualTo("/commits/{sha}");
    }

    @Test
    void aScriptSchemeInHindsightYmlStopsTheBuild() {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\nbase_url: ' javascript:alert(1)//'\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A"));
        assertThat(run("build", "-s", tmp.toString(), "-o", tmp.resolve("target/site").toString(),
                "--reference-date", "2024-02-01")).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("""
                hindsight.yml:2:11: error[config]: `base_url` uses the `javascript:` scheme
                  hint: use an http:// or https:// address
                """);
        assertThat(tmp.resolve("target/site")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x",
            "vbscript:x"})
    void baseUrlOptionWithAScriptSchemeIsAUsageError(String url) {
        SiteFixture.write(tmp, "-- hindsight.yml --\ntitle: KB\n"
                + "-- runbooks/a.md --\n" + SiteFixture.VALID_RUNBOOK.formatted("A"));
        assertThat(run("build", "-s", tmp.toString(), "-o", tmp.resolve("target/site").toString(),
                "--base-url", url)).isEqualTo(2);
        assertThat(err.toString()).matches("hindsight: --base-url must be an http:// or https:// address, not "
                + "`(javascript|data|vbscript):`\n");
        assertThat(out.toString()).isEmpty();
        assertThat(tmp.resolve("target/site")).doesNotExist();
    }
}
