package dev.hindsight.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.Bounded;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.YamlReader;
import java.nio.charset.StandardCharsets;

/** Fuzzes {@code hindsight.yml} parsing. Property: no exception, bounded time, a usable config. */
class ConfigParserFuzzTest {

    private final ConfigParser parser = new ConfigParser(new YamlReader());

    ConfigParserFuzzTest() {
        parser.parse("title: Warm-up\nkinds:\n  game-day: {folder: game-days, base: generic}\nrules: {x: warning}\n",
                new Diagnostics());
    }

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        SiteConfig config = Bounded.within(Bounded.PER_INPUT, () -> parser.parse(text, new Diagnostics()));
        assertThat(config.kinds()).isNotEmpty();
    }
}
