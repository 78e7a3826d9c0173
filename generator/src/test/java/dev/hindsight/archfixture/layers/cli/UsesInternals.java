package dev.hindsight.archfixture.layers.cli;

/** A front end that reaches past the facade. */
public class UsesInternals {
    int run() {
        return new dev.hindsight.archfixture.layers.low.Helper().one();
    }
}
