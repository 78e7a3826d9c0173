package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fenced code block keeps every line's leading spaces: a runbook's YAML or nested shell is copied from it. */
class FencedCodeIndentTest {

    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void fencedCodeKeepsItsIndentation() {
        String html = parser.parse("""
                ```
                spec:
                  replicas: 3
                    nested: true
                	tab
                ```
                """, 1).html();
        assertThat(html).isEqualTo("<pre><code>spec:\n  replicas: 3\n    nested: true\n\ttab\n</code></pre>\n");
    }

    @Test
    void highlightedFencedCodeKeepsItsIndentation() {
        String html = parser.parse("""
                ```sh
                if true; then
                    echo  "two  spaces"
                fi
                ```
                """, 1).html();
        assertThat(html).startsWith("<pre><code class=\"language-sh\">")
                .contains("\n    ")
                .endsWith("</code></pre>\n");
        assertThat(html.replaceAll("<[^>]+>", "")).isEqualTo("if true; then\n    echo  &quot;two  spaces&quot;\nfi\n\n");
    }

    @Test
    void fencedCodeInAListItemKeepsItsIndentation() {
        String html = parser.parse("""
                1. Scale up:

                   ```
                   kubectl scale deploy/api \\
                       --replicas=6
                   ```
                """, 1).html();
        assertThat(html).contains("<pre><code>kubectl scale deploy/api \\\n    --replicas=6\n</code></pre>");
    }
}
