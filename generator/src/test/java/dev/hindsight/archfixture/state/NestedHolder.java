package dev.hindsight.archfixture.state;

/** State hidden in a nested class. */
public class NestedHolder {
    private static final class Holder {
        private static String last = "";
    }
}
