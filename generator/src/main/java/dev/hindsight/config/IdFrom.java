package dev.hindsight.config;

/** A kind's {@code id:}: a document without an {@code id} field is named by its file name or its path. */
public enum IdFrom implements Spelled {
    FILENAME,
    PATH;
}
