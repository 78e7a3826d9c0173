package dev.hindsight.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The web address of a repository from its remote URL, for edit links into submodules. */
class WebAddressTest {

    @Test
    void httpsSshAndScpRemotesGiveTheirWebAddress() {
        assertThat(GitHistory.webAddress("https://github.com/acme/kb.git")).isEqualTo("https://github.com/acme/kb");
        assertThat(GitHistory.webAddress("https://user@gitlab.example/group/sub/kb/")).isEqualTo(
                "https://gitlab.example/group/sub/kb");
        assertThat(GitHistory.webAddress("ssh://git@git.example:2222/acme/kb.git")).isEqualTo(
                "https://git.example/acme/kb");
        assertThat(GitHistory.webAddress("git@github.com:acme/kb.git")).isEqualTo("https://github.com/acme/kb");
    }

    @Test
    void localAndUnknownRemotesGiveNone() {
        assertThat(GitHistory.webAddress(null)).isEmpty();
        assertThat(GitHistory.webAddress("file:///srv/git/kb.git")).isEmpty();
        assertThat(GitHistory.webAddress("/srv/git/kb.git")).isEmpty();
        assertThat(GitHistory.webAddress("../kb")).isEmpty();
        assertThat(GitHistory.webAddress("https://host-only")).isEmpty();
    }
}
