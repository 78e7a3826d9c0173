package dev.hindsight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.api.BuildOptions;
import dev.hindsight.api.BuildResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Builds a site whose front matter and bodies are full of classic XSS vectors
 * ({@code src/test/resources/xss/vectors.txt}) and opens every page in headless Chromium. Before any
 * page script runs, a preload replaces {@code alert}, {@code confirm}, {@code prompt}, {@code print}
 * and {@code open} with recorders that cannot be overwritten; the vectors call them or set
 * {@code top.__pwned}. A page fails on any recorded call, the sentinel, an open dialog, an inline
 * event handler attribute, a script the theme does not have, or a link, frame or image pointing at a
 * script URL. Chromium is started by {@link Browser}: skipped only when it is absent, never downloaded.
 */
class XssInBrowserTest {

    private static final String PRELOAD = """
            (() => {
              const hits = [];
              const record = (name) => function () { hits.push(name + '(' + Array.from(arguments).join(',') + ')'); };
              for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
                Object.defineProperty(window, name, {value: record(name), writable: false, configurable: false});
              }
              Object.defineProperty(window, '__xssHits', {value: hits, writable: false, configurable: false});
            })();
            """;

    /** Everything on the page that would let script run, now or on a click. */
    private static final String INSPECT = """
            const out = {hits: Array.from(window.__xssHits || ['preload missing']), pwned: !!window.__pwned,
                         handlers: [], urls: [], scripts: []};
            const bad = /^\\s*(javascript|vbscript|data):/i;
            for (const el of document.querySelectorAll('*')) {
              for (const a of el.attributes) {
                if (a.name.toLowerCase().startsWith('on')) out.handlers.push(el.tagName + ' ' + a.name);
                if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'background', 'poster']
                    .includes(a.name.toLowerCase()) && (bad.test(a.value) || a.name === 'srcdoc'))
                  out.urls.push(el.tagName + ' ' + a.name + '=' + a.value);
              }
              var st = (el.type || '').toLowerCase();
              if (el.tagName === 'SCRIPT' && (st === '' || st === 'text/javascript' || st === 'module'))
                out.scripts.push(el.src ? 'src:' + el.getAttribute('src').split('../').join('') : 'inline:' + el.text);
              if (['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'META'].includes(el.tagName)
                  && !(el.tagName === 'META' && !el.httpEquiv)) out.urls.push('element ' + el.tagName);
            }
            return JSON.stringify(out);
            """;

