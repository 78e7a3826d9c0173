package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What each page of a preview's output read when it was last rendered ({@link Reads}), indexed so that an
 * update finds the pages it makes stale at a cost that grows with the change rather than with the site —
 * the "early cutoff" of Salsa and rust-analyzer. A page is stale when it is new, its earlier rendering left
 * no reads or read something that cannot be checked, it is given another model (compared with documents
 * by path, {@link Fingerprint}), a document it read is gone or changed in a property it read (or as a whole,
 * when it used the whole), or a view query it made now answers differently. Only the pages that read a
 * changed document are compared with it; each distinct query is asked of the new view once per update, and
 * its answer compared once per distinct earlier answer, whatever the number of pages that made it; a page's
 * model fingerprint is kept from one update to the next and worked out only for a model made of other
 * objects. Filled from the rendering threads ({@link #rendered}); asked on the session's thread.
 */
public final class Staleness {

    /**
     * What the last {@link #stale} call did: the pages it found stale, the pages whose reads it compared
     * with a changed document, the page models it fingerprinted, and the distinct queries it asked.
     */
    public record Work(List<String> stale, int pagesCompared, int modelFingerprints, int queriesAsked) {

        public Work {
            stale = List.copyOf(stale);
        }
    }

    private record Answer(Object fingerprint, boolean failed) {
    }

    /** The pages that made one query, grouped by the answer they saw; {@code query} as one of them made it. */
    private static final class Asked {
        final Reads.Query query;
        final List<Object> answers = new ArrayList<>(1);
        final List<Set<String>> pages = new ArrayList<>(1);
        /** The answer of the last update's view, when it asked, and its fingerprint. */
        Object raw;
        Object print;

        Asked(Reads.Query query) {
            this.query = query;
        }

        void add(Object answer, String page) {
            for (int i = 0; i < answers.size(); i++) {
                if (Objects.equals(answers.get(i), answer)) {
                    pages.get(i).add(page);
                    return;
                }
            }
            answers.add(answer);
            Set<String> one = new HashSet<>();
            one.add(page);
            pages.add(one);
        }

        /** Returns whether no page is left. */
        boolean remove(Object answer, String page) {
            for (int i = 0; i < answers.size(); i++) {
                if (Objects.equals(answers.get(i), answer) && pages.get(i).remove(page)) {
                    if (pages.get(i).isEmpty()) {
                        answers.remove(i);
                        pages.remove(i);
                    }
                    break;
                }
            }
            return answers.isEmpty();
        }
    }

    /** A page's model and its fingerprint, as worked out at an earlier update. */
    private record Model(Page page, Object fingerprint) {
    }

    private final Fingerprint fingerprint = new Fingerprint();
    /** What each page read, by page path. */
    private final Map<String, Reads> pages = new HashMap<>();
    /** The pages that read each document (or its meta), by the document's source path. */
    private final Map<String, Set<String>> readers = new HashMap<>();
    private final Map<Reads.QueryKey, Asked> queries = new HashMap<>();
    /** Model fingerprints kept from earlier updates, by page path. */
    private final Map<String, Model> models = new HashMap<>();
    private Work work = new Work(List.of(), 0, 0, 0);

    /** Page {@code path} was rendered (and written) having read {@code reads}; called from any thread. */
    public synchronized void rendered(String path, Reads reads) {
        forget(path);
        pages.put(path, reads);
        for (Reads.Touched t : reads.documents.values()) {
            readers.computeIfAbsent(sourcePath(t.anchor), k -> new HashSet<>()).add(path);
        }
        for (Reads.Query q : reads.queries.values()) {
            queries.computeIfAbsent(q.key(), k -> new Asked(q)).add(q.answer(), path);
        }
    }

    /** What page {@code path} read when it was last rendered; null when unknown. */
    public synchronized Reads of(String path) {
        return pages.get(path);
    }

    /** Forgets pages that are no longer part of the output. */
    public synchronized void forget(Collection<String> paths) {
        paths.forEach(this::forget);
    }

    private void forget(String path) {
        models.remove(path);
        Reads old = pages.remove(path);
        if (old == null) {
            return;
        }
        for (Reads.Touched t : old.documents.values()) {
            String source = sourcePath(t.anchor);
            Set<String> of = readers.get(source);
            if (of != null && of.remove(path) && of.isEmpty()) {
                readers.remove(source);
            }
        }
        for (Reads.Query q : old.queries.values()) {
            Asked a = queries.get(q.key());
            if (a != null && a.remove(q.answer(), path)) {
                queries.remove(q.key());
            }
        }
    }

    public synchronized void clear() {
        pages.clear();
        readers.clear();
        queries.clear();
        models.clear();
    }

    /** How many distinct queries the pages of the output made. */
    public synchronized int queries() {
        return queries.size();
    }

    /** What the last {@link #stale} call did. */
    public synchronized Work work() {
        return work;
    }

    /**
     * The pages of {@code now} (in its order) whose HTML may differ from what the output holds, after an
     * update that replaced, added or removed the documents at {@code changed} (source paths).
     *
     * @param before    the pages of the output, by path
     * @param documents the new build's documents by source path (those its pages may show)
     * @param view      the new build's view
     */
    public synchronized List<Page> stale(Map<String, Page> before, Collection<Page> now, Collection<String> changed,
                                         Map<String, Document> documents, SiteView view) {
        int[] prints = {0};
        Set<String> out = new HashSet<>();
        for (Page page : now) {
            String path = page.path();
            Page old = before.get(path);
            Reads reads = pages.get(path);
            if (old == null || reads == null || reads.always || !sameModel(path, old, page, prints)) {
                out.add(path);
            }
        }
        int compared = 0;
        for (String source : changed) {
            for (String page : readers.getOrDefault(source, Set.of())) {
                if (!out.contains(page)) {
                    compared++;
                    Reads reads = pages.get(page);
                    Reads.Touched doc = reads.documents.get(source);
                    Reads.Touched meta = reads.documents.get(source + "\u0000meta");
                    if (doc != null && changed(doc, documents) || meta != null && changed(meta, documents)) {
                        out.add(page);
                    }
                }
            }
        }
        int asked = 0;
        for (Asked a : queries.values()) {
            if (a.pages.stream().allMatch(out::containsAll)) {
                continue; // rendered anyway
            }
            asked++;
            Answer answer = ask(a, documents, view);
            for (int i = 0; i < a.answers.size(); i++) {
                if (answer.failed() || !Objects.equals(answer.fingerprint(), a.answers.get(i))) {
                    out.addAll(a.pages.get(i));
                }
            }
        }
        List<Page> stale = new ArrayList<>(out.size());
        for (Page page : now) {
            if (out.contains(page.path())) {
                stale.add(page);
            }
        }
        work = new Work(stale.stream().map(Page::path).toList(), compared, prints[0], asked);
        return stale;
    }

    /**
     * Whether {@code now} is given the same model as {@code old} (compared with documents by path): at once
     * when each of their components is the same object, the same document path or an equal plain value;
     * else by their fingerprints, {@code old}'s kept from an earlier update when it was worked out then.
     */
    private boolean sameModel(String path, Page old, Page now, int[] prints) {
        if (old == now) {
            return true;
        }
        if (old.getClass() == now.getClass() && old.getClass().isRecord() && sameParts(old, now)) {
            Model kept = models.get(path);
            if (kept != null && kept.page() == old) {
                models.put(path, new Model(now, kept.fingerprint()));
            }
            return true;
        }
        return Objects.equals(fingerprint(path, old, prints), fingerprint(path, now, prints));
    }

    private Object fingerprint(String path, Page page, int[] prints) {
        Model kept = models.get(path);
        if (kept != null && kept.page() == page) {
            return kept.fingerprint();
        }
        prints[0]++;
        Object print = fingerprint.of(page);
        models.put(path, new Model(page, print));
        return print;
    }

    /** Whether each component of two records of one class is the same object, document path or plain value. */
    private boolean sameParts(Object a, Object b) {
        for (Method part : fingerprint.accessors(a.getClass())) {
            Object x;
            Object y;
            try {
                x = part.invoke(a);
                y = part.invoke(b);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return false;
            }
            if (x == y) {
                continue;
            }
            boolean plain = x instanceof String || x instanceof Number || x instanceof Boolean || x instanceof Enum<?>;
            boolean sameDocument = x instanceof Document dx && y instanceof Document dy
                    && dx.meta().sourcePath().equals(dy.meta().sourcePath());
            if (!(plain && x.equals(y)) && !sameDocument) {
                return false;
            }
        }
        return true;
    }

    private static String sourcePath(Object anchor) {
        return anchor instanceof DocumentMeta m ? m.sourcePath() : ((Document) anchor).meta().sourcePath();
    }

    private static boolean changed(Reads.Touched t, Map<String, Document> documents) {
        boolean meta = t.anchor instanceof DocumentMeta;
        Document now = documents.get(sourcePath(t.anchor));
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

    /**
     * The new view's answer to query {@code a}: its fingerprint is not worked out again when the view gives the
     * very object it gave the last update (an immutable part it kept), and is the instance a group of pages
     * already holds when equal to it, so that comparing with that group is at once.
     */
    private Answer ask(Asked a, Map<String, Document> documents, SiteView view) {
        Reads.Query q = a.query;
        Object[] args = q.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Document d) {
                args[i] = documents.get(d.meta().sourcePath());
                if (args[i] == null || args[i].getClass() != d.getClass()) {
                    return new Answer(null, true);
                }
            }
        }
        Object raw;
        try {
            raw = RecordingWrapper.invoke(q.key().method(), view, args);
        } catch (TemplateModelException | RuntimeException e) {
            return new Answer(null, true);
        }
        Object print;
        if (raw != null && raw == a.raw) {
            print = a.print;
        } else {
            print = fingerprint.of(raw);
            for (Object held : a.answers) {
                if (Objects.equals(held, print)) {
                    print = held;
                    break;
                }
            }
            a.raw = raw;
            a.print = print;
        }
        return new Answer(print, false);
    }
}
