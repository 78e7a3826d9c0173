package dev.hindsight.config;

import java.util.List;

/**
 * {@code include:} and {@code exclude:} globs: a path is in when it matches an include (or there is
 * none) and no exclude.
 */
public record PathFilter(List<PathGlob> include, List<PathGlob> exclude) {

    public PathFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static PathFilter all() {
        return new PathFilter(List.of(), List.of());
    }

    public static PathFilter of(List<String> include, List<String> exclude) {
        return new PathFilter(include.stream().map(PathGlob::of).toList(), exclude.stream().map(PathGlob::of).toList());
    }

    public boolean hasInclude() {
        return !include.isEmpty();
    }

    public boolean includes(String relPath) {
        return (include.isEmpty() || include.stream().anyMatch(g -> g.matches(relPath))) && !excludes(relPath);
    }

    public boolean excludes(String relPath) {
        return exclude.stream().anyMatch(g -> g.matches(relPath));
    }
}
