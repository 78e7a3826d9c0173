package dev.hindsight.config;

import java.util.Objects;

/** A link of a catalog entity (Backstage {@code metadata.links}): where it goes and what it is called. */
public record ServiceLink(String url, String title) {
    public ServiceLink {
        Objects.requireNonNull(url, "url");
        title = title == null || title.isBlank() ? url : title;
    }
}
