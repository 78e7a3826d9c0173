package dev.hindsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.RuleInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void printsEveryRuleOfTheRegistryWithItsDefaultSeverity() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"rules"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(RuleInfo.registry().size());
        assertThat(lines).contains(
                "timeline-order              error    Timeline entries go back in time",
                "unsafe-link                 warning  An unsafe link is dropped",
                "placeholder                 error    A placeholder is left from the template");
        assertThat(out.toString()).doesNotContain("stack-overflow").endsWith("\n").doesNotContain("\r");
    }
}
