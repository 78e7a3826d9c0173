package dev.hindsight.config;

/**
 * {@code unknown_types:} what a {@code type:} value that names no kind (Hugo's {@code type: docs}) does:
 * an error (the default), or nothing — the folder decides the kind.
 */
public enum UnknownTypes implements Spelled {
    ERROR,
    IGNORE;
}
