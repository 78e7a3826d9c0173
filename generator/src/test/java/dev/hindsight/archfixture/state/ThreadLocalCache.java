package dev.hindsight.archfixture.state;

/** Per-thread state is still state that outlives a build. */
public class ThreadLocalCache {
    static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(StringBuilder::new);
}
