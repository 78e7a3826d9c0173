package dev.hindsight.archfixture.state;

/** An atomic: final, yet it counts. */
public class AtomicCounter {
    static final java.util.concurrent.atomic.AtomicLong BUILDS = new java.util.concurrent.atomic.AtomicLong();
}
