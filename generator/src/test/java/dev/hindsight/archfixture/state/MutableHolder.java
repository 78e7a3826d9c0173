package dev.hindsight.archfixture.state;

/** A final reference to an object of our own that has a non-final field. */
public class MutableHolder {
    static final Box CURRENT = new Box();

    static final class Box {
        String value;
    }
}
