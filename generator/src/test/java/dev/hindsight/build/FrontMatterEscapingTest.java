package dev.hindsight.build;

import dev.hindsight.api.BuildOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.Hindsight;
import dev.hindsight.SiteFixture;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Front-matter values reach the page as text, whatever they hold; their URLs only as safe links. */
class FrontMatterEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    Path tmp;

    @Test
    void titlesIdsServicesTagsAndTicketKeysAreText() {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- postmortems/p.md --
                ---
                title: "</title><script>alert(1)</script>"
                id: "INC-1<script>alert(1)</script>"
                severity: "SEV-1\\"><script>alert(1)</script>"
                status: "draft\\" onmouseover=\\"alert(1)"
                services: ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
                tags: ["<svg onload=alert(1)>"]
                authors: ["<b>team</b>"]
                impact: "<iframe src=javascript:alert(1)>"
                date: 2024-03-05
                ---
                ## Action items
                | Action | Owner | Due | Ticket |
                |---|---|---|---|
                | Fix it | @sre | 2024-04-01 | OPS-1<script>alert(1)</script> |
                -- runbooks/r.md --
                ---
                title: R
                service: "<script>alert(1)</script>"
                owner: "<script>alert(1)</script>"
                alerts: ["<script>alert(1)</script>"]
                ---
                ## Mitigation
                """);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out).withDrafts(true));

        Document pm = Jsoup.parse(SiteFixture.read(out.resolve("postmortems/p/index.html")));
        assertThat(pm.select("script:not([src*=assets/]), svg, iframe, img, b, [onmouseover], [onerror], [onload]")).isEmpty();
        assertThat(pm.title()).startsWith("</title><script>alert(1)</script> · ");
        assertThat(pm.select("h1").text()).isEqualTo("</title><script>alert(1)</script>");
        assertThat(pm.select(".eyebrow code").text()).isEqualTo("INC-1<script>alert(1)</script>");
        assertThat(pm.select(".meta-panel").text()).contains("<script>alert(1)</script>, <img src=x onerror=alert(1)>")
                .contains("<svg onload=alert(1)>").contains("<b>team</b>").contains("SEV-1\"><script>alert(1)</script>");
        assertThat(pm.select(".lead").text()).isEqualTo("<iframe src=javascript:alert(1)>");
        // A <script> tag in Markdown is never an element. The action-item table is the tracked one, whose
        // ticket cell holds the key as extracted (plain text, raw HTML left out), escaped.
        assertThat(pm.select(".doc-body td").eachText()).contains("OPS-1alert(1)");
        assertThat(pm.select(".doc-body script, .doc-body td script")).isEmpty();

        Document home = Jsoup.parse(SiteFixture.read(out.resolve("index.html")));
        assertThat(home.select("script:not([src*=assets/]), svg, iframe, img, [onmouseover]")).isEmpty();
        assertThat(home.select("td").eachText()).contains("<script>alert(1)</script>, <img src=x onerror=alert(1)>");

        Document rb = Jsoup.parse(SiteFixture.read(out.resolve("runbooks/r/index.html")));
        assertThat(rb.select("script:not([src*=assets/])")).isEmpty();
        assertThat(rb.select(".meta-panel").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void ticketKeysFromActionItemsAreTextInTemplates() {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- postmortems/p.md --
                ---
                title: P
                ---
                ## Action items
                - [ ] Fix it owner: @sre due: 2024-04-01 ticket: `OPS-1<script>alert(1)</script>`
                -- templates/postmortem.ftlh --
                <ul><#list doc.actionItems as a><li class="ticket">${a.ticket}</li><li class="action">${a.action}</li></#list></ul>
                """);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));

        String html = SiteFixture.read(out.resolve("postmortems/p/index.html"));
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(Jsoup.parse(html).select("li.ticket").text()).startsWith("OPS-1<script>");
    }

    @Test
    void dashboardUrlsAreLinksOnlyForSafeSchemes() {
        Path src = SiteFixture.write(tmp.resolve("src"), """
                -- hindsight.yml --
                title: KB
                -- runbooks/r.md --
                ---
                title: R
                dashboards:
                  - {name: Grafana, url: "https://grafana.example/d/1"}
                  - {name: Evil, url: "javascript:alert(1)"}
                  - {name: Padded, url: " JavaScript:alert(1)"}
                  - {name: Data, url: "data:text/html,<script>alert(1)</script>"}
                  - {name: Quote, url: "https://x.example/\\" onmouseover=\\"alert(1)"}
                escalation:
                  - {who: "<script>alert(1)</script>", contact: "javascript:alert(1)", when: "<b>always</b>"}
                ---
                ## Mitigation
                """);
        Path out = tmp.resolve("out");
        new Hindsight().build(BuildOptions.build(src, out));

        Document rb = Jsoup.parse(SiteFixture.read(out.resolve("runbooks/r/index.html")));
        // A URL with spaces in it is no link at all (it stays text), so the quote trick has nothing to break out of.
        assertThat(rb.select(".meta-panel a").eachAttr("href")).containsExactly("https://grafana.example/d/1");
        assertThat(rb.select("[onmouseover], script:not([src*=assets/]), b")).isEmpty();
        assertThat(rb.select(".meta-panel li").eachText()).contains("Evil javascript:alert(1)");
        assertThat(rb.select(".escalation td").eachText()).containsExactly("<script>alert(1)</script>",
                "javascript:alert(1)", "<b>always</b>");
        assertThat(rb.select("a[href~=(?i)^\\s*(javascript|data):]")).isEmpty();
    }
}
