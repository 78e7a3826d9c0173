package dev.hindsight.render;

import freemarker.core.CallPlaceCustomDataInitializationException;
import freemarker.core.DirectiveCallPlace;
import freemarker.core.Environment;
import freemarker.template.ObjectWrapper;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@code <@cachedList items=xs ; x>…</@cachedList>}: lists {@code xs} as {@code <#list xs as x>} would.
 * The built-in theme lists the rows of its long tables with it. In a preview session the output is kept
 * in chunks of consecutive items, per place in the template, per {@code root} and per further
 * parameter, and a chunk whose items are the same instances as before is written again rather than
 * rendered — so a list of 5,000 runbooks renders a few dozen rows when one runbook changes. Chunk
 * boundaries depend on the items themselves (not on their positions), so an item added or removed
 * only changes its own chunk. Outside a preview, or in a template the site overrides, it simply lists.
 *
 * <p>The nested content may only show the item, {@code root}, the other parameters, and what the
 * site's view works out from the item instance alone: documents and the views of services, tags,
 * alerts and action items are immutable, and a preview keeps the instances of what did not change.
 * Chunks go when one of their items is no longer referenced (the preview replaced the document).
 */
final class FragmentCache implements TemplateDirectiveModel {

    /** About one item in 32 ends a chunk; no chunk is longer than {@link #MAX_CHUNK}. */
    private static final int BOUNDARY_MASK = 31;
    private static final int MAX_CHUNK = 256;

    private final boolean enabled;
    private final Predicate<String> cacheable;
    private final ReferenceQueue<Object> dead = new ReferenceQueue<>();
    /** Identifies our data on each place in a template that calls the directive. */
    private final Object provider = new Object();

    /**
     * @param enabled   whether to keep output at all
     * @param cacheable which templates (by name) may have their output kept: the built-in ones
     */
    FragmentCache(boolean enabled, Predicate<String> cacheable) {
        this.enabled = enabled;
        this.cacheable = cacheable;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        Object unwrapped = params.get("items") == null ? null : DeepUnwrap.unwrap((TemplateModel) params.get("items"));
        if (!(unwrapped instanceof Collection<?> collection)) {
            throw new TemplateModelException("@cachedList needs items=<a sequence>");
        }
        if (loopVars.length != 1 || body == null) {
            throw new TemplateModelException("@cachedList needs a loop variable: <@cachedList items=xs ; x>");
        }
        List<?> items = collection instanceof List<?> l ? l : List.copyOf(collection);
        ObjectWrapper wrapper = env.getObjectWrapper();
        DirectiveCallPlace place = env.getCurrentDirectiveCallPlace();
        Writer out = env.getOut();
        if (!enabled || !cacheable.test(place.getTemplate().getName())) {
            render(items, 0, items.size(), wrapper, loopVars, body, out);
            return;
        }
        Map<Key, Chunk> cache = cacheOf(place);
        Reads reads = RecordingWrapper.current();
        String vary = vary(env, params);
        purge();
        int start = 0;
        for (int i = 0; i < items.size(); i++) {
            if ((System.identityHashCode(items.get(i)) & BOUNDARY_MASK) == 0 || i + 1 - start == MAX_CHUNK
                    || i == items.size() - 1) {
                Key probe = new Key(items.subList(start, i + 1).toArray(), vary);
                Chunk chunk = cache.get(probe);
                if (chunk == null) {
                    StringWriter w = new StringWriter(1024);
                    // What the rows read is kept with them, and counts for each page that shows them.
                    Reads rows = reads == null ? Reads.none() : Reads.recorder();
                    env.setCustomAttribute(RecordingWrapper.READS, rows);
                    try {
                        render(items, start, i + 1, wrapper, loopVars, body, w);
                    } finally {
                        env.setCustomAttribute(RecordingWrapper.READS, reads == null ? Reads.none() : reads);
                    }
                    chunk = new Chunk(w.toString(), rows);
                    cache.put(probe.stored(dead, cache), chunk);
                }
                if (reads != null) {
                    reads.addAll(chunk.reads());
                }
                out.write(chunk.html());
                start = i + 1;
            }
        }
    }

    private static void render(List<?> items, int from, int to, ObjectWrapper wrapper, TemplateModel[] loopVars,
                               TemplateDirectiveBody body, Writer out) throws TemplateException, IOException {
        for (int i = from; i < to; i++) {
            loopVars[0] = wrapper.wrap(items.get(i));
            body.render(out);
        }
    }

    /** The output of a run of rows, and what rendering them read. */
    private record Chunk(String html, Reads reads) {
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Chunk> cacheOf(DirectiveCallPlace place) throws TemplateModelException {
        try {
            return (Map<Key, Chunk>) place.getOrCreateCustomData(provider, ConcurrentHashMap::new);
        } catch (CallPlaceCustomDataInitializationException e) {
            throw new TemplateModelException(e);
        }
    }

    /** {@code root} and the parameters other than {@code items}, which the output may depend on. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String vary(Environment env, Map params) throws TemplateModelException {
        StringBuilder vary = new StringBuilder();
        TemplateModel root = env.getVariable("root");
        vary.append(root instanceof TemplateScalarModel s ? s.getAsString() : "");
        for (Map.Entry<String, TemplateModel> e : new TreeMap<String, TemplateModel>(params).entrySet()) {
            if (!e.getKey().equals("items")) {
                vary.append('\u0000').append(e.getKey()).append('=').append(text(e.getValue()));
            }
        }
        return vary.toString();
    }

    private static String text(TemplateModel m) throws TemplateModelException {
        if (m instanceof TemplateBooleanModel b) {
            return Boolean.toString(b.getAsBoolean());
        }
        if (m instanceof TemplateScalarModel s) {
            return s.getAsString();
        }
        return String.valueOf(DeepUnwrap.unwrap(m));
    }

    /** Drops the chunks of items no longer referenced anywhere else. */
    private void purge() {
        for (Object ref = dead.poll(); ref != null; ref = dead.poll()) {
            Ref r = (Ref) ref;
            r.cache.remove(r.owner);
        }
    }

    /**
     * A run of items by identity, with the variant of its output. A lookup holds the items strongly; a
     * stored key holds them weakly, and once one of them is gone it equals only itself.
     */
    private static final class Key {
        private final Object[] strong;
        private final Ref[] weak;
        private final String vary;
        private final int hash;

        Key(Object[] items, String vary) {
            this.strong = items;
            this.weak = null;
            this.vary = vary;
            int h = vary.hashCode();
            for (Object item : items) {
                h = h * 31 + System.identityHashCode(item);
            }
            this.hash = h;
        }

        private Key(Key probe, ReferenceQueue<Object> queue, Map<Key, ?> cache) {
            this.strong = null;
            this.weak = new Ref[probe.strong.length];
            for (int i = 0; i < weak.length; i++) {
                weak[i] = new Ref(probe.strong[i], queue, this, cache);
            }
            this.vary = probe.vary;
            this.hash = probe.hash;
        }

        /** This key as stored in {@code cache}: its entry goes when one of the items is collected. */
        Key stored(ReferenceQueue<Object> queue, Map<Key, ?> cache) {
            return new Key(this, queue, cache);
        }

        private int size() {
            return strong != null ? strong.length : weak.length;
        }

        private Object item(int i) {
            return strong != null ? strong[i] : weak[i].get();
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key k) || hash != k.hash || size() != k.size() || !vary.equals(k.vary)) {
                return false;
            }
            for (int i = 0; i < size(); i++) {
                Object a = item(i);
                if (a == null || a != k.item(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Ref extends WeakReference<Object> {
        final Key owner;
        final Map<Key, ?> cache;

        Ref(Object target, ReferenceQueue<Object> queue, Key owner, Map<Key, ?> cache) {
            super(target, queue);
            this.owner = owner;
            this.cache = cache;
        }
    }
}
