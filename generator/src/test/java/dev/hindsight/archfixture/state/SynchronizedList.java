package dev.hindsight.archfixture.state;

import java.util.Collections;
import java.util.List;

/** Thread-safe is not immutable. */
public class SynchronizedList {
    static final List<String> LOG = Collections.synchronizedList(new java.util.ArrayList<>());
}
