package dev.hindsight.archfixture.layers.low;

/** Only in an instanceof test. */
public class InstanceOf {
    boolean top(Object o) {
        return o instanceof dev.hindsight.archfixture.layers.high.Top;
    }
}
