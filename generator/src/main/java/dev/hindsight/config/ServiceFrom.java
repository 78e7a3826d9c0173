package dev.hindsight.config;

/** A kind's {@code service_from:}: a document's service from its front matter, or from the folder it is in. */
public enum ServiceFrom implements Spelled {
    FRONT_MATTER,
    FOLDER;
}
