package dev.hindsight.archfixture.layers.high;

/** An exception of the higher stage. */
public class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
}
