package dev.hindsight.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitedFilesTest {

    @TempDir
    Path dir;

    private final Diagnostics diagnostics = new Diagnostics();

    @Test
    void readsAFileUnderTheLimitWhole() throws IOException {
        byte[] content = new byte[20_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        Path f = Files.write(dir.resolve("a.md"), content);
        assertThat(LimitedFiles.read(f, "a.md", 20_000, diagnostics)).isEqualTo(content);
        assertThat(LimitedFiles.read(Files.write(dir.resolve("e.md"), new byte[0]), "e.md", 10, diagnostics)).isEmpty();
        assertThat(diagnostics.size()).isZero();
    }

    @Test
    void aFileOverTheLimitIsReportedAndNotReturned() throws IOException {
        Path f = Files.write(dir.resolve("big.md"), new byte[101]);
        assertThat(LimitedFiles.read(f, "big.md", 100, diagnostics)).isNull();
        assertThat(diagnostics.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "big.md:1:1: error[file-too-large]: file is 101 bytes, more than the limit of 100 bytes; not read");
    }

    @Test
    void readsAtMostMaxBytesWhateverTheSize() throws IOException {
        Path f = Files.write(dir.resolve("a.md"), "0123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (FileChannel channel = FileChannel.open(f)) {
            assertThat(new String(LimitedFiles.readAtMost(channel, 4), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("0123");
        }
        try (FileChannel channel = FileChannel.open(f)) {
            assertThat(new String(LimitedFiles.readAtMost(channel, 11), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("0123456789");
        }
    }
}
