package dev.hindsight.archfixture.layers.low;

/** A lower-stage class that uses nothing. */
public class Helper {
    public int one() {
        return 1;
    }
}
