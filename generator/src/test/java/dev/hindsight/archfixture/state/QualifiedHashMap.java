package dev.hindsight.archfixture.state;

import java.util.Map;

/** A fully qualified mutable map behind an interface type. */
public class QualifiedHashMap {
    private static final Map<String, String> CACHE = new java.util.HashMap<>();
}
