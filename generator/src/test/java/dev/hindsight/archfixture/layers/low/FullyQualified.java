package dev.hindsight.archfixture.layers.low;

/** Uses the higher stage without an import. */
public class FullyQualified {
    String name() {
        return new dev.hindsight.archfixture.layers.high.Top().name();
    }
}
