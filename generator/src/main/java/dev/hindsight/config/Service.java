package dev.hindsight.config;

import java.util.Objects;

/** One entry of the service catalog ({@code services.yml}). */
public record Service(String id, String name, String owner, String tier, String description) {
    public Service {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isEmpty() ? id : name;
        owner = Objects.requireNonNullElse(owner, "");
        tier = Objects.requireNonNullElse(tier, "");
        description = Objects.requireNonNullElse(description, "");
    }
}
