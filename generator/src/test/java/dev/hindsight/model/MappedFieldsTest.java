package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFieldsTest {

    @TempDir
    Path tmp;

    private Document read(String config, String path, String text) throws Exception {
        Files.createDirectories(tmp.resolve(path).getParent());
        Files.writeString(tmp.resolve(path), text);
        Diagnostics d = new Diagnostics();
        SiteConfig c = new ConfigParser(new YamlReader()).parse(config, d);
        assertThat(d.sorted()).isEmpty();
        SiteSource source = new SiteSource(tmp, new YamlReader());
        SourceDocument src = source.load(path, d);
        DocumentFactory f = new DocumentFactory(c);
        var kind = f.kindOf(src, d).orElseThrow();
        return f.create(src, kind, new MarkdownParser().parse(path, src.file().body(), src.file().bodyLine(), d),
                d);
    }

    @Test
    void foreignKeysAreReadThroughTheMapping() throws Exception {
        Document doc = read("""
                kinds:
                  postmortem:
                    folders: [data]
                    fields:
                      date: [start_time, published]
                      started: start_time
                      resolved: end_time
                      tags: [keywords, categories]
                      source_url: url
                    show: [company]
                """, "data/x.md", """
                ---
                title: DNS
                url: https://status.example.com/x
                start_time: 2020-01-02T10:00:00Z
                end_time: 2020-01-02T12:30:00Z
                keywords: [dns]
                categories: [cloud]
                company: Acme
                ---
                Body.
                """);
        Postmortem p = (Postmortem) doc;
        assertThat(p.meta().date()).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(p.incident().started()).isEqualTo(OffsetDateTime.parse("2020-01-02T10:00:00Z"));
        assertThat(p.incident().timeToResolve()).hasValue(java.time.Duration.ofMinutes(150));
        assertThat(p.meta().tags()).containsExactly("dns", "cloud");
        assertThat(p.meta().sourceUrl()).isEqualTo("https://status.example.com/x");
        assertThat(p.meta().facts()).containsExactly(new DocumentMeta.Fact("company", "Acme"));
    }

    @Test
    void alertsFromFileNameServiceFromFolderIdFromPathAndTitleFromH1NotRepeated() throws Exception {
        Document doc = read("""
                kinds:
                  runbook:
                    folders: [runbooks]
                    alerts_from: filename
                    service_from: folder
                    id: path
                    default_status: draft
                """, "runbooks/node/NodeDiskFull.md", "# Node disk full\n\n## Meaning\n\nText.\n");
        Runbook r = (Runbook) doc;
        assertThat(r.alerts()).containsExactly("NodeDiskFull");
        assertThat(r.service()).isEqualTo("node");
        assertThat(r.meta().id()).isEqualTo("runbooks/node/NodeDiskFull");
        assertThat(r.meta().status()).isEqualTo("draft");
        assertThat(r.meta().title()).isEqualTo("Node disk full");
        assertThat(r.body().html()).doesNotContain("<h1").contains("Meaning");
    }
}
