package dev.hindsight.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A section a document of some kind must have: a heading named {@code name} or one of its
 * {@code aliases} (any level, case-insensitive), or else every section of {@code alternative}
 * (such as "What went well" plus "What went wrong" in place of "Lessons learned").
 * {@code headings} (derived) holds the name and every alias, normalised: the headings that satisfy it.
 */
public record SectionRequirement(String name, List<String> aliases, List<SectionRequirement> alternative,
                                 List<String> headings) {

    public SectionRequirement {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        alternative = List.copyOf(alternative);
        // Normalised once: section lookups run for every heading of every document.
        List<String> all = new ArrayList<>();
        all.add(normalize(name));
        aliases.forEach(a -> all.add(normalize(a)));
        headings = List.copyOf(all);
    }

    public SectionRequirement(String name, List<String> aliases, List<SectionRequirement> alternative) {
        this(name, aliases, alternative, List.of());
    }

    public static SectionRequirement of(String name, String... aliases) {
        return new SectionRequirement(name, List.of(aliases), List.of());
    }

    public boolean matches(String heading) {
        return headings().contains(normalize(heading));
    }

    /** Case, trailing colon and repeated spaces do not count. */
    public static String normalize(String heading) {
        String h = heading.strip().toLowerCase(Locale.ROOT);
        int end = h.length();
        while (end > 0 && (h.charAt(end - 1) == ':' || h.charAt(end - 1) == '.' || Character.isWhitespace(h.charAt(end - 1)))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end);
        boolean space = false;
        for (int i = 0; i < end; i++) {
            char c = h.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
