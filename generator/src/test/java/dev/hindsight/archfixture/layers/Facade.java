package dev.hindsight.archfixture.layers;

/** The fixture's facade: the one thing its front end may use. */
public final class Facade {
    public String run() {
        return new dev.hindsight.archfixture.layers.high.Top().name();
    }
}
