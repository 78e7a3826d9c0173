package dev.hindsight.config;

import java.util.Locale;

/**
 * A closed set of settings values: each enum constant is spelled in {@code hindsight.yml} as its name in lower
 * case with {@code -} for {@code _} ({@code FRONT_MATTER} is {@code front-matter}).
 */
interface Spelled {

    /** The constant's name, as {@code Enum.name()} gives it. */
    String name();

    /** The spelling in {@code hindsight.yml}. */
    default String yaml() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
