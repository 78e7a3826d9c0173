package dev.hindsight.archfixture.layers.high;

/** A class of the higher stage. */
public class Top {
    public String name() {
        return "top";
    }
}
