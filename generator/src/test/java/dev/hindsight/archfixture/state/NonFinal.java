package dev.hindsight.archfixture.state;

/** The plain case. */
public class NonFinal {
    static int builds;
}
