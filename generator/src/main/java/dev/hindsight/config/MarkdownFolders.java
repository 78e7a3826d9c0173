package dev.hindsight.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the Markdown files of a folder are, for the hints of a site Hindsight does not recognize (no
 * {@code hindsight.yml}, or no document in any kind's folder): the folders with the most files first.
 *
 * @param counts the number of {@code .md} files directly in each folder ("." for the site root), by folder
 */
public record MarkdownFolders(Map<String, Integer> counts) {

    /** How many folders a hint names. */
    static final int SHOWN = 5;

    public MarkdownFolders {
        counts = Map.copyOf(counts);
    }

    /** Counts the files of {@code paths} (relative, with {@code /}) by the folder they are in. */
    public static MarkdownFolders of(List<String> paths) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String p : paths) {
            int slash = p.lastIndexOf('/');
            counts.merge(slash < 0 ? "." : p.substring(0, slash), 1, Integer::sum);
        }
        return new MarkdownFolders(counts);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The folders, most files first, ties by name. */
    List<String> ranked() {
        List<String> folders = new ArrayList<>(counts.keySet());
        folders.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
        return folders;
    }

    /** {@code docs/incidents/ (3), ./ (1)}: the top few, and how many more there are. */
    public String summary() {
        List<String> ranked = ranked();
        String shown = ranked.stream().limit(SHOWN).map(f -> f + "/ (" + counts.get(f) + ")")
                .collect(Collectors.joining(", "));
        return ranked.size() > SHOWN ? shown + " and " + (ranked.size() - SHOWN) + " more folders" : shown;
    }

    /** A {@code kinds:} mapping for the busiest folder other than the root, or empty when there is none. */
    public String exampleMapping() {
        return ranked().stream().filter(f -> !f.equals(".")).findFirst()
                .map(f -> "`kinds: {postmortem: {folders: [" + f + "]}}`").orElse("");
    }
}
