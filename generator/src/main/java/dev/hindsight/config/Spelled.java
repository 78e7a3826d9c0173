package dev.hindsight.config;

/** A closed set of settings values: each constant knows how {@code hindsight.yml} spells it. */
interface Spelled {

    /** The spelling in {@code hindsight.yml}. */
    String yaml();
}
