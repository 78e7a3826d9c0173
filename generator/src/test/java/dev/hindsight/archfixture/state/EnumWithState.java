package dev.hindsight.archfixture.state;

/** An enum constant is a static field; one with a mutable field is static state. */
public class EnumWithState {
    static final Mode DEFAULT = Mode.FAST;

    enum Mode {
        FAST;
        int uses;
    }
}
