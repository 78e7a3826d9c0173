package dev.hindsight.maven;

import java.lang.reflect.Field;
import org.apache.maven.plugin.AbstractMojo;

/** Sets a Mojo's private parameter fields the way Maven injects them. */
final class Mojos {

    private Mojos() {
    }

    static <T extends AbstractMojo> T set(T mojo, String field, Object value) {
        for (Class<?> c = mojo.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(mojo, value);
                return mojo;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(mojo.getClass().getSimpleName() + " has no parameter " + field);
    }
}
