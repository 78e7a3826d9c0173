package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnclosedFenceTest {

    @TempDir
    Path tmp;

    @Test
    void unclosedFenceIsReportedAtTheOpeningFence() {
        Path site = SiteFixture.write(tmp, """
                -- hindsight.yml --
                title: Fences
                -- runbooks/api.md --
                ---
                title: API
                service: api
                owner: platform
                last_reviewed: 2024-01-01
                ---
                ## Overview
                The API.
                ## Symptoms
                Errors.
                ## Diagnosis
                1. Look at the dashboard.
                ## Mitigation
                  ~~~sh
                kubectl rollout restart deploy/api
                ## Validation
                Errors back to zero.
                ## Escalation
                Platform on-call.
                """);
        BuildResult result = new Hindsight().check(BuildOptions.check(site).withReferenceDate(LocalDate.of(2024, 1, 2)));
        assertThat(result.diagnostics().stream().map(Diagnostic::toString)).contains(
                "runbooks/api.md:14:3: error[unclosed-code-fence]: code fence (~~~) opened here is never closed; "
                        + "everything after it to the end of the file is code");
        assertThat(result.diagnostics().stream().filter(d -> d.ruleId().equals("unclosed-code-fence")))
                .singleElement().satisfies(d -> assertThat(d.hint())
                        .isEqualTo("close it with a line of ~~~ after the code"));
    }

    @Test
    void closedFencesAndFencesClosedByLongerMarkersAreFine() {
        MarkdownParser parser = new MarkdownParser();
        dev.hindsight.diag.Diagnostics diagnostics = new dev.hindsight.diag.Diagnostics();
        parser.parse("a.md", "```\ncode\n```\n\n````\nx\n`````\n\n> ```\n> quoted\n> ```\n", 1, diagnostics);
        assertThat(diagnostics.sorted()).isEmpty();
        parser.parse("b.md", "text\n\n- item\n\n  ```js\n  let x;\n", 3, diagnostics);
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "b.md:7:3: error[unclosed-code-fence]: code fence (```) opened here is never closed; "
                        + "everything after it to the end of the file is code");
    }
}
