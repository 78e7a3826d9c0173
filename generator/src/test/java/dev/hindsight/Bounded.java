package dev.hindsight;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The time bound of the fuzz and hostile-input tests. Preemptive, so that a hang fails the test
 * instead of the whole run; generous, because the build machine has two shared cores.
 */
public final class Bounded {

    /** Per fuzz input: small inputs must never take long. */
    public static final Duration PER_INPUT = Duration.ofSeconds(2);

    /** Per hostile file (megabytes of input, a whole build). */
    public static final Duration HOSTILE = Duration.ofSeconds(20);

    private Bounded() {
    }

    public static <T> T within(Duration limit, ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(limit, work);
    }
}
