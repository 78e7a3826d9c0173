package dev.hindsight.config;

/** A kind's {@code id:}: a document without an {@code id} field is named by its file name or its path. */
public enum IdFrom implements Spelled {
    FILENAME("filename"),
    PATH("path");

    private final String yaml;

    IdFrom(String yaml) {
        this.yaml = yaml;
    }

    @Override
    public String yaml() {
        return yaml;
    }
}
