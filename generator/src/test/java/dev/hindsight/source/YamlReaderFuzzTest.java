package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.Bounded;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes YAML → {@link FrontMatter}. Property: no exception, bounded time, and every recorded
 * position lies inside the YAML's lines.
 */
class YamlReaderFuzzTest {

    private final YamlReader yaml = new YamlReader();

    YamlReaderFuzzTest() {
        new SourceParser(yaml).parse("warm-up.md", Bounded.WARM_UP, new Diagnostics());
    }

    @FuzzTest(maxDuration = "5m")
    void read(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();
        FrontMatter fm = Bounded.within(Bounded.PER_INPUT, () -> yaml.read("fuzz.md", text, 2, diagnostics));
        assertThat(fm.root()).isNotNull();
        for (Position p : fm.keyPositions().values()) {
            assertThat(p.line()).isGreaterThanOrEqualTo(2);
        }
        diagnostics.sorted().forEach(d -> assertThat(d.position().file()).isEqualTo("fuzz.md"));
    }
}
