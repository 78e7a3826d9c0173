package dev.hindsight.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.cli.Main;
import dev.hindsight.text.Slugs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One slugify: the file {@code hindsight new} names after a title, and the page the site makes for the same
 * text (a tag's page here; services use the same function), have the same slug.
 */
class SlugAgreementTest {

    private static final Map<String, String> ENV = Map.of("SOURCE_DATE_EPOCH", "1773100800");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"Checkout outage: card payments failed!", "Ünïcode café", "ﬁber ½ cut",
            "A very long title that goes on and on about the database failover that did not fail over"})
    void aNewDocumentsFileNameAndThePageForTheSameTitleAgree(String title) throws IOException {
        Path kb = tmp.resolve("kb");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"init", kb.toString()}, new PrintWriter(out), new PrintWriter(err), ENV))
                .isZero();
        assertThat(Main.run(new String[] {"new", "runbook", title, "--source", kb.toString()}, new PrintWriter(out),
                new PrintWriter(err), ENV)).as(err.toString()).isZero();
        Path file;
        try (var files = Files.list(kb.resolve("runbooks"))) {
            file = files.filter(f -> !f.getFileName().toString().equals("web.md")).findFirst().orElseThrow();
        }
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");

        assertThat(stem).isEqualTo(Slugs.slug(title));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replaceFirst("\n---\n", "\ntags: [\"" + title.replace("\"", "\\\"") + "\"]\n---\n"),
                StandardCharsets.UTF_8);
        Path site = tmp.resolve("site");
        Main.run(new String[] {"build", "--drafts", "--source", kb.toString(), "--output",
                site.toString()}, new PrintWriter(out),
                new PrintWriter(err), ENV);
        assertThat(site.resolve("tags/" + stem + "/index.html")).as(err.toString()).isRegularFile();
        assertThat(Files.readString(site.resolve("tags/" + stem + "/index.html"), StandardCharsets.UTF_8))
                .contains("../../runbooks/" + stem + "/index.html");
        assertThat(site.resolve("runbooks/" + stem + "/index.html")).isRegularFile();
    }
}
