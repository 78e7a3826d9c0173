package dev.hindsight.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the service catalog ({@code services.yml}, or a Backstage {@code catalog-info.yaml}
 * entity). The Backstage fields are empty for {@code services.yml} entries.
 *
 * @param lifecycle  Backstage {@code spec.lifecycle} (production, experimental …)
 * @param system     Backstage {@code spec.system}
 * @param links      Backstage {@code metadata.links}
 * @param catalogUrl the entity's page in Backstage, when {@code backstage.url} is configured
 */
public record Service(String id, String name, String owner, String tier, String description, String lifecycle,
                      String system, List<ServiceLink> links, String catalogUrl) {
    public Service {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isEmpty() ? id : name;
        owner = Objects.requireNonNullElse(owner, "");
        tier = Objects.requireNonNullElse(tier, "");
        description = Objects.requireNonNullElse(description, "");
        lifecycle = Objects.requireNonNullElse(lifecycle, "");
        system = Objects.requireNonNullElse(system, "");
        links = links == null ? List.of() : List.copyOf(links);
        catalogUrl = Objects.requireNonNullElse(catalogUrl, "");
    }

    /** A {@code services.yml} entry. */
    public Service(String id, String name, String owner, String tier, String description) {
        this(id, name, owner, tier, description, "", "", List.of(), "");
    }
}
