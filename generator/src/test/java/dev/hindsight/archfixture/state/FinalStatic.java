package dev.hindsight.archfixture.state;

/** Modifiers in the other order. */
public class FinalStatic {
    final static java.util.List<String> SEEN = new java.util.ArrayList<>();
}
