package dev.hindsight.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole site: every document sorted by source path, with lookups by id and source path.
 * Immutable once built.
 */
public final class KnowledgeBase {

    private final List<Document> documents;
    private final Map<String, Document> byPath;
    private final Map<String, Document> byId;

    public KnowledgeBase(List<Document> documents) {
        List<Document> sorted = new ArrayList<>(documents);
        sorted.sort(Comparator.comparing(d -> d.meta().sourcePath()));
        this.documents = List.copyOf(sorted);
        Map<String, Document> paths = new LinkedHashMap<>();
        Map<String, Document> ids = new LinkedHashMap<>();
        for (Document d : this.documents) {
            paths.put(d.meta().sourcePath(), d);
            ids.putIfAbsent(d.id(), d);
        }
        this.byPath = Map.copyOf(paths);
        this.byId = Map.copyOf(ids);
    }

    public List<Document> documents() {
        return documents;
    }

    public Optional<Document> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Document> byPath(String sourcePath) {
        return Optional.ofNullable(byPath.get(sourcePath));
    }

    public List<Postmortem> postmortems() {
        return documents.stream().filter(Postmortem.class::isInstance).map(Postmortem.class::cast).toList();
    }

    public List<Runbook> runbooks() {
        return documents.stream().filter(Runbook.class::isInstance).map(Runbook.class::cast).toList();
    }

    /** A copy without the documents {@code keep} rejects (drafts, for a build without them). */
    public KnowledgeBase filter(java.util.function.Predicate<Document> keep) {
        return new KnowledgeBase(documents.stream().filter(keep).toList());
    }
}
