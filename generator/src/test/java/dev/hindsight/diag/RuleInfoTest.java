package dev.hindsight.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleInfoTest {

    private static final Path MAIN = Path.of("src/main/java/dev/hindsight");
    /**
     * The two ways the code names a rule outside this registry: a rule class's {@code super("id", …)} (no
     * longer allowed, see below), or a {@code RULE…} constant of the stage that reports it.
     */
    private static final Pattern RULE_ID = Pattern.compile(
            "super\\(\"([a-z][a-z0-9-]*)\",\\s*Severity\\.|\\bRULE\\w*\\s*=\\s*\"([a-z][a-z0-9-]*)\"");
    /** A row of the README's rule table: the ids in backticks, then the default severity's first word. */
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*) \\| (\\w+)");

    @Test
    void knowsEveryRuleIdTheCodeEmits() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RULE_ID.matcher(Files.readString(f));
                while (m.find()) {
                    emitted.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
        }
        assertThat(emitted).as("rule ids found in the sources").hasSizeGreaterThan(20);
        assertThat(RuleInfo.ids()).containsAll(emitted);
    }

    @Test
    void everyEntryHasTextAndAReadmeSectionThatExists() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (String id : RuleInfo.ids()) {
            RuleInfo info = RuleInfo.of(id).orElseThrow();
            assertThat(info.shortDescription()).as(id).isNotBlank().doesNotEndWith(".");
            assertThat(info.fullDescription()).as(id).isNotBlank();
            String heading = info.readmeAnchor().replace('-', ' ');
            assertThat(readme.toLowerCase(java.util.Locale.ROOT)).as(id).containsPattern("(?m)^#+ " + heading + "$");
        }
    }

    @Test
    void validationRulesTakeTheirIdFromTheRegistry() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("validate"))) {
            for (Path f : files.filter(p -> p.toString().endsWith("Rule.java")).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContainPattern("super\\(\"");
                if (text.contains("final class")) {
                    assertThat(text).as(f.toString()).containsPattern("super\\(RuleInfo\\.[A-Z_]+");
                }
            }
        }
    }

    @Test
    void readmeRuleTableMatchesTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("\n### Rules\n"));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("| rule |")));
        java.util.Map<String, String> table = new java.util.TreeMap<>();
        Matcher row = TABLE_ROW.matcher(section);
        while (row.find()) {
            for (String id : row.group(1).replace("`", "").split(", ")) {
                assertThat(table.put(id, row.group(2))).as("README lists " + id + " twice").isNull();
            }
        }
        java.util.Map<String, String> registry = new java.util.TreeMap<>();
        for (RuleInfo info : RuleInfo.registry()) {
            registry.put(info.id(), info.defaultSeverity().label());
        }
        assertThat(table).as("README rule table, id -> default severity").isEqualTo(registry);
    }

    @Test
    void registryHasEveryValidationRuleWithItsDefaultSeverity() {
        assertThat(RuleInfo.registry()).extracting(RuleInfo::id).doesNotHaveDuplicates()
                .contains("timeline-order", "unsafe-link", "placeholder", "hugo-shortcode");
        assertThat(RuleInfo.PLACEHOLDER.defaultSeverity()).isEqualTo(Severity.ERROR);
        assertThat(RuleInfo.UNSAFE_LINK.defaultSeverity()).isEqualTo(Severity.WARNING);
        assertThat(RuleInfo.of("setup").orElseThrow().defaultSeverity()).isNull();
        assertThat(RuleInfo.registry()).allMatch(r -> r.defaultSeverity() != null);
    }
}
