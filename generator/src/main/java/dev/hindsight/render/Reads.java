package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one page read while its template ran: the documents it touched, with the properties it read of
 * each (and their values), and the site-wide queries it made of the view (method, arguments, and the
 * {@link Fingerprint} of the answer). Filled by {@link RecordingWrapper} on the rendering thread, then
 * only read. {@link #none()} records nothing: a one-shot build renders with it.
 */
public final class Reads {

    /** The key of a query: the view's method and its arguments, documents by path. */
    record QueryKey(Method method, List<Object> args) {
    }

    /** A query as the page made it: the arguments (documents as they were) and the answer's fingerprint. */
    record Query(QueryKey key, Object[] args, Object answer) {
    }

    /**
     * What a page read of one document's {@code anchor} (the document, or its {@code meta}): each
     * property's value, or everything ({@code whole}) when the template used the object itself.
     */
    static final class Touched {
        final Object anchor;
        final Map<String, Object> properties = new HashMap<>();
        boolean whole;

        Touched(Object anchor) {
            this.anchor = anchor;
        }
    }

    private final boolean recording;
    /** By "path" for a document, "path\0meta" for its meta. */
    final Map<String, Touched> documents = new LinkedHashMap<>();
    final Map<QueryKey, Query> queries = new LinkedHashMap<>();
    /** Set when the page read something that cannot be checked later: it is rendered on every update. */
    boolean always;

    private Reads(boolean recording) {
        this.recording = recording;
    }

    /** A recorder for one page's rendering. */
    public static Reads recorder() {
        return new Reads(true);
    }

    /** Records nothing. */
    public static Reads none() {
        return new Reads(false);
    }

    boolean recording() {
        return recording;
    }

    /** The key a document part is kept under: the anchor is a document or a document's meta. */
    private static String keyOf(Object anchor) {
        if (anchor instanceof Document d) {
            return d.meta().sourcePath();
        }
        return ((DocumentMeta) anchor).sourcePath() + "\u0000meta";
    }

    private Touched touched(Object anchor) {
        return documents.computeIfAbsent(keyOf(anchor), k -> new Touched(anchor));
    }

    /** The template read {@code property} of a document (or its meta), which was {@code value}. */
    void property(Object anchor, String property, Object value) {
        if (recording) {
            Touched t = touched(anchor);
            if (!t.whole && t.anchor == anchor) {
                t.properties.putIfAbsent(property, value);
            } else if (t.anchor != anchor) {
                t.whole = true; // two instances under one path in one render: should not happen; be safe
            }
        }
    }

    /** The template used the document (or its meta) as a whole: any change to it matters. */
    void whole(Object anchor) {
        if (recording) {
            touched(anchor).whole = true;
        }
    }

    void query(QueryKey key, Object[] args, Object answer) {
        if (recording) {
            queries.putIfAbsent(key, new Query(key, args, answer));
        }
    }

    void always() {
        always = true;
    }

    /** Adds what {@code other} recorded (a chunk of a list kept from an earlier render, replayed). */
    void addAll(Reads other) {
        if (!recording) {
            return;
        }
        for (Touched t : other.documents.values()) {
            if (t.whole) {
                whole(t.anchor);
            }
            t.properties.forEach((p, v) -> property(t.anchor, p, v));
        }
        other.queries.values().forEach(q -> queries.putIfAbsent(q.key(), q));
        always |= other.always;
    }

    /** For tests and messages: the paths of the documents read, with what was read of them. */
    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        documents.forEach((k, t) -> out.add(k.replace("\u0000", ".") + (t.whole ? "=*" : "=" + new java.util.TreeSet<>(
                t.properties.keySet()))));
        queries.keySet().forEach(q -> out.add("view." + q.method().getName() + q.args()));
        return out + (always ? " always" : "");
    }
}
