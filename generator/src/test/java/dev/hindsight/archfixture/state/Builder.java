package dev.hindsight.archfixture.state;

/** A shared buffer. */
public class Builder {
    private static final StringBuilder OUT = new StringBuilder();
}
