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
    public static final Duration HOSTILE = Duration.ofSeconds(40);

    private Bounded() {
    }

    /**
     * A realistic document, run once by each fuzz test before the clock starts: in fuzzing mode
     * every class is instrumented as it loads, which makes the very first input slow.
     */
    public static final String WARM_UP = """
            ---
            title: Warm-up
            id: INC-1
            date: 2024-03-05
            services: [api]
            incident: {started: 2024-03-05T14:02:00Z, resolved: 2024-03-05T15:00:00Z}
            ---
            ## Summary
            Text with *emphasis*, `code`, [a link](../runbooks/api.md#x) and <b>html</b>.

            ## Timeline
            | Time (UTC) | Event |
            |---|---|
            | 14:02 | paged |

            ## Root cause
            1. Why? Because.

            ## Action items
            - [ ] Fix it owner: @sre due: 2024-04-01 ticket: OPS-1
            """;

    public static <T> T within(Duration limit, ThrowingSupplier<T> work) {
        return assertTimeoutPreemptively(limit, work);
    }
}
