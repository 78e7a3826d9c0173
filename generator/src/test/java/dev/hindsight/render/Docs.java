package dev.hindsight.render;

import dev.hindsight.config.ConfigParser;
import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.git.GitHistory;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentFactory;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceParser;
import dev.hindsight.source.YamlReader;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Documents for the view's tests, read by the real parsers from front matter and Markdown: postmortems under
 * {@code postmortems/}, runbooks under {@code runbooks/} and notes (a site-defined kind) under {@code notes/}.
 */
final class Docs {

    static final String CONFIG = """
            title: Views
            tickets:
              url: https://tickets.example.com/browse/{key}
            severities: [SEV-1, SEV-2, SEV-3]
            kinds:
              note:
                base: generic
                folders: [notes]
            """;

    final SiteConfig config;
    private final SourceParser sources = new SourceParser(new YamlReader());
    private final MarkdownParser markdown = new MarkdownParser();
    private final DocumentFactory factory;

    Docs() {
        Diagnostics diagnostics = new Diagnostics();
        config = new ConfigParser(new YamlReader()).parse(CONFIG, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException(diagnostics.sorted().toString());
        }
        factory = new DocumentFactory(config);
    }

    Document parse(String path, String text) {
        Diagnostics diagnostics = new Diagnostics();
        SourceDocument src = sources.parse(path, text, diagnostics);
        ParsedMarkdown body = markdown.parse(src.path(), src.file().body(), src.file().bodyLine(), diagnostics);
        return factory.create(src, factory.kindOf(src, diagnostics).orElseThrow(), body, diagnostics);
    }

    /** One action item: {@code | action | owner | due | status | ticket |}. */
    record Item(String action, String owner, String due, String status, String ticket) {
    }

    Postmortem postmortem(String path, String title, String date, String severity, List<String> services,
                          List<String> tags, List<String> runbooks, List<Item> items) {
        String rows = items.stream().map(i -> "| " + i.action() + " | " + i.owner() + " | " + i.due() + " | "
                + i.status() + " | " + i.ticket() + " |").collect(Collectors.joining("\n"));
        return (Postmortem) parse(path, "---\ntitle: " + title + "\n"
                + (date == null ? "" : "date: " + date + "\n")
                + "status: published\nseverity: " + severity + "\n"
                + "services: " + flow(services) + "\ntags: " + flow(tags) + "\nrunbooks: " + flow(runbooks) + "\n"
                + (date == null ? "" : "incident:\n  started: " + date + "T10:00:00Z\n  resolved: " + date
                        + "T11:30:00Z\n")
                + "---\n## Summary\nIt broke.\n\n## Action items\n\n| Action | Owner | Due | Status | Ticket |\n"
                + "|---|---|---|---|---|\n" + rows + "\n");
    }

    Runbook runbook(String path, String id, String title, String service, List<String> dependencies,
                    List<String> alerts, List<String> tags, String lastReviewed) {
        return (Runbook) parse(path, "---\n" + (id == null ? "" : "id: " + id + "\n") + "title: " + title + "\n"
                + (service.isEmpty() ? "" : "service: " + service + "\n")
                + "dependencies: " + flow(dependencies) + "\nalerts: " + flow(alerts) + "\ntags: " + flow(tags) + "\n"
                + (lastReviewed == null ? "" : "last_reviewed: " + lastReviewed + "\n")
                + "---\n## Overview\nThe service.\n\n## Mitigation\nRestart it.\n");
    }

    Document note(String path, String title, List<String> tags) {
        return parse(path, "---\ntitle: " + title + "\ntags: " + flow(tags) + "\n---\nA note.\n");
    }

    /** A knowledge base of {@code documents} without Git, at reference date {@code today} (may be null). */
    static KnowledgeBase kb(List<? extends Document> documents, LocalDate today) {
        return new KnowledgeBase(List.copyOf(documents), GitHistory.none(), today, true);
    }

    /** The catalog of the tests: {@code payments} (named "Payments") and {@code search-api}. */
    static ServiceCatalog catalog() {
        return new ServiceCatalog(true, List.of(
                new Service("payments", "Payments", "payments-team", "1", "Takes the money."),
                new Service("search-api", "Search API", "search-team", "2", "")));
    }

    SiteView view(List<? extends Document> documents, LocalDate today) {
        return new SiteView(kb(documents, today), catalog(), config);
    }

    private static String flow(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
