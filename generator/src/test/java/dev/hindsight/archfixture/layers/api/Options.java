package dev.hindsight.archfixture.layers.api;

/** The fixture's API type: a front end may use it beside the facade. */
public record Options(String name) {
}
