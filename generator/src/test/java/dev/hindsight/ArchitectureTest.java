package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's rules, checked on the source: each stage may use only the stages to its left
 * (DESIGN.md), and no class keeps static mutable state.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/hindsight");
    private static final String ROOT = "(root)";

    /** Which packages each package may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("diag", Set.of()),
            Map.entry("source", Set.of("diag")),
            Map.entry("config", Set.of("diag", "source")),
            Map.entry("git", Set.of("diag", "config")),
            Map.entry("markdown", Set.of("diag")),
            Map.entry("model", Set.of("diag", "config", "source", "git", "markdown")),
            Map.entry("validate", Set.of("diag", "config", "source", "git", "markdown", "model")),
            Map.entry("search", Set.of("diag", "config", "markdown", "model")),
            Map.entry("render", Set.of("diag", "config", "git", "markdown", "model", "search")),
            Map.entry("site", Set.of("diag", "config", "source", "git", "markdown", "model", "validate", "search",
                    "render")),
            Map.entry("preview", Set.of("diag", "config", "source", "git", "markdown", "model", "validate", "search",
                    "render", "site", ROOT)),
            Map.entry("scaffold", Set.of()),
            Map.entry("changed", Set.of("diag", "site")),
            Map.entry(ROOT, Set.of("diag", "config", "site", "model", "validate", "source", "markdown", "scaffold",
                    "changed")),
            Map.entry("cli", Set.of("diag", "config", "site", "preview", "validate", "scaffold", "changed", ROOT)));

    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.hindsight\\.([a-z]\\w*)\\.|\\bdev\\.hindsight\\.([A-Z]\\w*)\\b");
    private static final Pattern STATIC_NON_FINAL_FIELD = Pattern.compile(
            "^\\s*(?:(?:public|protected|private)\\s+)?static\\s+(?!final\\b)(?!class\\b|interface\\b|enum\\b|record\\b)"
                    + "[\\w<>\\[\\],.? ]+\\s+\\w+\\s*(=|;)", Pattern.MULTILINE);
    private static final Pattern STATIC_MUTABLE_COLLECTION = Pattern.compile(
            "static\\s+final\\s+[^=;(]+=\\s*new\\s+(ArrayList|HashMap|HashSet|LinkedList|TreeMap|TreeSet|LinkedHashMap"
                    + "|ConcurrentHashMap|StringBuilder)\\b");

    @Test
    void stagesOnlyUseStagesToTheirLeft() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package %s is not in the architecture table", pkg).isNotNull();
            Matcher m = REFERENCE.matcher(Files.readString(file));
            while (m.find()) {
                String used = m.group(1) != null ? m.group(1) : ROOT;
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    violations.add(MAIN.relativize(file) + " uses " + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void noStaticMutableState() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file);
            if (STATIC_NON_FINAL_FIELD.matcher(text).find() || STATIC_MUTABLE_COLLECTION.matcher(text).find()) {
                violations.add(MAIN.relativize(file).toString());
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path rel = MAIN.relativize(file);
        return rel.getNameCount() == 1 ? ROOT : rel.getName(0).toString();
    }
}
