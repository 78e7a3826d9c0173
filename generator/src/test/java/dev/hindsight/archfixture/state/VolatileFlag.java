package dev.hindsight.archfixture.state;

/** Volatile, still state. */
public class VolatileFlag {
    private static volatile boolean started;
}
