package dev.hindsight.config;

import java.util.List;

/**
 * The {@code static:} section of {@code hindsight.yml}.
 *
 * @param includeDotfiles paths under {@code static/} (such as {@code .well-known}) that are published
 *                        although a segment of them starts with {@code .}; each includes everything below it
 */
public record StaticSettings(List<String> includeDotfiles) {

    public StaticSettings {
        includeDotfiles = List.copyOf(includeDotfiles);
    }

    public static StaticSettings defaults() {
        return new StaticSettings(List.of());
    }

    /** Whether {@code path} (relative to {@code static/}, with {@code /}) is, or lies below, a listed path. */
    public boolean includes(String path) {
        for (String entry : includeDotfiles) {
            String e = entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry;
            if (!e.isEmpty() && (path.equals(e) || path.startsWith(e + "/"))) {
                return true;
            }
        }
        return false;
    }
}
