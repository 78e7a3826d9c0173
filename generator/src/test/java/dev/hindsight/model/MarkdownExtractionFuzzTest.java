package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hindsight.Bounded;
import dev.hindsight.config.KindBase;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceParser;
import dev.hindsight.source.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes Markdown parsing and model extraction: the input is a whole document (front matter and
 * body), parsed by {@link MarkdownParser} and turned into a postmortem, a runbook and a generic
 * document by {@link DocumentFactory}, so the timeline, 5-whys and action-item extraction all run.
 */
class MarkdownExtractionFuzzTest {

    private static final List<KindConfig> KINDS = List.of(
            new KindConfig(KindConfig.POSTMORTEM, List.of("postmortems"), KindBase.POSTMORTEM),
            new KindConfig(KindConfig.RUNBOOK, List.of("runbooks"), KindBase.RUNBOOK),
            new KindConfig("note", List.of("notes"), KindBase.GENERIC));

    private final SiteConfig config = SiteConfig.defaults();
    private final SourceParser sources = new SourceParser(new YamlReader());
    private final MarkdownParser markdown = new MarkdownParser();
    private final DocumentFactory factory = new DocumentFactory(config);

    MarkdownExtractionFuzzTest() {
        extract(Bounded.WARM_UP);
    }

    @FuzzTest(maxDuration = "5m")
    void parseAndExtract(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Bounded.within(Bounded.PER_INPUT, () -> extract(text));
    }

    private Diagnostics extract(String text) {
        Diagnostics diagnostics = new Diagnostics();
        SourceDocument src = sources.parse("postmortems/fuzz.md", text, diagnostics);
        ParsedMarkdown body = markdown.parse(src.path(), src.file().body(), src.file().bodyLine(), diagnostics);
        assertThat(body.html()).isNotNull();
        for (KindConfig kind : KINDS) {
            Document doc = factory.create(src, kind, body, diagnostics);
            assertThat(doc.meta().title()).isNotNull();
        }
        return diagnostics;
    }
}
