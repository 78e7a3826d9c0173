package dev.hindsight.adopt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.api.BuildOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17's search checks on the two real collections, with only what {@code adopt} writes, in headless
 * Chromium straight from {@code file://}: an alert name finds its runbook first, an everyday phrase finds the
 * runbook that says it in other words, and a topic finds the postmortems about it.
 */
class CorpusSearchBrowserTest {

    @TempDir
    Path tmp;

    private ChromeDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Path adoptAndBuild(String bundle) throws Exception {
        Path dir = CorpusAdoptTest.cloneBundle(bundle, tmp);
        new Hindsight().adopt(dir, false);
        Path site = tmp.resolve("site");
        new Hindsight().build(BuildOptions.build(dir, site));
        assertThat(site.resolve("search/index.html")).isRegularFile();
        driver = Browser.start(tmp.resolve("profile"));
        return site;
    }

    /** The hrefs of the results of {@code query} on the search page, best first. */
    private List<String> search(Path site, String query) {
        driver.get(site.resolve("search/index.html").toUri() + "?q=" + query.replace(" ", "+"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> query.equals(
                d.findElement(By.id("search-results")).getAttribute("data-query")));
        return driver.findElements(By.cssSelector("#search-results a.hs-title")).stream()
                .map(a -> a.getAttribute("href")).toList();
    }

    @Test
    void alertNamesAndEverydayWordsFindTheRunbook() throws Exception {
        Path site = adoptAndBuild("prometheus-operator-runbooks.bundle");

        assertThat(search(site, "KubePodCrashLooping")).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("/KubePodCrashLooping/");
        assertThat(search(site, "disk full")).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("/NodeFilesystem");
    }

    @Test
    void aTopicFindsThePostmortemsAboutIt() throws Exception {
        Path site = adoptAndBuild("icco-postmortems.bundle");
        Path data = tmp.resolve("icco-postmortems/data");
        List<String> aboutLeapSeconds;
        try (Stream<Path> files = Files.list(data)) {
            aboutLeapSeconds = files.filter(f -> read(f).toLowerCase(Locale.ROOT).contains("leap second"))
                    .map(f -> "/data/" + f.getFileName().toString().replace(".md", "/"))
                    .sorted().toList();
        }
        assertThat(aboutLeapSeconds).as("the collection has leap-second postmortems").isNotEmpty();

        List<String> results = search(site, "leap second");

        assertThat(results).isNotEmpty();
        assertThat(aboutLeapSeconds).as("every leap-second postmortem is found")
                .allMatch(page -> results.stream().anyMatch(r -> r.contains(page)));
        assertThat(aboutLeapSeconds).as("the best result is one of them")
                .anyMatch(page -> results.get(0).contains(page));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
