package dev.hindsight.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hindsight.render.ApiFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example site, built as of 2026-11-21: every page and output, well-formed, no broken link, stable bytes. */
class ExampleSiteTest {

    private static final String BASE = "https://sre.shopfront.example.com/kb/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path site;

    @BeforeAll
    static void build() {
        site = tmp.resolve("site");
        ExampleSite.build(site);
    }

    @Test
    void writesEveryPageAndOutput() throws IOException {
        List<String> expected = new ArrayList<>(List.of("index.html", "404.html", "feed.xml", "sitemap.xml",
                "search/index.html", "postmortems/index.html", "runbooks/index.html", "services/index.html",
                "tags/index.html", "action-items/index.html", "metrics/index.html", "alerts/index.html",
                "api/postmortems.json", "api/runbooks.json", "api/action-items.json", "api/action-items.csv",
                "api/alerts.json",
                "schema/postmortem.schema.json", "schema/runbook.schema.json", "assets/style.css", "assets/theme.js",
                "assets/site.js", "tags/rollback/index.html", "tags/tier-1/index.html",
                "alerts/PaymentsHighMemory/index.html"));
        try (Stream<Path> md = Files.list(ExampleSite.SOURCE.resolve("postmortems"))) {
            md.forEach(p -> expected.add("postmortems/" + stem(p) + "/index.html"));
        }
        try (Stream<Path> md = Files.list(ExampleSite.SOURCE.resolve("runbooks"))) {
            md.forEach(p -> expected.add("runbooks/" + stem(p) + "/index.html"));
        }
        for (String service : List.of("storefront", "checkout", "payments", "orders", "orders-db", "auth", "sessions",
                "api-gateway", "notifications", "data-pipeline", "batch-reporting")) {
            expected.add("services/" + service + "/index.html");
        }
        // Learning from incidents: patterns, a page per factor of the taxonomy, an on-call handoff per team.
        expected.addAll(List.of("patterns/index.html", "factors/index.html", "oncall/index.html",
                "api/factors.json", "api/patterns.json", "api/runbook-usage.json", "schema/api/factors.schema.json",
                "schema/api/patterns.schema.json", "schema/api/runbook-usage.schema.json"));
        for (String factor : List.of("change", "configuration", "capacity", "dependency", "monitoring-gap", "data",
                "failover", "timeouts-retries", "testing-gap", "process", "infrastructure", "security")) {
            expected.add("factors/" + factor + "/index.html");
        }
        for (String team : List.of("commerce-team", "data-team", "identity-team", "messaging-team", "payments-team",
                "platform-team")) {
            expected.add("oncall/" + team + "/index.html");
        }
        for (String path : expected) {
            assertThat(site.resolve(path)).as(path).isRegularFile();
        }
        try (Stream<Path> factors = Files.list(site.resolve("factors"))) {
            assertThat(factors.filter(Files::isDirectory).count()).isEqualTo(12);
        }
        try (Stream<Path> teams = Files.list(site.resolve("oncall"))) {
            assertThat(teams.filter(Files::isDirectory).count()).isEqualTo(6);
        }
        try (Stream<Path> alerts = Files.list(site.resolve("alerts"))) {
            assertThat(alerts.filter(Files::isDirectory).count()).isEqualTo(32);
        }
    }

    @Test
    void theHomePageShowsRecentWorkOpenItemsAndTheSearchBox() throws IOException {
        Document home = page("index.html");
        Element form = home.selectFirst("form[role=search]");
        assertThat(form.attr("action")).isEqualTo("search/index.html");
        assertThat(form.select("input#search-input[name=q][type=search]")).hasSize(1);
        assertThat(page("search/index.html").select("form[role=search] input#search-input[name=q][type=search]"))
                .hasSize(1);
        assertThat(home.select("h1")).hasSize(1);
        assertThat(home.select("#recent-heading + .table-wrap tbody tr")).hasSize(8);
        assertThat(home.select("#recent-heading + .table-wrap tbody tr").first().text())
                .contains("2026-09-29", "INC-2026-047", "in-review");
        assertThat(home.select("#actions-heading + .table-wrap tbody tr")).hasSize(10);
        assertThat(home.select(".figures").text()).contains("21 open action items", "0 overdue", "0 stale runbooks");
    }

