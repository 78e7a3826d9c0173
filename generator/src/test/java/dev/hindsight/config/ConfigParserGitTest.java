package dev.hindsight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.YamlReader;
import org.junit.jupiter.api.Test;

class ConfigParserGitTest {

    private final Diagnostics diagnostics = new Diagnostics();

    private SiteConfig parse(String yaml) {
        return new ConfigParser(new YamlReader()).parse(yaml, diagnostics);
    }

    @Test
    void gitSectionDefaultsToAuthorsShownAndFreshnessFallbackOn() {
        SiteConfig c = parse("title: Ops\n");
        assertThat(c.git()).isEqualTo(new GitSettings(true, true));
        assertThat(SiteConfig.defaults().git()).isEqualTo(new GitSettings(true, true));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void gitSectionIsRead() {
        SiteConfig c = parse("""
                title: Ops
                repo:
                  edit_url: https://git.example/ops/edit/main/{path}
                  commit_url: https://git.example/ops/commit/{sha}
                git:
                  authors: false
                  freshness_fallback: false
                """);
        assertThat(c.git()).isEqualTo(new GitSettings(false, false));
        assertThat(c.editUrl()).isEqualTo("https://git.example/ops/edit/main/{path}");
        assertThat(c.commitUrl()).isEqualTo("https://git.example/ops/commit/{sha}");
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void unknownKeysAndWrongTypesInTheGitSectionAreErrors() {
        SiteConfig c = parse("""
                git:
                  authors: nope
                  blame: true
                """);
        assertThat(c.git()).isEqualTo(new GitSettings(true, true));
        assertThat(diagnostics.sorted()).extracting(Object::toString).containsExactly(
                "hindsight.yml:2:3: error[config]: `git.authors` must be true or false",
                "hindsight.yml:3:3: error[config]: unknown key `blame` in `git`");
    }

    @Test
    void withBaseUrlKeepsTheRest() {
        SiteConfig c = parse("git:\n  authors: false\n").withBaseUrl("https://ops.example/");
        assertThat(c.baseUrl()).isEqualTo("https://ops.example/");
        assertThat(c.git().authors()).isFalse();
    }
}
