package dev.hindsight.config;

import java.util.Objects;

/** One category of the contributing-factor taxonomy: a stable id, a label for pages, an optional description. */
public record ContributingFactor(String id, String label, String description) {

    public ContributingFactor {
        Objects.requireNonNull(id, "id");
        label = label == null || label.isBlank() ? id : label;
        description = Objects.requireNonNullElse(description, "");
    }
}
