package dev.hindsight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {

    @ParameterizedTest
    @CsvSource({"1048576, 1048576", "512 KB, 524288", "5MB, 5242880", "5 MiB, 5242880", "1 gb, 1073741824",
            "' 7 b ', 7", "0, -1", "-5, -1", "five, -1", "5 TB, -1", "'', -1"})
    void sizesAreBytesOrUnitsOf1024(String text, long bytes) {
        assertThat(Limits.parseSize(text)).isEqualTo(bytes);
    }

    @Test
    void theLimitComesFromHindsightYmlAndABadOneIsAnError() {
        ConfigParser parser = new ConfigParser(new YamlReader());
        assertThat(SiteConfig.defaults().limits().maxFileSize()).isEqualTo(5L * 1024 * 1024);
        assertThat(parser.parse("limits:\n  max_file_size: 2 MB\n", new Diagnostics()).limits().maxFileSize())
                .isEqualTo(2L * 1024 * 1024);

        Diagnostics diagnostics = new Diagnostics();
        SiteConfig bad = parser.parse("limits:\n  max_file_size: lots\n  max_files: 3\n", diagnostics);
        assertThat(bad.limits()).isEqualTo(Limits.defaults());
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "hindsight.yml:2:3: error[config]: `limits.max_file_size` must be a size such as 5 MB, 512 KB or a"
                        + " number of bytes",
                "hindsight.yml:3:3: error[config]: unknown key `max_files` in `limits`");
    }
}
