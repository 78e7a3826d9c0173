package dev.hindsight.archfixture.layers.low;

import dev.hindsight.archfixture.layers.high.Top;
import java.util.function.Function;

/** Through a method reference only. */
public class MethodReference {
    Function<Top, String> name = Top::name;
}
