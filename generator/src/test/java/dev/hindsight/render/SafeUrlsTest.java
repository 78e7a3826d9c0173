package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://grafana.example/d/abc?var=1", "http://intranet/x", "HTTPS://EXAMPLE.COM",
            "mailto:sre@example.com", "tel:+1-555-0100", " https://padded.example "})
    void webMailAndPhoneUrlsAreLinks(String url) {
        assertThat(SafeUrls.isSafeLink(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "\u0001javascript:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "//evil.example/x", "/relative",
            "../relative", "dashboards/x", "https:", "https://", "mailto:", "", "   ",
            "&#106;avascript:alert(1)", "http\u0000://x"})
    void everythingElseIsText(String url) {
        assertThat(SafeUrls.isSafeLink(url)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsText() {
        assertThat(SafeUrls.isSafeLink(null)).isFalse();
    }
}