    @Test
    void aPostmortemShowsItsFactsActionItemsAndRunbooks() throws IOException {
        Document pm = page("postmortems/2026-09-29-silent-pipeline-failure/index.html");
        assertThat(pm.select(".banner-review").text()).startsWith("In review — not final.");
        assertThat(pm.select(".meta-panel dt").eachText()).contains("Severity", "Status", "Services", "Started",
                "Detected", "Acknowledged", "Mitigated", "Resolved", "TTD", "TTA", "TTM", "TTR");
        assertThat(pm.select(".meta-panel a[href=../../services/data-pipeline/index.html]").text())
                .isEqualTo("data-pipeline");
        assertThat(pm.select(".meta-panel a[href=../../runbooks/orders-db/index.html]")).hasSize(1);
        // The action items show once: the tracked table stands in the body's Action items section.
        assertThat(pm.select(".action-summary")).isEmpty();
        assertThat(pm.select("table:contains(PLAT-301)")).hasSize(1);
        Element summary = pm.selectFirst(".doc-body h2#action-items ~ .table-wrap table.actions");
        assertThat(summary.select("tbody tr")).hasSize(5);
        assertThat(summary.select("a[href=https://jira.shopfront.example.com/browse/PLAT-301]").text())
                .isEqualTo("PLAT-301");
        assertThat(summary.select("tbody tr").get(1).text()).contains("data-team", "2026-10-09", "done");
        assertThat(pm.select(".page-git")).hasSize(1);
        assertThat(page("postmortems/2025-02-18-payments-memory-leak/index.html").select(".banner")).isEmpty();
    }

    @Test
    void aRunbookShowsFreshnessContactsDashboardsAndBacklinks() throws IOException {
        Document rb = page("runbooks/payments-service/index.html");
        assertThat(rb.select(".freshness .badge").text()).isEqualTo("Fresh");
        assertThat(rb.select(".freshness").text()).contains("review due 2027-03-31");
        assertThat(rb.select(".escalation a").eachAttr("href"))
                .containsExactly("mailto:payments-lead@example.com", "tel:+44-20-7946-0301");
        assertThat(rb.select(".escalation code").text()).isEqualTo("pagerduty:payments-primary");
        assertThat(rb.select(".meta-panel a[href^=https://grafana.example.com/]")).hasSize(3);
        assertThat(rb.select(".meta-panel a[href=../../services/orders-db/index.html]")).hasSize(1);
        assertThat(rb.select(".backlinks li a").eachAttr("href")).containsExactly(
                "../../postmortems/2026-07-22-saved-cards-rate-limit/index.html",
                "../../postmortems/2025-02-18-payments-memory-leak/index.html");
        Document redis = page("runbooks/session-redis/index.html");
        assertThat(redis.select(".escalation a[href=https://support.example.com/aws-case]")).hasSize(1);
    }

