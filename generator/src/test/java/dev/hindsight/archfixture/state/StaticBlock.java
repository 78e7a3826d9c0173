package dev.hindsight.archfixture.state;

import java.util.List;

/** Assigned in a static block rather than at the declaration. */
public class StaticBlock {
    static final List<String> NAMES;

    static {
        NAMES = new java.util.LinkedList<>();
        NAMES.add("x");
    }
}
