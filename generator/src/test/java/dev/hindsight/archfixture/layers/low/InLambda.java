package dev.hindsight.archfixture.layers.low;

import java.util.function.Supplier;

/** Only inside a lambda body. */
public class InLambda {
    Supplier<Object> make = () -> new dev.hindsight.archfixture.layers.high.Top();
}
