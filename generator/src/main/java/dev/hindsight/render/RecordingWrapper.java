package dev.hindsight.render;

import dev.hindsight.model.Document;
import dev.hindsight.model.DocumentMeta;
import freemarker.core.Environment;
import freemarker.ext.beans.StringModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import freemarker.ext.util.WrapperTemplateModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Freemarker's default object wrapper, which also records what a page reads while it renders, into the
 * {@link Reads} of the page ({@link #READS}, an attribute of the rendering's environment): every
 * {@link Document} (and document {@code meta}) the template reaches, with the properties it reads of it,
 * and every call on the {@link SiteView} with its arguments and answer. It sees every object a template
 * touches, whichever template it is — the built-in theme's or a site's own — so the preview's "which
 * pages must be rendered again" needs no list of what the templates show. Without a recording
 * {@link Reads} it wraps exactly as {@link DefaultObjectWrapper} does, but for the view's states
 * ({@link ShownAsText}), which templates see as strings in either case.
 */
final class RecordingWrapper extends DefaultObjectWrapper {

    /** The environment attribute holding the {@link Reads} of the page being rendered. */
    static final String READS = "dev.hindsight.reads";

    private final Fingerprint fingerprint = new Fingerprint();

    /** A query's last answer and its fingerprint. */
    private record Printed(Object answer, Object fingerprint) {
    }

    /**
     * The fingerprint of each query's last answer, by query: a query that many pages (or rows) make is
     * fingerprinted once per answer, not once per call, and its pages then hold one fingerprint instance.
     * Reused only for the very same answer object (the view's parts are immutable).
     */
    private final Map<Reads.QueryKey, Printed> printed = new java.util.concurrent.ConcurrentHashMap<>();

    /** The view's public methods by name. */
    private final Map<String, List<Method>> viewMethods;

    /** Whether this wrapper records at all: the renderer wraps the pages that record nothing with one that does not. */
    private final boolean records;

    RecordingWrapper(Version version) {
        this(version, true);
    }

    /**
     * @param records whether to record what a page reads into its {@link Reads} when they are recording; without,
     *                a plain {@link DefaultObjectWrapper} (but for {@link ShownAsText}) that never looks for them
     */
    RecordingWrapper(Version version, boolean records) {
        super(new DefaultObjectWrapperBuilder(version), true);
        this.records = records;
        Map<String, List<Method>> methods = new TreeMap<>();
        for (Method m : SiteView.class.getMethods()) {
            if (m.getDeclaringClass() == SiteView.class && !Modifier.isStatic(m.getModifiers())) {
                methods.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            }
        }
        methods.replaceAll((k, v) -> List.copyOf(v));
        this.viewMethods = Map.copyOf(methods);
    }

    /** A state of the view ({@link ShownAsText}) is its text, as it was before it was an enum. */
    @Override
    public TemplateModel wrap(Object obj) throws TemplateModelException {
        if (obj instanceof String text) {
            return new SimpleScalar(text); // as DefaultObjectWrapper wraps it; most values are text
        }
        return obj instanceof ShownAsText ? new SimpleScalar(obj.toString()) : super.wrap(obj);
    }

    /** The recording {@link Reads} of the rendering on this thread, or null. */
    static Reads current() {
        Environment env = Environment.getCurrentEnvironment();
        Object reads = env == null ? null : env.getCustomAttribute(READS);
        return reads instanceof Reads r && r.recording() ? r : null;
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
        if (records && current() != null) {
            if (obj instanceof Document || obj instanceof DocumentMeta) {
                return new Tracked(obj);
            }
            if (obj instanceof SiteView view) {
                return new ViewModel(view);
            }
        }
        return super.handleUnknownType(obj);
    }

    /** A document or its meta: each property read is recorded with its value. */
    private final class Tracked extends StringModel {
        private final Object anchor;

        Tracked(Object anchor) {
            super(anchor, RecordingWrapper.this);
            this.anchor = anchor;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            TemplateModel m = super.get(key);
            Reads reads = current();
            if (reads != null && m != null) {
                Method accessor = accessor(anchor.getClass(), key);
                if (accessor == null) {
                    reads.whole(anchor); // a method with arguments, or something only Freemarker knows
                } else {
                    Object value = invoke(accessor, anchor);
                    if (!(value instanceof DocumentMeta)) { // the meta records what is read of it
                        reads.property(anchor, key, value);
                    }
                }
            }
            return m;
        }

        private void whole() {
            Reads reads = current();
            if (reads != null) {
                reads.whole(anchor);
            }
        }

        @Override
        public String getAsString() {
            whole();
            return super.getAsString();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            whole();
            return super.getAdaptedObject(hint);
        }

        @Override
        public Object getWrappedObject() {
            whole();
            return super.getWrappedObject();
        }

        @Override
        public TemplateCollectionModel keys() {
            whole();
            return super.keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            whole();
            return super.values();
        }

        @Override
        public boolean isEmpty() {
            whole();
            return super.isEmpty();
        }

        @Override
        public int size() {
            whole();
            return super.size();
        }
    }

    /** The site view: each call is recorded as a query. */
    private final class ViewModel implements TemplateHashModel, AdapterTemplateModel, WrapperTemplateModel {
        private final SiteView view;

        ViewModel(SiteView view) {
            this.view = view;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            List<Method> methods = viewMethods.get(key);
            if (methods == null) {
                TemplateModel plain = plain(view).get(key);
                Reads reads = current();
                if (plain != null && reads != null) {
                    reads.always();
                }
                return plain;
            }
            return (TemplateMethodModelEx) args -> call(view, key, methods, args);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return view;
        }

        @Override
        public Object getWrappedObject() {
            return view;
        }
    }

    private TemplateHashModel plain(Object obj) throws TemplateModelException {
        return (TemplateHashModel) super.handleUnknownType(obj);
    }

    @SuppressWarnings("rawtypes")
    private TemplateModel call(SiteView view, String name, List<Method> methods, List args) throws TemplateModelException {
        Object[] java = new Object[args.size()];
        for (int i = 0; i < java.length; i++) {
            TemplateModel arg = (TemplateModel) args.get(i);
            java[i] = arg instanceof Tracked t && t.anchor instanceof Document d ? d : arg == null ? null : unwrap(arg);
        }
        Method method = choose(methods, java);
        Reads reads = current();
        if (method == null) {
            // Arguments the view's methods do not take as they are: Freemarker converts them (or fails).
            if (reads != null) {
                reads.always();
            }
            return ((TemplateMethodModelEx) plain(view).get(name)).exec(args) instanceof TemplateModel m ? m : null;
        }
        Object answer = invoke(method, view, java);
        if (reads != null) {
            record(reads, method, java, answer);
        }
        return wrap(answer);
    }

    private void record(Reads reads, Method method, Object[] args, Object answer) {
        if (method.isAnnotationPresent(ArgumentsOnly.class)) {
            for (Object a : args) {
                documentsIn(a, reads::whole);
            }
            return;
        }
        List<Object> key = new ArrayList<>(args.length);
        for (Object a : args) {
            if (a instanceof Document d) {
                key.add(new Fingerprint.DocRef(d.meta().sourcePath())); // checked again with the new document
            } else {
                documentsIn(a, reads::whole); // inside another value: cannot be swapped for the new one
                key.add(fingerprint.of(a));
            }
        }
        Reads.QueryKey query = new Reads.QueryKey(method, key);
        Printed last = printed.get(query);
        Object print;
        if (last != null && last.answer() == answer && answer != null) {
            print = last.fingerprint();
        } else {
            print = fingerprint.of(answer);
            printed.put(query, new Printed(answer, print));
        }
        reads.query(query, args.clone(), print);
    }

    /** Calls {@code consumer} with each document in {@code value} (in records, collections, maps). */
    private void documentsIn(Object value, Consumer<Object> consumer) {
        if (value instanceof Document || value instanceof DocumentMeta) {
            consumer.accept(value);
        } else if (value instanceof Collection<?> c) {
            c.forEach(x -> documentsIn(x, consumer));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                documentsIn(k, consumer);
                documentsIn(v, consumer);
            });
        } else if (value != null && value.getClass().isRecord()) {
            for (Method part : fingerprint.accessors(value.getClass())) {
                try {
                    documentsIn(part.invoke(value), consumer);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    // not readable from here; records of the view and the model are public
                }
            }
        }
    }

    /** The method of {@code methods} that takes {@code args} as they are (numbers converted), or null. */
    static Method choose(List<Method> methods, Object[] args) {
        for (Method m : methods) {
            Class<?>[] params = m.getParameterTypes();
            if (params.length != args.length) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < params.length && fits; i++) {
                fits = fits(params[i], args[i]);
            }
            if (fits) {
                for (int i = 0; i < params.length; i++) {
                    args[i] = convert(params[i], args[i]);
                }
                return m;
            }
        }
        return null;
    }

    private static boolean fits(Class<?> param, Object arg) {
        if (arg == null) {
            return !param.isPrimitive();
        }
        if (param == int.class || param == Integer.class || param == long.class || param == Long.class) {
            return arg instanceof Number;
        }
        if (param == boolean.class) {
            return arg instanceof Boolean;
        }
        return !param.isPrimitive() && param.isInstance(arg);
    }

    private static Object convert(Class<?> param, Object arg) {
        if (param == int.class || param == Integer.class) {
            return ((Number) arg).intValue();
        }
        if (param == long.class || param == Long.class) {
            return ((Number) arg).longValue();
        }
        return arg;
    }

    static Object invoke(Method method, Object target, Object... args) throws TemplateModelException {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new TemplateModelException(e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error err) {
                throw err; // out of stack or memory: reported as such
            }
            throw new TemplateModelException("view." + method.getName() + " failed: " + cause, (Exception) cause);
        }
    }

    /**
     * The public method without parameters that answers property {@code key} of a {@code type}
     * ({@code key()}, {@code getKey()} or {@code isKey()}), or null when there is none.
     */
    static Method accessor(Class<?> type, String key) {
        for (String name : List.of(key, "get" + capitalized(key), "is" + capitalized(key))) {
            try {
                Method m = type.getMethod(name);
                if (m.getReturnType() != void.class && !Modifier.isStatic(m.getModifiers())) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String capitalized(String key) {
        return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
