package dev.hindsight.render;

import dev.hindsight.model.Document;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value as a page depends on it, with every {@link Document} in it replaced by its source path
 * ({@link DocRef}): records are compared component by component, lists element by element, anything
 * else by {@code equals}. Whether two views list the same documents in the same order is thus a
 * comparison of fingerprints; what a page shows <em>of</em> those documents is recorded apart, as it
 * reads them ({@link Reads}), so a list whose runbooks only changed their bodies is the same list.
 */
final class Fingerprint {

    /** A document, by the path of its source file. */
    record DocRef(String path) {
    }

    /** A record: its class and the fingerprints of its components. */
    record Of(Class<?> type, List<Object> components) {
    }

    /**
     * Each record class's component accessors, looked up once: {@code getRecordComponents()} copies them on
     * every call, and a fresh {@link Method} has to find its accessor again on its first invocation, which
     * cost more than the rest of a fingerprint. Held by the fingerprint's user (a preview session's renderer
     * and staleness index), not statically.
     */
    private final Map<Class<?>, Method[]> accessors = new java.util.concurrent.ConcurrentHashMap<>();

    /** The accessors of {@code type}'s components, in order; {@code type} is a record class. */
    Method[] accessors(Class<?> type) {
        Method[] known = accessors.get(type);
        if (known == null) {
            RecordComponent[] parts = type.getRecordComponents();
            known = new Method[parts.length];
            for (int i = 0; i < parts.length; i++) {
                known[i] = parts[i].getAccessor();
            }
            accessors.put(type, known);
        }
        return known;
    }

    Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Document d) {
            return new DocRef(d.meta().sourcePath());
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return value;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object x : c) {
                out.add(of(x));
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(of(k), of(v)));
            return out;
        }
        if (value instanceof Optional<?> o) {
            return o.map(this::of);
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            Method[] parts = accessors(type);
            List<Object> out = new ArrayList<>(parts.length);
            for (Method part : parts) {
                try {
                    out.add(of(part.invoke(value)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    return value; // not readable from here: compared by equals
                }
            }
            return new Of(type, out);
        }
        return value;
    }
}
