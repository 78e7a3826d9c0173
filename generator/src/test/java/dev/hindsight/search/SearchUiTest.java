package dev.hindsight.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import dev.hindsight.api.BuildOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search client in headless Chromium on the example site, served over HTTP and opened from
 * {@code file://}: results and their order, facets, the keyboard, {@code /}, and the shareable address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchUiTest {

    private static final String REDIS_RUNBOOK = "Session store (Redis cluster)";
    private static final String REDIS_POSTMORTEM = "Session Redis failover logged customers out for 47 minutes";

    private Path tmp;
    private Path site;
    private StaticServer server;
    private ChromeDriver driver;

    @BeforeAll
    void start() throws IOException {
        tmp = Files.createTempDirectory("hindsight-search-ui");
        site = tmp.resolve("site");
        new Hindsight().build(BuildOptions.build(Path.of("../example-site"), site)
                .withReferenceDate(LocalDate.of(2026, 11, 21)));
        assertThat(site.resolve("search/data/meta.js")).exists();
        driver = Browser.start(tmp.resolve("profile"));
        server = new StaticServer(site);
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String base(String scheme) {
        return scheme.equals("http") ? server.url() : site.toUri().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void typingAQueryShowsTheBestResultsFirstWithTheWordsMarked(String scheme) {
        driver.get(base(scheme) + "search/index.html");
        driver.findElement(By.id("search-page-input")).sendKeys("redis failover");

        List<WebElement> results = results("redis failover");
        assertThat(titles(results)).startsWith(REDIS_RUNBOOK, REDIS_POSTMORTEM);
        assertThat(results.get(1).findElements(By.cssSelector(".hs-title mark")).stream().map(WebElement::getText))
                .containsExactly("Redis", "failover");
        assertThat(driver.findElement(By.id("search-status")).getText()).isEqualTo(results.size() + " results");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void anAlertNameRanksTheRunbookThatListsItFirst(String scheme) {
        driver.get(base(scheme) + "search/index.html");
        driver.findElement(By.id("search-page-input")).sendKeys("PaymentsHighErrorRate");

        List<WebElement> results = results("PaymentsHighErrorRate");
        assertThat(titles(results).get(0)).isEqualTo("Payment service");
        assertThat(results.get(0).findElement(By.className("hs-kind")).getText()).isEqualToIgnoringCase("runbook");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void aFacetFiltersTheResultsAndCountsThem(String scheme) {
        driver.get(base(scheme) + "search/index.html?q=checkout");
        List<WebElement> all = results("checkout");
        WebElement runbooks = driver.findElement(By.cssSelector("input[name=kind][value=runbook]"));
        String count = runbooks.findElement(By.xpath("following-sibling::span")).getText();

        runbooks.click();

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> kinds().stream().allMatch("runbook"::equals));
        List<WebElement> filtered = results("checkout");
        assertThat(filtered).hasSizeLessThan(all.size());
        assertThat(driver.findElement(By.id("search-status")).getText()).startsWith(count + " result");
        assertThat(driver.getCurrentUrl()).endsWith("search/index.html?q=checkout&kind=runbook");

        driver.navigate().refresh();
        assertThat(results("checkout")).hasSameSizeAs(filtered);
        assertThat(driver.findElement(By.cssSelector("input[name=kind][value=runbook]")).isSelected()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void arrowDownAndEnterOpenTheResult(String scheme) {
        driver.get(base(scheme) + "search/index.html");
        WebElement box = driver.findElement(By.id("search-page-input"));
        box.sendKeys("connection pool");
        assertThat(titles(results("connection pool")).get(0))
                .isEqualTo("Orders database connection-pool exhaustion cascaded through the order queues");

        box.sendKeys(Keys.ARROW_DOWN);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused).isEqualTo(driver.findElement(By.cssSelector("#search-results .hs-result a")));
        focused.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertThat(driver.switchTo().activeElement()).isEqualTo(focused);
        focused.sendKeys(Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl()
                .contains("postmortems/2025-05-19-orders-db-pool-exhaustion/index.html?h="));
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Orders database connection-pool exhaustion cascaded through the order queues");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void slashFocusesTheHeaderBoxOnADocumentPageAndTheDropdownWorksWithTheKeyboard(String scheme) {
        driver.get(base(scheme) + "runbooks/orders-db/index.html");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isNotEqualTo("search-input");

        driver.findElement(By.tagName("body")).sendKeys("/");

        WebElement box = driver.switchTo().activeElement();
        assertThat(box.getAttribute("id")).isEqualTo("search-input");
        assertThat(box.getAttribute("value")).isEmpty();
        box.sendKeys("redi");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "redi".equals(
                d.findElement(By.id("hs-dropdown-list")).getAttribute("data-query")));
        List<WebElement> suggestions = driver.findElements(By.cssSelector("#hs-dropdown-list .hs-result"));
        assertThat(suggestions.get(0).findElement(By.className("hs-title")).getText()).isEqualTo(REDIS_RUNBOOK);

        box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl()
                .contains("runbooks/session-redis/index.html?h="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void theAddressCarriesTheQuery(String scheme) {
        driver.get(base(scheme) + "search/index.html?q=INC-2025-031");

        assertThat(titles(results("INC-2025-031"))).containsExactly(REDIS_POSTMORTEM);
        assertThat(driver.findElement(By.id("search-page-input")).getAttribute("value")).isEqualTo("INC-2025-031");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void enterInTheHeaderBoxOpensTheResultsPage(String scheme) {
        driver.get(base(scheme) + "index.html");
        driver.findElement(By.id("search-input")).sendKeys("OOMKilled", Keys.ENTER);

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl()
                .endsWith("search/index.html?q=OOMKilled"));
        assertThat(titles(results("OOMKilled"))).containsExactly("Payment service memory leak after the 4.12 release");
    }

    @Test
    void moreResultsComeTenAtATime() {
        driver.get(base("http") + "search/index.html?q=the");
        List<WebElement> first = results("the");
        String status = driver.findElement(By.id("search-status")).getText();
        int total = Integer.parseInt(status.substring(0, status.indexOf(' ')));
        assertThat(total).isGreaterThan(10);
        assertThat(first).hasSize(10);

        driver.findElement(By.id("search-more")).click();

        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                d.findElements(By.cssSelector("#search-results .hs-result")).size() == Math.min(20, total));
        assertThat(driver.findElement(By.id("search-more")).isDisplayed()).isEqualTo(total > 20);
    }

    @Test
    void typosAndPrefixesStillFind() {
        driver.get(base("http") + "search/index.html?q=failvoer");
        assertThat(titles(results("failvoer"))).contains(REDIS_POSTMORTEM);
        driver.get(base("http") + "search/index.html?q=redi");
        assertThat(titles(results("redi"))).startsWith(REDIS_RUNBOOK, REDIS_POSTMORTEM);
    }

    @Test
    void anIdentifierTheIndexDoesNotHaveWholeIsFoundByItsParts() {
        driver.get(base("http") + "search/index.html?q=HighErrorRate");
        assertThat(titles(results("HighErrorRate"))).contains("Payment service");
        // Found whole, an identifier is looked up whole only: one postings shard, not one per part.
        driver.get(base("http") + "search/index.html");
        Object loaded = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "window.__hindsightSearch.search('PaymentsHighErrorRate ').then(function (r) { done(r.loaded); });");
        assertThat(((List<?>) loaded).stream().map(String::valueOf).filter(f -> f.startsWith("p/"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void aNewQueryLoadsOneFilePerShownResultWithItsSectionTexts(String scheme) {
        driver.get(base(scheme) + "search/index.html?q=the");
        List<WebElement> shown = results("the");
        assertThat(shown).hasSize(10);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "the".equals(
                d.findElement(By.id("search-results")).getAttribute("data-sections")));
        List<String> loaded = ((List<?>) driver.executeScript("return window.__hindsightSearch.loaded();")).stream()
                .map(String::valueOf).toList();
        // The rows carry the section texts: no second file per result (x/ before), and no more row files than results.
        assertThat(loaded).noneMatch(f -> f.startsWith("x/"));
        assertThat(loaded.stream().filter(f -> f.startsWith("d/")).count()).isBetween(1L, 10L);
        assertThat(loaded).allMatch(f -> f.equals("meta") || f.equals("facets") || f.matches("[ptd]/\\d+"));
        // ... and the snippets still come from the best section, which the result links to.
        assertThat(driver.findElements(By.cssSelector("#search-results .hs-result .hs-where"))).isNotEmpty();
    }

    /**
     * A new query shows its results from the files its words need anyway: the postings shards carry the rows of
     * their terms' best documents, so the results are in the page before any row file (d/) is requested; the
     * d/ files come afterwards, for the snippets from the section texts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void aNewQueryShowsItsResultsBeforeLoadingAnyRowFile(String scheme) {
        for (String q : List.of("the", "redis failover", "memory leak", "rollback ")) {
            driver.get(base(scheme) + "search/index.html");
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> ((List<?>) driver.executeScript(
                    "return window.__hindsightSearch.loaded();")).containsAll(List.of("meta", "facets")));
            Map<?, ?> shown = (Map<?, ?>) driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var q = arguments[0];"
                    + "var input = document.getElementById('search-page-input');"
                    + "var list = document.getElementById('search-results');"
                    + "new MutationObserver(function (ms, o) {"
                    + "  if (list.dataset.query !== q) { return; }"
                    + "  o.disconnect();"
                    + "  done({results: list.querySelectorAll('.hs-result').length,"
                    + "        titles: Array.prototype.map.call(list.querySelectorAll('.hs-title'),"
                    + "          function (t) { return t.textContent; }),"
                    + "        loaded: window.__hindsightSearch.loaded()});"
                    + "}).observe(list, {attributes: true});"
                    + "input.value = q; input.dispatchEvent(new Event('input', {bubbles: true}));", q);
            List<String> loaded = ((List<?>) shown.get("loaded")).stream().map(String::valueOf).toList();
            assertThat(((Number) shown.get("results")).intValue()).as(q).isPositive();
            assertThat((List<?>) shown.get("titles")).as(q).noneMatch(t -> String.valueOf(t).isBlank());
            assertThat(loaded).as("files loaded when the results of " + q + " were shown")
                    .noneMatch(f -> f.startsWith("d/"))
                    .anyMatch(f -> f.startsWith("p/"));
            // The section texts follow, from the d/ files of the results shown, and refine their snippets.
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> q.equals(
                    d.findElement(By.id("search-results")).getAttribute("data-sections")));
            assertThat(((List<?>) driver.executeScript("return window.__hindsightSearch.loaded();")).stream()
                    .map(String::valueOf)).as(q).anyMatch(f -> f.startsWith("d/"));
        }
    }

    @Test
    void theResultsPageFetchesTheMetadataAndTheFacetsWhileTheBoxHasTheFocus() {
        driver.get(base("http") + "search/index.html");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("search-page-input");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> ((List<?>) driver.executeScript(
                "return window.__hindsightSearch.loaded();")).containsAll(List.of("meta", "facets")));
        assertThat(driver.findElements(By.cssSelector("#search-results .hs-result"))).isEmpty();
    }

    @Test
    void theDropdownLoadsNoFacetDataAndShowsWhatEachResultIs() {
        driver.get(base("http") + "runbooks/orders-db/index.html");
        driver.findElement(By.id("search-input")).sendKeys("memory leak");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "memory leak".equals(
                d.findElement(By.id("hs-dropdown-list")).getAttribute("data-query")));
        WebElement first = driver.findElement(By.cssSelector("#hs-dropdown-list .hs-result"));
        assertThat(first.findElement(By.className("hs-title")).getText())
                .isEqualTo("Payment service memory leak after the 4.12 release");
        assertThat(first.findElement(By.className("hs-severity")).getText()).isEqualTo("SEV-2");
        assertThat(first.findElement(By.className("hs-services")).getText()).contains("payments");
        List<String> loaded = ((List<?>) driver.executeScript("return window.__hindsightSearch.loaded();")).stream()
                .map(String::valueOf).toList();
        assertThat(loaded).contains("meta").doesNotContain("facets");
    }

    @Test
    void aFacetWithManyValuesShowsTheTenWithMostResultsAndAButtonForTheRest() throws IOException {
        StringBuilder fixture = new StringBuilder("-- hindsight.yml --\ntitle: Many services\n");
        for (int i = 1; i <= 12; i++) {
            fixture.append(String.format(java.util.Locale.ROOT, "-- runbooks/svc-%02d.md --%n", i))
                    .append(String.format(java.util.Locale.ROOT, SiteFixture.VALID_RUNBOOK, "Service " + i)
                            .replace("service: api", String.format(java.util.Locale.ROOT, "service: svc-%02d", i)));
        }
        // svc-12 has three runbooks and svc-11 two: they have the most results.
        for (String extra : List.of("svc-12-b", "svc-12-c", "svc-11-b")) {
            fixture.append("-- runbooks/").append(extra).append(".md --\n")
                    .append(SiteFixture.VALID_RUNBOOK.formatted("Extra " + extra)
                            .replace("service: api", "service: " + extra.substring(0, 6)));
        }
        Path src = SiteFixture.write(tmp.resolve("facets-src"), fixture.toString());
        Path out = tmp.resolve("facets-out");
        new Hindsight().build(BuildOptions.build(src, out).withReferenceDate(LocalDate.of(2024, 2, 1)));
        driver.get(out.toUri() + "search/index.html?q=dashboard");
        assertThat(results("dashboard")).hasSize(10);

        assertThat(facetValues("service")).hasSize(10).startsWith("svc-12 3", "svc-11 2", "svc-01 1");
        WebElement more = driver.findElement(By.cssSelector("[data-facet=service] .hs-facet-more"));
        assertThat(more.getText()).isEqualTo("Show 2 more");
        more.click();
        assertThat(facetValues("service")).hasSize(12).endsWith("svc-09 1", "svc-10 1");
        assertThat(driver.findElements(By.cssSelector("[data-facet=service] .hs-facet-more"))).isEmpty();
        assertThat(facetValues("kind")).containsExactly("runbook 15");
    }

    /** The values of a facet as shown: "value count". */
    private List<String> facetValues(String facet) {
        return driver.findElements(By.cssSelector("[data-facet=" + facet + "] .hs-facet-value")).stream()
                .map(e -> e.getText().trim().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void theBrowserTokenizerIsTheJavaTokenizer() {
        driver.get(base("http") + "search/index.html");
        List<String> samples = List.of("INC-2024-031.", "HighErrorRate", "ApiGatewayLatencyP99High", "HTTP500Errors",
                "OOMKilled parseJSONBody", "5xx rate above p99, http2 and k8s", "IPv6 iPhone AbcD",
                "rate-of-change snake_case node.js 4.12.1 end. -x- a--b", "svc.HighErrorRate",
                "Zürich CAFÉ naïve Cafe\u0301 İstanbul ΟΔΟΣ", "Сервер упал: ошибка 503", "東京 サーバー障害",
                "db\u2014pool \uD83D\uDD25fire\uD83D\uDD25 «quoted» <b>bold</b>", "x-" + "a".repeat(45),
                "ǅemal ǈubljana ÆSIR straße ﬁle Ⅻ ½ ①", "kubectl -n payments rollout undo deploy/payments-api");
        for (String s : samples) {
            Object js = driver.executeScript("return window.__hindsightSearch.tokenize(arguments[0]);", s);
            assertThat(js).as(s).isEqualTo(Tokenizer.terms(s));
        }
    }

    @Test
    void untrustedTextIsShownAsText() throws IOException {
        Path src = SiteFixture.write(tmp.resolve("xss-src"), """
                -- hindsight.yml --
                title: XSS
                -- runbooks/evil.md --
                ---
                title: Evil <img src=x onerror="window.pwned=1"> runbook
                service: evil
                ---
                ## Overview
                The </script><script>window.pwned=2</script> service &amp; more.
                """);
        Path out = tmp.resolve("xss-out");
        new Hindsight().build(BuildOptions.build(src, out));
        driver.get(out.toUri() + "search/index.html?q=evil");

        List<WebElement> results = results("evil");
        assertThat(titles(results)).containsExactly("Evil <img src=x onerror=\"window.pwned=1\"> runbook");
        assertThat(driver.findElements(By.cssSelector("#search-results img, #search-results script"))).isEmpty();
        assertThat(driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void theResultsPageAndTheDropdownPassAxeWithoutConsoleErrors() throws IOException {
        driver.manage().logs().get(LogType.BROWSER);
        driver.get(site.toUri() + "search/index.html?q=redis");
        assertThat(results("redis")).isNotEmpty();
        assertThat(consoleWarnings()).isEmpty();
        assertThat(seriousAxeViolations()).isEmpty();

        driver.get(site.toUri() + "postmortems/2025-02-18-payments-memory-leak/index.html");
        driver.manage().logs().get(LogType.BROWSER);
        driver.findElement(By.id("search-input")).sendKeys("memory");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "memory".equals(
                d.findElement(By.id("hs-dropdown-list")).getAttribute("data-query")));
        assertThat(consoleWarnings()).isEmpty();
        assertThat(seriousAxeViolations()).isEmpty();
    }

    /** Console messages of level warning and above since the log was last read (axe's own are not wanted). */
    private List<String> consoleWarnings() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Serious or critical axe-core findings (axe from its webjar on the test classpath). */
    private List<String> seriousAxeViolations() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            assertThat(in).as("axe-core webjar").isNotNull();
            driver.executeScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Object raw = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations'], preload: false}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target; }).join(' '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        return ((List<?>) raw).stream().map(String::valueOf).toList();
    }

    private List<WebElement> results(String query) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> query.equals(
                d.findElement(By.id("search-results")).getAttribute("data-query")));
        return driver.findElements(By.cssSelector("#search-results .hs-result"));
    }

    private static List<String> titles(List<WebElement> results) {
        return results.stream().map(r -> r.findElement(By.className("hs-title")).getText()).toList();
    }

    private List<String> kinds() {
        return driver.findElements(By.cssSelector("#search-results .hs-kind")).stream()
                .map(e -> e.getText().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
