package dev.hindsight.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void shellCommandsFlagsStringsVariablesCommentsAndPlaceholders() {
        assertThat(Highlighter.html("bash", "helm rollback payments <previous-revision> -n payments --wait # slow\n"))
                .isEqualTo("<span class=\"hl-kw\">helm</span> rollback payments "
                        + "<span class=\"hl-ph\">&lt;previous-revision&gt;</span> <span class=\"hl-fn\">-n</span> payments "
                        + "<span class=\"hl-fn\">--wait</span> <span class=\"hl-com\"># slow</span>\n");
        assertThat(Highlighter.html("sh", "POD=$(kubectl get pods | head -1)\necho \"$POD <pod-name>\""))
                .isEqualTo("POD=$(<span class=\"hl-kw\">kubectl</span> get pods | <span class=\"hl-kw\">head</span> -1)\n"
                        + "<span class=\"hl-kw\">echo</span> "
                        + "<span class=\"hl-str\">&quot;$POD <span class=\"hl-ph\">&lt;pod-name&gt;</span>&quot;</span>");
    }

    @Test
    void yamlJsonSqlAndPromql() {
        assertThat(Highlighter.html("yaml", "replicas: 3 # more\nenabled: true\nname: \"x\"\n"))
                .isEqualTo("<span class=\"hl-key\">replicas</span>: <span class=\"hl-num\">3</span> "
                        + "<span class=\"hl-com\"># more</span>\n<span class=\"hl-key\">enabled</span>: "
                        + "<span class=\"hl-kw\">true</span>\n<span class=\"hl-key\">name</span>: "
                        + "<span class=\"hl-str\">&quot;x&quot;</span>\n");
        assertThat(Highlighter.html("json", "{\"a\": 1.5, \"b\": [true, \"s\"]}"))
                .isEqualTo("{<span class=\"hl-key\">&quot;a&quot;</span>: <span class=\"hl-num\">1.5</span>, "
                        + "<span class=\"hl-key\">&quot;b&quot;</span>: [<span class=\"hl-kw\">true</span>, "
                        + "<span class=\"hl-str\">&quot;s&quot;</span>]}");
        assertThat(Highlighter.html("sql", "SELECT pid FROM pg_stat_activity WHERE state = 'idle' -- old"))
                .isEqualTo("<span class=\"hl-kw\">SELECT</span> pid <span class=\"hl-kw\">FROM</span> pg_stat_activity "
                        + "<span class=\"hl-kw\">WHERE</span> state = <span class=\"hl-str\">'idle'</span> "
                        + "<span class=\"hl-com\">-- old</span>");
        assertThat(Highlighter.html("promql", "sum by (pod) (rate(http_requests_total{code=\"500\"}[5m])) > 0.02"))
                .isEqualTo("<span class=\"hl-fn\">sum</span> <span class=\"hl-kw\">by</span> (pod) "
                        + "(<span class=\"hl-fn\">rate</span>(http_requests_total{code=<span class=\"hl-str\">&quot;500&quot;"
                        + "</span>}[<span class=\"hl-num\">5m</span>])) &gt; <span class=\"hl-num\">0.02</span>");
    }

    @Test
    void otherLanguagesGetTheirPlaceholdersMarkedOnlyAndEverythingIsEscaped() {
        // A tag the code closes is markup, not a placeholder; markup languages get no placeholders at all.
        assertThat(Highlighter.html("", "ssh <host> & <script>alert(1)</script>"))
                .isEqualTo("ssh <span class=\"hl-ph\">&lt;host&gt;</span> &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Highlighter.html("html", "<p>x</p> <br>")).isEqualTo("&lt;p&gt;x&lt;/p&gt; &lt;br&gt;");
        assertThat(Highlighter.html("bash", "echo '</code><script>x</script> <pod-name>'"))
                .isEqualTo("<span class=\"hl-kw\">echo</span> <span class=\"hl-str\">'&lt;/code&gt;"
                        + "&lt;script&gt;x&lt;/script&gt; <span class=\"hl-ph\">&lt;pod-name&gt;</span>'</span>");
    }

    /** Highlighting changes no character: the text of every code block of the example site reads back as written. */
    @Test
    void theTextOfEveryExampleCodeBlockIsKeptExactly() throws IOException {
        Pattern fence = Pattern.compile("(?m)^[ \\t]*```([a-z]*)\\n(.*?)^[ \\t]*```", Pattern.DOTALL);
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("../example-site"))) {
            files = all.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int blocks = 0;
        for (Path f : files) {
            Matcher m = fence.matcher(Files.readString(f));
            while (m.find()) {
                String code = m.group(2);
                String html = Highlighter.html(m.group(1), code);
                assertThat(Jsoup.parseBodyFragment("<pre>" + html + "</pre>").selectFirst("pre").wholeText())
                        .as(f + ": " + code).isEqualTo(code);
                blocks++;
            }
        }
        assertThat(blocks).isGreaterThan(20);
    }

    /**
     * Eight times the input takes about eight times as long (quadratic would be 64), with slack for a
     * busy machine: the fastest of three small runs against one large run.
     */
    @Test
    void highlightingTakesLinearTime() {
        for (Language language : Language.values()) {
            String unit = "kubectl -a \"b\" $C 'd' 1 x: <p-q> sum(rate(x[5m])) -- c # d\\\n";
            long small = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                small = Math.min(small, time(language, unit.repeat(2_000)));
            }
            long large = time(language, unit.repeat(16_000));
            assertThat(large).as(language.name()).isLessThan(24 * small + 300_000_000L);
        }
    }

    private static long time(Language language, String code) {
        long start = System.nanoTime();
        String html = Highlighter.html(language.name().toLowerCase(java.util.Locale.ROOT), code);
        assertThat(html).isNotEmpty();
        return System.nanoTime() - start;
    }
}
