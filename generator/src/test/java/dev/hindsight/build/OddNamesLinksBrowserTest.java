package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hindsight.Browser;
import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pages whose file names hold {@code #}, {@code ?}, {@code %}, spaces or accents: every link to them,
 * in every list page, the search results, the alert redirect, the sitemap, the feed and the api files,
 * reaches the page, in Chromium over HTTP and from {@code file://}.
 */
class OddNamesLinksBrowserTest {

    private static final String BASE_URL = "https://kb.example/docs/";
    private static final String DISK = "runbooks/50% disk#1?.md";
    private static final String CAFE = "runbooks/café rollback.md";
    private static final String PM = "postmortems/a b.md";

    /** The pages that list documents, with every link on them followed. */
    private static final List<String> LIST_PAGES = List.of("index.html", "postmortems/index.html",
            "runbooks/index.html", "tags/index.html", "tags/on-call-1/index.html", "services/index.html",
            "services/api/index.html", "alerts/index.html", "action-items/index.html",
            "postmortems/a b/index.html", "runbooks/café rollback/index.html", "runbooks/50% disk#1?/index.html");

    @TempDir
    static Path tmp;

    private static Path site;
    private static ChromeDriver driver;
    private static HttpServer server;
    private static ExecutorService pool;

    @BeforeAll
    static void start() throws IOException {
        Browser.assumeInstalled();
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: Odd names
                base_url: https://kb.example/docs/
                -- postmortems/placeholder.md --
                """);
        Files.delete(src.resolve("postmortems/placeholder.md"));
        Files.createDirectories(src.resolve("runbooks"));
        Files.writeString(src.resolve(DISK), """
                ---
                title: Disk almost full
                service: api
                tags: ["on call #1", "a b"]
                alerts: [Disk full]
                ---
                ## Overview
                Clean up the disk.
                """);
        Files.writeString(src.resolve(CAFE), """
                ---
                title: Café rollback
                service: api
                tags: ["on call #1"]
                ---
                ## Overview
                Roll the café back.
                """);
        Files.writeString(src.resolve(PM), """
                ---
                title: Zanzibar outage
                id: INC-1
                severity: SEV-2
                date: 2024-03-05
                services: [api]
                tags: ["on call #1"]
                runbooks: ["50% disk#1?"]
                ---
                ## Action items

                - [ ] Buy disks owner: ops due: 2024-04-01
                """);
        site = tmp.resolve("site");
        BuildResult r = new Hindsight().build(BuildOptions.build(src, site));
        assertThat(r.setupFailed()).as(r.diagnostics().toString()).isFalse();
        assertThat(r.diagnostics()).noneMatch(d -> d.ruleId().startsWith("front-matter-yaml"));
        assertThat(site.resolve("runbooks/50% disk#1?/index.html")).exists();

        pool = Executors.newFixedThreadPool(4);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", OddNamesLinksBrowserTest::serve);
        server.setExecutor(pool);
        server.start();
        driver = Browser.start(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private static String base(String scheme) {
        return scheme.equals("http") ? "http://127.0.0.1:" + server.getAddress().getPort() + "/"
                : site.toUri().toString();
    }

    /** A static host: the decoded path maps to a file; a missing one is a bare 404 (no page of ours). */
    private static void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Path file = site.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String type = file.toString().endsWith(".html") ? "text/html; charset=utf-8"
                    : file.toString().endsWith(".js") ? "text/javascript; charset=utf-8"
                    : file.toString().endsWith(".css") ? "text/css" : "application/octet-stream";
            ex.getResponseHeaders().set("Content-Type", type);
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void open(String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Whether the browser shows one of our pages (not an error page or a bare 404). */
    private static boolean showsOurPage() {
        return !driver.findElements(By.cssSelector("meta[name=generator][content=Hindsight]")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void everyLinkOnTheListAndDocumentPagesLeadsToAPage(String scheme) {
        String base = base(scheme);
        Set<String> links = new LinkedHashSet<>();
        for (String page : LIST_PAGES) {
            open(base + SiteUrlsPath.of(page));
            assertThat(showsOurPage()).as(page).isTrue();
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) ((JavascriptExecutor) driver).executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)");
            for (String href : hrefs) {
                // What the browser requests: the part before the first '#'.
                String requested = href.indexOf('#') >= 0 ? href.substring(0, href.indexOf('#')) : href;
                if (requested.startsWith(base)) {
                    links.add(requested);
                }
            }
        }
        assertThat(links).anyMatch(l -> l.contains("disk")).anyMatch(l -> l.contains("caf"))
                .anyMatch(l -> l.contains("a%20b"));
        List<String> broken = new ArrayList<>();
        for (String link : links) {
            if (link.contains("/alerts/") && !link.endsWith("/alerts/index.html")) {
                continue; // forwards to its runbook: theAlertPageForwardsToItsRunbook
            }
            if (link.endsWith(".html")) {
                open(link);
                if (!showsOurPage() || !driver.getCurrentUrl().replaceFirst("#.*", "").equals(link)) {
                    broken.add(link + " -> " + driver.getCurrentUrl());
                }
            } else if (!isFile(link, base)) {
                broken.add(link + " is no file");
            }
        }
        assertThat(broken).isEmpty();
    }

    private static String dump() {
        try (var files = Files.walk(site.resolve("search/data"))) {
            return files.filter(Files::isRegularFile).map(f -> {
                try {
                    return f + ": " + Files.readString(f);
                } catch (IOException e) {
                    return f + ": " + e;
                }
            }).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean isFile(String link, String base) {
        try {
            return Files.isRegularFile(site.resolve(URI.create(link).getPath().substring(URI.create(base).getPath().length())));
        } catch (IllegalArgumentException e) {
            return false; // not even a valid URL
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void aSearchResultOpensItsPage(String scheme) {
        for (String[] query : List.of(new String[] {"disk", "Disk almost full"},
                new String[] {"café", "Café rollback"}, new String[] {"zanzibar", "Zanzibar outage"})) {
            open(base(scheme) + "search/index.html");
            driver.findElement(By.id("search-page-input")).sendKeys(query[0]);
            WebElement result = new WebDriverWait(driver, Duration.ofSeconds(15)).withMessage(() -> query[0] + ": "
                    + driver.findElements(By.cssSelector("#search-results .hs-result")).stream().map(WebElement::getText)
                    .toList() + " " + driver.findElement(By.id("search-status")).getText() + " in "
                    + driver.findElement(By.id("search-page-input")).getAttribute("value") + dump()).until(d ->
                    d.findElements(By.cssSelector("#search-results .hs-result a.hs-title")).stream()
                            .filter(a -> a.getText().equals(query[1])).findFirst().orElse(null));
            result.click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("search/"));
            assertThat(showsOurPage()).as(query[0] + " -> " + driver.getCurrentUrl()).isTrue();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(query[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "file"})
    void theAlertPageForwardsToItsRunbook(String scheme) {
        open(base(scheme) + "alerts/Disk~20full/index.html");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("runbooks/"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertThat(showsOurPage()).as(driver.getCurrentUrl()).isTrue();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Disk almost full");
    }

    /** Every {@code <loc>} of the sitemap and every link of the feed is a valid absolute URL of a file on disk. */
    @Test
    void theSitemapAndTheFeedNameFilesThatExist() throws IOException {
        List<String> urls = new ArrayList<>();
        Matcher loc = Pattern.compile("<loc>([^<]*)</loc>").matcher(Files.readString(site.resolve("sitemap.xml")));
        while (loc.find()) {
            urls.add(loc.group(1).replace("&amp;", "&"));
        }
        Matcher link = Pattern.compile("<link [^>]*href=\"([^\"]*)\"").matcher(Files.readString(site.resolve("feed.xml")));
        while (link.find()) {
            urls.add(link.group(1).replace("&amp;", "&"));
        }
        assertThat(urls).anyMatch(u -> u.contains("disk")).anyMatch(u -> u.contains("caf"))
                .anyMatch(u -> u.contains("postmortems/a"));
        for (String url : urls) {
            URI uri = URI.create(url); // throws on a space or any other character a URL may not hold
            assertThat(uri.isAbsolute()).isTrue();
            assertThat(url).startsWith(BASE_URL);
            String path = uri.getPath().substring(URI.create(BASE_URL).getPath().length());
            assertThat(site.resolve(path)).as(url).isRegularFile();
        }
    }

    /** The urls of the api files resolve, as relative references from the site root, to pages on disk. */
    @Test
    void theApiUrlsNameFilesThatExist() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> urls = new ArrayList<>();
        for (String file : List.of("api/postmortems.json", "api/runbooks.json")) {
            json.readTree(site.resolve(file).toFile()).forEach(o -> urls.add(o.get("url").asText()));
        }
        for (JsonNode o : json.readTree(site.resolve("api/action-items.json").toFile())) {
            urls.add(o.get("postmortem_url").asText());
        }
        assertThat(urls).hasSize(4);
        for (String url : urls) {
            URI resolved = site.toUri().resolve(URI.create(url));
            assertThat(Path.of(resolved)).as(url).isRegularFile();
        }
    }

    /** Percent-encodes the segments of a site path the way a test author would, for the pages opened first. */
    private static final class SiteUrlsPath {
        static String of(String path) {
            StringBuilder b = new StringBuilder();
            for (String segment : path.split("/", -1)) {
                if (b.length() > 0) {
                    b.append('/');
                }
                b.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return b.toString();
        }
    }
}
