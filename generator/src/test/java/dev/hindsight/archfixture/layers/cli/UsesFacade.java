package dev.hindsight.archfixture.layers.cli;

import dev.hindsight.archfixture.layers.Facade;

/** A front end as it should be. */
public class UsesFacade {
    String run() {
        return new Facade().run();
    }
}
