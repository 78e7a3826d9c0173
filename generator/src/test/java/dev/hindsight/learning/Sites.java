package dev.hindsight.learning;

import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.KindConfig;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentFactory;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.git.GitHistory;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a site's documents the way a build does (without Git history), for tests of the learning records. */
final class Sites {

    record Loaded(KnowledgeBase kb, SiteConfig config, ServiceCatalog catalog) {
    }

    private Sites() {
    }

    static Loaded load(Path root, LocalDate today) throws IOException {
        YamlReader yaml = new YamlReader();
        Diagnostics d = new Diagnostics();
        SiteConfig config = new ConfigParser(yaml).load(root, d);
        ServiceCatalog catalog = ServiceCatalog.load(root, yaml, s -> s, d);
        SiteSource source = new SiteSource(root, yaml);
        DocumentFactory factory = new DocumentFactory(config);
        MarkdownParser markdown = new MarkdownParser();
        List<Document> docs = new ArrayList<>();
        for (String path : source.scan(Set.of(), d)) {
            SourceDocument src = source.load(path, d);
            Optional<KindConfig> kind = src == null ? Optional.empty() : factory.kindOf(src, d);
            if (kind.isPresent()) {
                docs.add(factory.create(src, kind.get(),
                        markdown.parse(path, src.file().body(), src.file().bodyLine(), d), d));
            }
        }
        return new Loaded(new KnowledgeBase(docs, GitHistory.none(), today, true), config, catalog);
    }
}
