package dev.hindsight.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import org.junit.jupiter.api.Test;

class ShortcodesTest {

    @Test
    void refAndRelrefBecomeRelativeLinksAndOtherShortcodesAreDiagnosedNotPrinted() {
        Diagnostics d = new Diagnostics();
        String body = """
                See [other]({{< ref "./Other.md" >}}) and [abs]({{< relref "/runbooks/x.md#a" >}}).
                {{< hint info >}}Careful{{< /hint >}}
                ```
                {{< ref "kept.md" >}}
                ```
                Inline `{{< param X >}}` stays.
                """;
        String out = Shortcodes.rewrite("content/runbooks/node/A.md", body, 5, d);
        assertThat(out).isEqualTo("""
                See [other](./Other.md) and [abs](../../../content/runbooks/x.md#a).
                Careful
                ```
                {{< ref "kept.md" >}}
                ```
                Inline `{{< param X >}}` stays.
                """);
        assertThat(d.sorted().stream().map(Diagnostic::toString)).containsExactly(
                "content/runbooks/node/A.md:6:1: warning[hugo-shortcode]: Hugo shortcode `hint` is not supported; "
                        + "left out of the page",
                "content/runbooks/node/A.md:6:25: warning[hugo-shortcode]: Hugo shortcode `/hint` is not supported; "
                        + "left out of the page");
    }
}
