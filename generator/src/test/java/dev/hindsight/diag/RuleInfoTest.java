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
    /** The two ways the code names a rule: a rule class's {@code super("id", …)}, or a {@code RULE…} constant. */
    private static final Pattern RULE_ID = Pattern.compile(
            "super\\(\"([a-z][a-z0-9-]*)\",\\s*Severity\\.|\\bRULE\\w*\\s*=\\s*\"([a-z][a-z0-9-]*)\"");

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
        assertThat(emitted).as("rule ids found in the sources").hasSizeGreaterThan(40);
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
}
