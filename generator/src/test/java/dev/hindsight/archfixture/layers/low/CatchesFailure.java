package dev.hindsight.archfixture.layers.low;

/** Only in a catch clause. */
public class CatchesFailure {
    void run(Runnable r) {
        try {
            r.run();
        } catch (dev.hindsight.archfixture.layers.high.Failure e) {
            throw new IllegalStateException(e);
        }
    }
}
