package dev.hindsight.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's copy-paste {@code <plugin>} snippet is exactly what the {@code readme-snippet} IT runs
 * (outside the reactor, against the installed plugin), so the documented setup is tested.
 */
class ReadmeSnippetTest {

    private static final Pattern SNIPPET = Pattern.compile("## Maven plugin\\n.*?```xml\\n(.*?)```", Pattern.DOTALL);

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void theReadmeSnippetIsTheReadmeSnippetIt() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = SNIPPET.matcher(readme);
        assertThat(m.find()).as("README has a ```xml block under ## Maven plugin").isTrue();
        String snippet = m.group(1);
        String version = System.getProperty("hindsight.projectVersion");
        assertThat(snippet).as("the README shows the current version").contains("<version>" + version + "</version>");

        String itPom = Files.readString(Path.of("src/it/readme-snippet/pom.xml"));
        List<String> expected = lines(snippet.replace("<version>" + version + "</version>",
                "<version>@project.version@</version>"));
        List<String> pom = lines(itPom);
        assertThat(java.util.Collections.indexOfSubList(pom, expected))
                .as("src/it/readme-snippet/pom.xml contains the README snippet:\n%s", String.join("\n", expected))
                .isNotNegative();
    }
}
