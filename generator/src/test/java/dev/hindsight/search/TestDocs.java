package dev.hindsight.search;

import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.DocumentMeta;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.IncidentTimes;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.source.FrontMatter;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceFile;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents built in memory for index tests, and a reader for the scores the index stores. */
final class TestDocs {

    private static final MarkdownParser MARKDOWN = new MarkdownParser();

    private TestDocs() {
    }

    static DocumentMeta meta(String kind, String path, String id, String title, LocalDate date, List<String> tags,
                             String body) {
        String slug = path.substring(path.lastIndexOf('/') + 1).replace(".md", "");
        SourceDocument src = new SourceDocument(new SourceFile(path, "", 0, body, 1, false), FrontMatter.empty(path));
        return new DocumentMeta(kind, id, slug, path, DocumentMeta.urlFor(path), title, dev.hindsight.config.DocumentStatus.PUBLISHED.yaml(), date,
                tags, src);
    }

    static Postmortem postmortem(String slug, String id, String title, List<String> services, String severity,
                                 String markdown) {
        String path = "postmortems/" + slug + ".md";
        return postmortem(meta("postmortem", path, id, title, LocalDate.of(2025, 1, 1), List.of(), markdown),
                MARKDOWN.parse(markdown, 1), services, severity, "");
    }

    static Postmortem postmortem(DocumentMeta meta, ParsedMarkdown body, List<String> services, String severity,
                                 String impact) {
        return new Postmortem(meta, body, severity, services, List.of(), IncidentTimes.NONE, impact, List.of(),
                List.of(), List.of(), List.of());
    }

    static Runbook runbook(String slug, String title, String service, List<String> alerts, String markdown) {
        String path = "runbooks/" + slug + ".md";
        return runbook(meta("runbook", path, slug, title, null, List.of(), markdown), MARKDOWN.parse(markdown, 1),
                service, alerts, List.of());
    }

    static Runbook runbook(DocumentMeta meta, ParsedMarkdown body, String service, List<String> alerts,
                           List<String> dependencies) {
        return new Runbook(meta, body, service, "sre", dependencies, alerts, null, null, null, List.of(), List.of());
    }

    static GenericDocument generic(String path, String title, String markdown) {
        String slug = path.substring(path.lastIndexOf('/') + 1).replace(".md", "");
        return new GenericDocument(meta("gameday", path, slug, title, null, List.of(), markdown),
                MARKDOWN.parse(markdown, 1));
    }

    /** The score of every document that has {@code term}, by document id, decoded as search-index.js does. */
    static Map<String, Double> scores(SearchIndex index, String term) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (InvertedIndex.Term t : index.index().terms()) {
            if (!t.term().equals(term)) {
                continue;
            }
            double termMax = Math.pow(Codec.TERM_RATIO, Codec.termLevel(t.postings()) - (Codec.TERM_LEVELS - 1));
            Codec.decodePostings(t.postings(), index.documentCount()).forEach((doc, level) ->
                    out.put(index.entries().get(doc).id(),
                            termMax * Math.pow(Codec.POSTING_RATIO, level - (Codec.POSTING_LEVELS - 1))));
        }
        return out;
    }
}
