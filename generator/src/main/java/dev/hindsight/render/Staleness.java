package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import freemarker.template.TemplateModelException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a page rendered earlier would now come out differently, judged by what it read then
 * ({@link Reads}) against the documents and view of a new build — the "early cutoff" of Salsa and
 * rust-analyzer. A page is stale when a document it read is gone, or changed in a property it read
 * (or as a whole, when it used the whole), or when a view query it made now answers differently
 * (answers compared by {@link Fingerprint}, documents by path: their contents count where a page reads
 * them). Each query is asked of the new view once per update, however many pages made it.
 */
public final class Staleness {

    private record Answer(Object fingerprint, boolean failed) {
    }

    private final Map<String, Document> documents;
    private final SiteView view;
    private final Map<Reads.QueryKey, Answer> answers = new HashMap<>();

    /**
     * @param documents the new build's documents by source path (those its pages may show)
     * @param view      the new build's view
     */
    public Staleness(Map<String, Document> documents, SiteView view) {
        this.documents = documents;
        this.view = view;
    }

    /**
     * Whether page {@code now} of the new build must be rendered: it is new ({@code before} null), its
     * earlier rendering left no reads, it is given another model than {@code before} (compared with
     * documents by path), or it read something that changed since.
     */
    public boolean stale(Page before, Page now, Reads reads) {
        return before == null || reads == null
                || before != now && !Objects.equals(Fingerprint.of(before), Fingerprint.of(now)) || stale(reads);
    }

    /** Whether a page that read {@code reads} must be rendered again. */
    boolean stale(Reads reads) {
        if (reads.always) {
            return true;
        }
        for (Reads.Touched t : reads.documents.values()) {
            if (changed(t)) {
                return true;
            }
        }
        for (Reads.Query q : reads.queries.values()) {
            Answer now = answers.computeIfAbsent(q.key(), k -> ask(q));
            if (now.failed() || !Objects.equals(now.fingerprint(), q.answer())) {
                return true;
            }
        }
        return false;
    }

    private boolean changed(Reads.Touched t) {
        boolean meta = t.anchor instanceof DocumentMeta;
        String path = meta ? ((DocumentMeta) t.anchor).sourcePath() : ((Document) t.anchor).meta().sourcePath();
        Document now = documents.get(path);
        if (now == null) {
            return true;
        }
        Object current = meta ? now.meta() : now;
        if (current == t.anchor) {
            return false;
        }
        if (t.whole || current.getClass() != t.anchor.getClass()) {
            return !current.equals(t.anchor);
        }
        for (Map.Entry<String, Object> e : t.properties.entrySet()) {
            try {
                var accessor = RecordingWrapper.accessor(current.getClass(), e.getKey());
                if (accessor == null || !Objects.equals(e.getValue(), RecordingWrapper.invoke(accessor, current))) {
                    return true;
                }
            } catch (TemplateModelException | RuntimeException ex) {
                return true;
            }
        }
        return false;
    }

    private Answer ask(Reads.Query q) {
        Object[] args = q.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Document d) {
                args[i] = documents.get(d.meta().sourcePath());
                if (args[i] == null || args[i].getClass() != d.getClass()) {
                    return new Answer(null, true);
                }
            }
        }
        try {
            return new Answer(Fingerprint.of(RecordingWrapper.invoke(q.key().method(), view, args)), false);
        } catch (TemplateModelException | RuntimeException e) {
            return new Answer(null, true);
        }
    }
}