    /** Selenium looks for a CDP version matching the browser on start and warns when it has none; unused here. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Browser.assumeInstalled();
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("hindsight-chromium-");
        // A dialog that got past the preload must stay open so the test sees it.
        driver = Browser.start(profile,
                options -> options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PRELOAD));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // Chromium may still be writing its profile; the temp dir is left for the OS.
            }
        }
    }

    @Test
    void noVectorRunsScriptInTheBrowser(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        List<String> vectors = vectors();
        Path src = tmp.resolve("src");
        writeSite(src, vectors);
        Path out = tmp.resolve("out");
        BuildResult result = new Hindsight().build(BuildOptions.build(src, out).withDrafts(true));
        assertThat(result.setupFailed()).as(result.diagnostics().toString()).isFalse();

        Set<String> themeScripts = scriptsOf(out.resolve("postmortems/clean/index.html"));
        themeScripts.addAll(scriptsOf(out.resolve("runbooks/clean/index.html")));
        // The 404 page's own inline code (it sets a <base> when served over HTTP); it shows no document text.
        themeScripts.addAll(scriptsOf(out.resolve("404.html")));

        List<Path> pages;
        try (Stream<Path> files = Files.walk(out)) {
            pages = files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        // Every vector's two documents, the home page and 404, plus the list, tag, service and alert pages.
        assertThat(pages).hasSizeGreaterThanOrEqualTo(2 * vectors.size() + 2 + 1);
        List<String> failures = new ArrayList<>();
        for (Path page : pages) {
            String problem = inspect(page, themeScripts);
            if (problem != null) {
                failures.add(out.relativize(page) + ": " + problem);
            }
        }
        System.out.printf("[xss] %d vectors, %d pages opened in Chromium, %d failures%n", vectors.size(),
                pages.size(), failures.size());
        assertThat(failures).isEmpty();
    }

    /** Null when the page is clean, else what ran or could run. */
    @SuppressWarnings("unchecked")
    private static String inspect(Path page, Set<String> themeScripts) throws Exception {
        try {
            driver.get(page.toUri().toString());
            Thread.sleep(150); // error and focus handlers fire just after load
            String alert = openDialog();
            if (alert != null) {
                return "dialog open: " + alert;
            }
            Map<String, Object> r = new ObjectMapper().readValue((String) driver.executeScript(INSPECT), Map.class);
            List<String> problems = new ArrayList<>();
            if (!((List<?>) r.get("hits")).isEmpty()) {
                problems.add("called " + r.get("hits"));
            }
            if (Boolean.TRUE.equals(r.get("pwned"))) {
                problems.add("set top.__pwned");
            }
            if (!((List<?>) r.get("handlers")).isEmpty()) {
                problems.add("event handlers " + r.get("handlers"));
            }
            if (!((List<?>) r.get("urls")).isEmpty()) {
                problems.add("script URLs or frames " + r.get("urls"));
            }
            List<String> scripts = new ArrayList<>((List<String>) r.get("scripts"));
            scripts.removeAll(themeScripts);
            if (!scripts.isEmpty()) {
                problems.add("scripts " + scripts);
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        } catch (UnhandledAlertException e) {
            return "dialog open: " + e.getAlertText();
        }
    }

    private static String openDialog() {
        try {
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            return text;
        } catch (NoAlertPresentException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> scriptsOf(Path page) throws Exception {
        driver.get(page.toUri().toString());
        Map<String, Object> r = new ObjectMapper().readValue((String) driver.executeScript(INSPECT), Map.class);
        return new TreeSet<>((List<String>) r.get("scripts"));
    }

    static List<String> vectors() throws IOException {
        try (InputStream in = XssInBrowserTest.class.getResourceAsStream("/xss/vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.replace("\\n", "\n"))
                    .toList();
        }
    }

    /** A postmortem and a runbook per vector, the vector in every field and in the body; two clean pages. */
    private static void writeSite(Path src, List<String> vectors) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(src.resolve("postmortems"));
        Files.createDirectories(src.resolve("runbooks"));
        Files.writeString(src.resolve("hindsight.yml"), "title: XSS corpus\n");
        Files.writeString(src.resolve("postmortems/clean.md"), "---\ntitle: Clean\n---\n## Summary\nFine.\n");
        Files.writeString(src.resolve("runbooks/clean.md"), "---\ntitle: Clean\n---\n## Overview\nFine.\n");
        for (int i = 0; i < vectors.size(); i++) {
            String v = vectors.get(i);
            String q = json.writeValueAsString(v); // a JSON string is a YAML double-quoted scalar
            String body = "\n" + v + "\n\nInline " + v + " text.\n\n[link](" + v + ") ![image](" + v + ") <" + v + ">\n\n"
                    + "| Time | Event |\n|---|---|\n| 14:02 | " + v.replace("\n", " ") + " |\n\n- " + v.replace("\n", " ")
                    + "\n\n```\n" + v + "\n```\n";
            Files.writeString(src.resolve(String.format("postmortems/v%02d.md", i)), """
                    ---
                    title: %1$s
                    id: %1$s
                    date: 2024-03-05
                    status: draft
                    severity: %1$s
                    services: [%1$s]
                    tags: [%1$s]
                    authors: [%1$s]
                    impact: %1$s
                    ---
                    ## Summary
                    %2$s
                    ## Action items
                    - [ ] %3$s owner: @sre due: 2024-04-01 ticket: OPS-1
                    """.formatted(q, body, v.replace("\n", " ")), StandardCharsets.UTF_8);
            Files.writeString(src.resolve(String.format("runbooks/v%02d.md", i)), """
                    ---
                    title: %1$s
                    service: %1$s
                    owner: %1$s
                    alerts: [%1$s]
                    dashboards:
                      - {name: %1$s, url: %1$s}
                    escalation:
                      - {who: %1$s, contact: %1$s, when: %1$s}
                    ---
                    ## Mitigation
                    %2$s
                    """.formatted(q, body), StandardCharsets.UTF_8);
        }
    }
}
