package dev.hindsight.archfixture.layers.low;

import java.util.List;

/** Only as a type argument. */
public class GenericArgument {
    List<dev.hindsight.archfixture.layers.high.Top> tops = List.of();
}
