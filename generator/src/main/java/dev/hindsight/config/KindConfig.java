package dev.hindsight.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One document kind: its name (the {@code type:} value), the folders whose files are of this kind
 * by default, which built-in model it maps to, its required sections and its front-matter schema.
 *
 * @param base       which record the model builds
 * @param sections   the sections a document of this kind must have (may be empty)
 * @param schemaFile a JSON Schema file relative to the site root, or empty for the built-in one
 * @param schemaMode {@code extend} (both schemas apply) or {@code replace}
 * @param options    include/exclude globs, field mappings and where ids, alerts and services come from
 */
public record KindConfig(String name, List<String> folders, KindBase base, List<SectionRequirement> sections,
                         String schemaFile, String schemaMode, KindOptions options) {

    /** The names of the built-in kinds. */
    public static final String POSTMORTEM = "postmortem";
    public static final String RUNBOOK = "runbook";
    public static final String EXTEND = "extend";
    public static final String REPLACE = "replace";

    public KindConfig {
        Objects.requireNonNull(name, "name");
        folders = List.copyOf(folders);
        Objects.requireNonNull(base, "base");
        sections = List.copyOf(sections);
        schemaFile = Objects.requireNonNullElse(schemaFile, "");
        schemaMode = Objects.requireNonNullElse(schemaMode, EXTEND);
        options = Objects.requireNonNullElse(options, KindOptions.defaults());
    }

    public KindConfig(String name, List<String> folders, KindBase base, List<SectionRequirement> sections,
                      String schemaFile, String schemaMode) {
        this(name, folders, base, sections, schemaFile, schemaMode, KindOptions.defaults());
    }

    /**
     * Whether {@code relPath} is of this kind by where it is: in one of its folders or matching one of its
     * {@code include} globs, and matching none of its {@code exclude} globs. Returns the length of the match
     * (longer is more specific), or -1.
     */
    public int claims(String relPath) {
        if (options.paths().excludes(relPath)) {
            return -1;
        }
        int best = -1;
        for (String folder : folders) {
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            if (relPath.startsWith(prefix) && prefix.length() > best) {
                best = prefix.length();
            }
        }
        for (PathGlob g : options.paths().include()) {
            if (g.matches(relPath)) {
                best = Math.max(best, g.glob().length());
            }
        }
        return best;
    }

    public KindConfig(String name, List<String> folders, KindBase base) {
        this(name, folders, base, DefaultSections.forBase(base), "", EXTEND);
    }

    public static List<KindConfig> defaults() {
        return List.of(
                new KindConfig(POSTMORTEM, List.of("postmortems"), KindBase.POSTMORTEM),
                new KindConfig(RUNBOOK, List.of("runbooks"), KindBase.RUNBOOK));
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
