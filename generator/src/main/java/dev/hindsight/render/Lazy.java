package dev.hindsight.render;

import java.util.function.Supplier;

/** A value worked out once, on first use, by whichever rendering thread asks first. */
final class Lazy<T> {
    private Supplier<T> supplier;
    private volatile T value;

    Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                    supplier = null;
                }
            }
        }
        return v;
    }
}