    @Test
    void listsServicesTagsAndTheTracker() throws IOException {
        Document list = page("postmortems/index.html");
        assertThat(list.select("#postmortem-filters[hidden]")).hasSize(1);
        assertThat(list.select("#postmortem-table tbody tr")).hasSize(10);
        assertThat(list.select("#postmortem-table tbody tr").first().attributes().html())
                .contains("data-severity=\"SEV-2\"", "data-services=\"orders-db orders checkout data-pipeline "
                        + "batch-reporting\"", "data-year=\"2026\"");
        Document payments = page("services/payments/index.html");
        assertThat(payments.select("h1").text()).isEqualTo("Payment service");
        assertThat(payments.select("dl.facts").text()).contains("Incidents 4", "Median TTR 1 h 28 min");
        Document tracker = page("action-items/index.html");
        assertThat(tracker.select("#overdue-heading").text()).isEqualTo("Overdue (0)");
        assertThat(tracker.select("#open-heading").text()).isEqualTo("Open (21)");
        assertThat(tracker.select("#done h3").eachText()).isSorted();
        Document tag = page("tags/rollback/index.html");
        assertThat(tag.select(".doc-list li")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void theMetricsPageHasAccessibleChartsWithTheirTables() throws IOException {
        Document metrics = page("metrics/index.html");
        assertThat(metrics.select("svg[role=img]")).hasSize(4);
        for (Element svg : metrics.select("svg[role=img]")) {
            String[] labels = svg.attr("aria-labelledby").split(" ");
            assertThat(metrics.getElementById(labels[0]).tagName()).isEqualTo("title");
            assertThat(metrics.getElementById(labels[1]).text()).isNotBlank();
        }
        assertThat(metrics.select("figure + .table-wrap table")).hasSize(3);
        assertThat(metrics.select("#method").text()).contains("nearest rank").doesNotContainIgnoringCase("mean ttr");
        JsonNode data = JSON.readTree(metrics.selectFirst("script#metrics-data").data());
        assertThat(data.path("percentile_method").asText()).isEqualTo("nearest-rank");
        assertThat(data.path("action_item_completion_overall").path("total").asInt()).isEqualTo(50);
        // One incident a quarter: its times, not a "P90" of one incident.
        Element q1 = metrics.select("#times-heading ~ .table-wrap tbody tr").first();
        assertThat(q1.text()).isEqualTo("2025-Q1 1 7 min (1 incident: too few for percentiles) "
                + "1 h 28 min (1 incident: too few for percentiles)");
        assertThat(metrics.select("#times-heading ~ .table-wrap").text()).doesNotContain("over 1");
    }

    @Test
    void everyPageIsWellFormedWithOneH1() throws IOException {
        for (Path file : htmlFiles()) {
            Parser parser = Parser.htmlParser().setTrackErrors(20);
            Document doc = Jsoup.parse(Files.readString(file), "", parser);
            ParseErrorList errors = parser.getErrors();
            assertThat(errors).as(site.relativize(file) + " parse errors").isEmpty();
            assertThat(doc.select("h1")).as(site.relativize(file) + " h1").hasSize(1);
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(doc.select("main#main")).hasSize(1);
            assertThat(doc.select("[id]").eachAttr("id")).as(site.relativize(file) + " ids").doesNotHaveDuplicates();
        }
    }

    @Test
    void noInternalLinkIsBroken() throws IOException {
        Map<Path, Document> parsed = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : htmlFiles()) {
            Document doc = parsed.computeIfAbsent(file, ExampleSiteTest::parse);
            for (Element e : doc.select("[href], [src], form[action], meta[http-equiv=refresh]")) {
                String ref = e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src")
                        : e.hasAttr("action") ? e.attr("action") : e.attr("content").replaceFirst("^0; url=", "");
                if (ref.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue;
                }
                checked++;
                URI uri = file.toUri().resolve(ref);
                Path target = Path.of(URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8));
                String where = site.relativize(file) + " -> " + ref;
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    broken.add(where + " (no such file)");
                    continue;
                }
                if (!ref.isEmpty() && !ref.startsWith("#") && !ref.contains(".")) {
                    broken.add(where + " (no explicit file name)");
                }
                String anchor = uri.getFragment();
                if (anchor != null && !anchor.isEmpty() && target.toString().endsWith(".html")) {
                    Document t = parsed.computeIfAbsent(target, ExampleSiteTest::parse);
                    if (t.getElementById(anchor) == null) {
                        broken.add(where + " (no #" + anchor + ")");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(broken).isEmpty();
    }

    @Test
    void theFeedIsAtomAndTheSitemapListsThePages() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document feed = f.newDocumentBuilder().parse(site.resolve("feed.xml").toFile());
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(10);
        org.w3c.dom.Element first = (org.w3c.dom.Element) entries.item(0);
        assertThat(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent())
                .isEqualTo(BASE + "postmortems/2026-09-29-silent-pipeline-failure/index.html");
        assertThat(first.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "published").item(0).getTextContent())
                .isEqualTo("2026-09-29T00:00:00Z");
        org.w3c.dom.Document sitemap = f.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        List<String> locs = new ArrayList<>();
        org.w3c.dom.NodeList nodes = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < nodes.getLength(); i++) {
            locs.add(nodes.item(i).getTextContent());
        }
        assertThat(locs).contains(BASE + "index.html", BASE + "runbooks/payments-service/index.html")
                .noneMatch(l -> l.contains("/alerts/Payments") || l.endsWith("404.html")).isSorted();
    }

