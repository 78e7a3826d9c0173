package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hindsight.text.JsonText;
import org.junit.jupiter.api.Test;

class LinksAndFormatsTest {

    @Test
    void onlyHttpUrlsBecomeDashboardLinks() {
        assertThat(Links.web("https://grafana.example.com/d/x")).isEqualTo("https://grafana.example.com/d/x");
        assertThat(Links.web("HTTP://a.example")).isEqualTo("HTTP://a.example");
        assertThat(Links.web("javascript:alert(1)")).isEmpty();
        assertThat(Links.web("grafana/d/x")).isEmpty();
        assertThat(Links.web("https://a.example/x y")).isEmpty();
        assertThat(Links.web("https://")).isEmpty();
    }

    @Test
    void contactsLinkForWebMailAndPhoneOnly() {
        assertThat(Links.contact("mailto:lead@example.com")).isEqualTo("mailto:lead@example.com");
        assertThat(Links.contact("tel:+44-20-7946-0301")).isEqualTo("tel:+44-20-7946-0301");
        assertThat(Links.contact("https://support.example.com/case")).isEqualTo("https://support.example.com/case");
        assertThat(Links.contact("pagerduty:payments-primary")).isEmpty();
        assertThat(Links.contact("#payments-oncall")).isEmpty();
        assertThat(Links.contact("mailto:")).isEmpty();
        assertThat(Links.contact("JavaScript:alert(1)")).isEmpty();
    }

    @Test
    void ticketKeysGoThroughThePattern() {
        String pattern = "https://jira.example/browse/{key}";
        assertThat(Links.ticket(pattern, "PAY-412")).isEqualTo("https://jira.example/browse/PAY-412");
        assertThat(Links.ticket("", "PAY-412")).isEmpty();
        assertThat(Links.ticket(pattern, "https://github.com/acme/x/issues/3"))
                .isEqualTo("https://github.com/acme/x/issues/3");
        assertThat(Links.ticket(pattern, "see Slack")).isEmpty();
        assertThat(Links.ticket(pattern, "")).isEmpty();
    }

    @Test
    void jsonInAScriptElementCannotCloseIt() throws Exception {
        String hostile = "</script><script>alert(1)</script><!-- & \u2028";
        String json = JsonText.write(TextNode.valueOf(hostile));
        String embedded = new Formats().scriptJson(json);
        assertThat(embedded).doesNotContain("<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readTree(embedded).asText()).isEqualTo(hostile);
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(ApiFiles.csvField("plain")).isEqualTo("plain");
        assertThat(ApiFiles.csvField("a, b")).isEqualTo("\"a, b\"");
        assertThat(ApiFiles.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ApiFiles.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ApiFiles.csvField("")).isEmpty();
    }

    @Test
    void compactDurationsFitAboveABar() {
        assertThat(MetricsBuilder.compact(7)).isEqualTo("7m");
        assertThat(MetricsBuilder.compact(88)).isEqualTo("1.5h");
        assertThat(MetricsBuilder.compact(700)).isEqualTo("12h");
        assertThat(MetricsBuilder.compact(4320)).isEqualTo("3.0d");
    }
}
