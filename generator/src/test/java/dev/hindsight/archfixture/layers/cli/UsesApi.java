package dev.hindsight.archfixture.layers.cli;

import dev.hindsight.archfixture.layers.api.Options;

/** A front end that passes an API type to the facade. */
public class UsesApi {
    String run() {
        return new Options("x").name();
    }
}