    @Test
    void theApiFilesParseAndTheCsvHasOneRowPerActionItem() throws IOException {
        assertThat(JSON.readTree(site.resolve("api/postmortems.json").toFile())).hasSize(10);
        JsonNode runbooks = JSON.readTree(site.resolve("api/runbooks.json").toFile());
        assertThat(runbooks).hasSize(8);
        JsonNode items = JSON.readTree(site.resolve("api/action-items.json").toFile());
        assertThat(items).hasSize(50);
        assertThat(items.get(0).path("ticket_url").asText()).startsWith("https://jira.shopfront.example.com/browse/");
        for (String schema : List.of("schema/postmortem.schema.json", "schema/runbook.schema.json")) {
            assertThat(JSON.readTree(site.resolve(schema).toFile()).path("$id").asText()).endsWith(
                    schema.substring("schema/".length()));
        }
        assertThat(Files.readString(site.resolve("schema/runbook.schema.json")))
                .isEqualTo(new dev.hindsight.Hindsight().schemas(ExampleSite.SOURCE).get("runbook"));
        List<List<String>> rows = Csv.parse(Files.readString(site.resolve("api/action-items.csv")));
        assertThat(rows.get(0)).isEqualTo(ApiFiles.CSV_COLUMNS);
        assertThat(rows).hasSize(51);
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.size() == ApiFiles.CSV_COLUMNS.size());
        assertThat(rows.stream().map(r -> r.get(3))).contains(
                "Staged config sync: 1 pod, then 10%, then 100%, with a 5-minute bake and automatic revert on a "
                        + "4xx/5xx jump");
    }

    @Test
    void alertPagesShowTheHandlingAndLinkToItInTheRunbook() throws IOException {
        JsonNode runbooks = JSON.readTree(site.resolve("api/runbooks.json").toFile());
        int followed = 0;
        for (JsonNode rb : runbooks) {
            Path runbookPage = site.resolve(rb.path("url").asText());
            for (JsonNode alert : rb.path("alerts")) {
                Path page = site.resolve("alerts/" + alert.asText() + "/index.html");
                Document doc = parse(page);
                // Every example alert is defined by the rule file: its own page, no redirect.
                assertThat(doc.select("meta[http-equiv=refresh]")).isEmpty();
                // The link goes to the runbook, at the alert's first mention (every example runbook names its alerts).
                String url = doc.selectFirst(".alert-fix a#runbook-link").attr("href");
                assertThat(url).endsWith("#alert-" + alert.asText());
                Path target = Path.of(page.toUri().resolve(url.substring(0, url.indexOf('#'))));
                assertThat(target).isEqualTo(runbookPage);
                assertThat(parse(runbookPage).getElementById("alert-" + alert.asText()).text()).isEqualTo(alert.asText());
                // That line of the runbook is on the alert's page too.
                assertThat(doc.selectFirst("#handling .handling-line .alert-name").text()).isEqualTo(alert.asText());
                followed++;
            }
        }
        assertThat(followed).isEqualTo(32);
        Document memory = parse(site.resolve("alerts/PaymentsHighMemory/index.html"));
        assertThat(memory.selectFirst("a#runbook-link").attr("href"))
                .isEqualTo("../../runbooks/payments-service/index.html#alert-PaymentsHighMemory");
        assertThat(memory.selectFirst(".rule-file a").text()).isEqualTo("deploy/prometheus/shopfront.rules.yaml:"
                + (Files.readAllLines(ExampleSite.SOURCE.resolve("deploy/prometheus/shopfront.rules.yaml"))
                        .indexOf("      - alert: PaymentsHighMemory") + 1));
        assertThat(parse(site.resolve("runbooks/payments-service/index.html")).select(".fired-by li > a").eachText())
                .containsExactly("PaymentsHeapGrowth", "PaymentsHighErrorRate", "PaymentsHighMemory",
                        "PaymentsProviderThrottled");
    }

    @Test
    void twoBuildsAreByteIdentical() throws IOException {
        Path again = tmp.resolve("again");
        ExampleSite.build(again);
        List<Path> first;
        List<Path> second;
        try (Stream<Path> a = Files.walk(site); Stream<Path> b = Files.walk(again)) {
            first = a.filter(Files::isRegularFile).map(site::relativize).sorted().toList();
            second = b.filter(Files::isRegularFile).map(again::relativize).sorted().toList();
        }
        assertThat(second).isEqualTo(first);
        for (Path rel : first) {
            assertThat(Files.mismatch(site.resolve(rel), again.resolve(rel))).as(rel.toString()).isEqualTo(-1L);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile());
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> htmlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static String stem(Path md) {
        String name = md.getFileName().toString();
        return name.substring(0, name.length() - 3);
    }
}
