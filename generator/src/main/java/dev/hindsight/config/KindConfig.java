package dev.hindsight.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document kind: its name (the {@code type:} value), the folders whose files are of this kind
 * by default, which built-in model it maps to, its required sections and its front-matter schema.
 *
 * @param base       {@code postmortem}, {@code runbook} or {@code generic}: which record the model builds
 * @param sections   the sections a document of this kind must have (may be empty)
 * @param schemaFile a JSON Schema file relative to the site root, or empty for the built-in one
 * @param schemaMode {@code extend} (both schemas apply) or {@code replace}
 */
public record KindConfig(String name, List<String> folders, String base, List<SectionRequirement> sections,
                         String schemaFile, String schemaMode) {

    public static final String POSTMORTEM = "postmortem";
    public static final String RUNBOOK = "runbook";
    public static final String GENERIC = "generic";
    public static final String EXTEND = "extend";
    public static final String REPLACE = "replace";

    public KindConfig {
        Objects.requireNonNull(name, "name");
        folders = List.copyOf(folders);
        Objects.requireNonNull(base, "base");
        sections = List.copyOf(sections);
        schemaFile = Objects.requireNonNullElse(schemaFile, "");
        schemaMode = Objects.requireNonNullElse(schemaMode, EXTEND);
    }

    public KindConfig(String name, List<String> folders, String base) {
        this(name, folders, base, DefaultSections.forBase(base), "", EXTEND);
    }

    public static List<KindConfig> defaults() {
        return List.of(
                new KindConfig(POSTMORTEM, List.of("postmortems"), POSTMORTEM),
                new KindConfig(RUNBOOK, List.of("runbooks"), RUNBOOK));
    }

    /** The requirement named {@code name} (case-insensitive), if this kind has one. */
    public Optional<SectionRequirement> section(String name) {
        String n = SectionRequirement.normalize(name);
        for (SectionRequirement s : sections) {
            if (SectionRequirement.normalize(s.name()).equals(n)) {
                return Optional.of(s);
            }
            for (SectionRequirement alt : s.alternative()) {
                if (SectionRequirement.normalize(alt.name()).equals(n)) {
                    return Optional.of(alt);
                }
            }
        }
        return Optional.empty();
    }

    /** The headings that name section {@code name}: the configured ones, else the built-in defaults. */
    public List<String> headingsFor(String name) {
        return section(name).or(() -> DefaultSections.find(name)).map(SectionRequirement::headings)
                .orElse(List.of(SectionRequirement.normalize(name)));
    }
}
