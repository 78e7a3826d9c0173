package dev.hindsight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.Hindsight;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Severity;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example site uses learning from incidents and stays clean: no errors, no warnings. */
class ExampleSiteLearningTest {

    private static final Path EXAMPLE = Path.of("../example-site");

    @TempDir
    Path tmp;

    @Test
    void theExampleSiteHasARecurringPatternAndNoWarnings() throws IOException {
        Path out = tmp.resolve("out");
        BuildResult r = new Hindsight().build(BuildOptions.build(EXAMPLE, out));
        List<String> problems = r.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                .map(Diagnostic::toString).toList();
        assertThat(problems).isEmpty();
        assertThat(r.diagnostics().stream().filter(d -> d.ruleId().equals("recurring-incident"))
                .map(Diagnostic::toString).toList()).containsExactly(
                "postmortems/2026-07-22-saved-cards-rate-limit.md:20:46: info[recurring-incident]: recurs from"
                        + " INC-2026-022 of 2026-05-06 (checkout, payments; change), within 90 days");

        ObjectMapper json = new ObjectMapper();
        JsonNode patterns = json.readTree(Files.readString(out.resolve("api/patterns.json")));
        assertThat(patterns).hasSize(1);
        assertThat(java.util.stream.StreamSupport.stream(patterns.get(0).get("incidents").spliterator(), false)
                .map(i -> i.get("id").asText()).toList())
                .containsExactly("INC-2026-035", "INC-2026-022", "INC-2026-014");
        assertThat(patterns.get(0).get("possibly_ineffective").findValuesAsText("ticket")).contains("PLAT-203");
        JsonNode usage = json.readTree(Files.readString(out.resolve("api/runbook-usage.json")));
        assertThat(usage.get("runbooks")).hasSize(8);
        assertThat(usage.get("alerts_without_runbook")).isEmpty();
        JsonNode factors = json.readTree(Files.readString(out.resolve("api/factors.json")));
        assertThat(factors.findValuesAsText("id")).contains("change", "monitoring-gap");
    }
}
