package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.Bounded;
import dev.hindsight.diag.Diagnostics;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the front-matter splitter. Property: no exception, bounded time, and the split keeps its
 * own invariants (line numbers inside the file, no CR left behind). Seeds and regression inputs live
 * in {@code src/test/resources/dev/hindsight/source/FrontMatterSplitterFuzzTestInputs/split/}.
 */
class FrontMatterSplitterFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void split(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        SourceFile f = Bounded.within(Bounded.PER_INPUT,
                () -> new FrontMatterSplitter().split("fuzz.md", text, new Diagnostics()));
        long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 2;
        assertThat(f.bodyLine()).isBetween(1, (int) Math.min(Integer.MAX_VALUE, lines));
        assertThat(f.body()).doesNotContain("\r");
        assertThat(f.frontMatter()).doesNotContain("\r");
        assertThat(f.hasFrontMatter() ? f.frontMatterLine() : 0).isEqualTo(f.hasFrontMatter() ? 2 : 0);
    }
}
