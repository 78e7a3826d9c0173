package dev.hindsight.archfixture.state;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A mutable set made by a factory method rather than a constructor. */
public class NewKeySet {
    static final Set<String> IDS = ConcurrentHashMap.newKeySet();
}
