package dev.hindsight.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A section a document of some kind must have: a heading named {@code name} or one of its
 * {@code aliases} (any level, case-insensitive), or else every section of {@code alternative}
 * (such as "What went well" plus "What went wrong" in place of "Lessons learned").
 */
public record SectionRequirement(String name, List<String> aliases, List<SectionRequirement> alternative) {

    public SectionRequirement {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        alternative = List.copyOf(alternative);
    }

    public static SectionRequirement of(String name, String... aliases) {
        return new SectionRequirement(name, List.of(aliases), List.of());
    }

    /** The name and every alias, lower-cased: the headings that satisfy this requirement. */
    public List<String> headings() {
        List<String> out = new ArrayList<>();
        out.add(normalize(name));
        aliases.forEach(a -> out.add(normalize(a)));
        return out;
    }

    public boolean matches(String heading) {
        return headings().contains(normalize(heading));
    }

    /** Case, trailing colon and repeated spaces do not count. */
    public static String normalize(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[:.]\\s*$", "").replaceAll("\\s+", " ").strip();
    }
}
