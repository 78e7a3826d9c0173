package dev.hindsight.archfixture.state;

import java.util.EnumSet;
import java.util.Set;

/** EnumSet is mutable. */
public class EnumSetConstant {
    enum Kind { A, B }

    static final Set<Kind> ALL = EnumSet.allOf(Kind.class);
}
