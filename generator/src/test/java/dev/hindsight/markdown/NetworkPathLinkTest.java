package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * {@code \\host/path}, {@code /\host/path} and {@code //host/path} are network paths to Chromium (it reads
 * {@code \} as {@code /}): the page leaves them as written with the external rels, the link rules do
 * not take them for files of the site, and the backslash spellings get an {@code unsafe-link} warning.
 * Percent-encoded slashes stay paths of the site, in Chromium and here.
 */
class NetworkPathLinkTest {

    @TempDir
    Path tmp;

    private static final String SITE = """
            -- runbooks/r.md --
            ---
            title: R
            ---
            ## Overview
            [a](\\\\\\\\host/a) [b](/\\\\host/b) [c](<\\\\\\\\HOST/c>) [d](//host/d) [e](%5C%5Chost/e) [f](\\\\/host/f)

            <a href="\\\\host/g">g</a> <a href="/\\host/h">h</a> <a href="\\/host/i">i</a> <a href=" /\t/host/j">j</a>
            -- runbooks/host/e --
            -- host/f --
            """;

    @Test
    void browsersAndTheLinkRulesAgreeWhichLinksLeaveTheSite() throws Exception {
        Path src = SiteFixture.write(tmp.resolve("src"), "-- hindsight.yml --\ntitle: KB\n" + SITE);
        Path out = tmp.resolve("out");
        BuildResult result = new Hindsight().build(BuildOptions.build(src, out));

        Browser.assumeInstalled();
        ChromeDriver driver = Browser.start(tmp.resolve("profile"));
        try {
            driver.get(out.resolve("runbooks/r/index.html").toUri().toString());
            @SuppressWarnings("unchecked")
            List<String> anchors = (List<String>) driver.executeScript("""
                    return Array.from(document.querySelectorAll('main a, article a'))
                      .filter(a => a.textContent.length === 1 && !a.classList.contains('permalink'))
                      .map(a => a.textContent + ' ' + (new URL(a.href).host || '-') + ' ' + (a.rel || '-'));
                    """);
            assertThat(anchors).containsExactly(
                    "a host nofollow noopener noreferrer", "b host nofollow noopener noreferrer",
                    "c host nofollow noopener noreferrer", "d host nofollow noopener noreferrer",
                    "e - -", "f host nofollow noopener noreferrer",
                    "g host nofollow noopener noreferrer", "h host nofollow noopener noreferrer",
                    "i host nofollow noopener noreferrer", "j - -");
        } finally {
            driver.quit();
        }
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().endsWith("-link")).map(Diagnostic::toString))
                .containsExactly(
                        "runbooks/r.md:5:1: warning[unsafe-link]: link `\\\\\\\\host/a`"
                                + " leads to another host: browsers read `\\` as `/`, so it is a network path, not a file of the site",
                        "runbooks/r.md:5:17: warning[unsafe-link]: link `/\\\\host/b`"
                                + " leads to another host: browsers read `\\` as `/`, so it is a network path, not a file of the site",
                        "runbooks/r.md:5:32: warning[unsafe-link]: link `\\\\\\\\HOST/c`"
                                + " leads to another host: browsers read `\\` as `/`, so it is a network path, not a file of the site",
                        "runbooks/r.md:5:82: warning[unsafe-link]: link `\\\\/host/f`"
                                + " leads to another host: browsers read `\\` as `/`, so it is a network path, not a file of the site");
    }
}
