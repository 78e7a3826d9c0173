package dev.hindsight.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubFormatterTest {

    /** One parsed workflow command, as the Actions runner reads it. */
    record Command(String name, Map<String, String> properties, String message) {
    }

    /**
     * The runner's parser (actions/runner ActionCommand.TryParseV2): {@code ::name k=v,k=v::data},
     * properties split at {@code ,} then at the first {@code =}, values and data unescaped.
     */
    static Command parse(String line) {
        assertThat(line).startsWith("::");
        int end = line.indexOf("::", 2);
        assertThat(end).as("command end in %s", line).isPositive();
        String head = line.substring(2, end);
        String data = line.substring(end + 2);
        int space = head.indexOf(' ');
        String name = space < 0 ? head : head.substring(0, space);
        Map<String, String> props = new LinkedHashMap<>();
        if (space >= 0) {
            for (String pair : head.substring(space + 1).split(",")) {
                int eq = pair.indexOf('=');
                props.put(pair.substring(0, eq), unescapeProperty(pair.substring(eq + 1)));
            }
        }
        return new Command(name, props, unescapeData(data));
    }

    private static String unescapeData(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    private static String unescapeProperty(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    @Test
    void writesOneCommandPerDiagnosticThatParsesBack() {
        List<Diagnostic> diagnostics = List.of(
                new Diagnostic(Severity.ERROR, "timeline-order", Position.of("postmortems/a, b:c.md", 12, 3),
                        "entry 14:05 comes after 14:10 — 100% sure\r\nsecond line", "sort the timeline"),
                new Diagnostic(Severity.WARNING, "runbook-stale", Position.ofFile("runbooks/db.md"), "stale", ""),
                new Diagnostic(Severity.INFO, "sitemap", Position.of("hindsight.yml", 2, 1), "no base_url", ""));

        String out = new GithubFormatter("example-site").format(diagnostics);

        assertThat(out).isEqualTo("""
                ::error file=example-site/postmortems/a%2C b%3Ac.md,line=12,col=3,title=timeline-order::entry 14:05 \
                comes after 14:10 — 100%25 sure%0D%0Asecond line%0Ahint: sort the timeline
                ::warning file=example-site/runbooks/db.md,line=1,col=1,title=runbook-stale::stale
                ::notice file=example-site/hindsight.yml,line=2,col=1,title=sitemap::no base_url
                """);
        List<Command> commands = out.lines().map(GithubFormatterTest::parse).toList();
        assertThat(commands).extracting(Command::name).containsExactly("error", "warning", "notice");
        Command first = commands.get(0);
        assertThat(first.properties()).containsExactly(Map.entry("file", "example-site/postmortems/a, b:c.md"),
                Map.entry("line", "12"), Map.entry("col", "3"), Map.entry("title", "timeline-order"));
        assertThat(first.message()).isEqualTo("entry 14:05 comes after 14:10 — 100% sure\r\nsecond line\n"
                + "hint: sort the timeline");
    }

    @Test
    void aMessageCannotStartAnotherCommand() {
        String out = new GithubFormatter("").format(List.of(new Diagnostic(Severity.ERROR, "placeholder",
                Position.of("x.md", 1, 1), "TODO\n::error file=evil.md::injected", "")));

        assertThat(out.lines()).hasSize(1);
        assertThat(parse(out.strip()).message()).isEqualTo("TODO\n::error file=evil.md::injected");
    }

    @Test
    void summaryCountsByRuleAndFileAndListsTheWorstFirst() {
        List<Diagnostic> diagnostics = new java.util.ArrayList<>();
        diagnostics.add(new Diagnostic(Severity.WARNING, "runbook-stale", Position.of("runbooks/db.md", 5, 1),
                "stale", ""));
        for (int i = 1; i <= 11; i++) {
            diagnostics.add(new Diagnostic(Severity.ERROR, "broken-link", Position.of("postmortems/a_b.md", i, 2),
                    "link to <script>x|y</script> goes nowhere", ""));
        }

        String md = new GithubFormatter("kb/").summary(diagnostics);

        assertThat(md).startsWith("""
                ## Hindsight

                11 errors, 1 warning, 0 notes.

                | rule | errors | warnings | notes |
                |---|---:|---:|---:|
                | `broken-link` | 11 | 0 | 0 |
                | `runbook-stale` | 0 | 1 | 0 |

                | file | errors | warnings | notes |
                |---|---:|---:|---:|
                | kb/postmortems/a\\_b\\.md | 11 | 0 | 0 |
                | kb/runbooks/db\\.md | 0 | 1 | 0 |

                ### Worst findings

                - **error** `broken-link` kb/postmortems/a\\_b\\.md:1:2 — link to &lt;script&gt;x\\|y&lt;/script&gt; goes nowhere
                """);
        assertThat(md.lines().filter(l -> l.startsWith("- **"))).hasSize(10)
                .noneMatch(l -> l.contains("runbook-stale"));
        assertThat(md).endsWith("\n…and 2 more.\n");
        assertThat(new GithubFormatter("").summary(List.of())).isEqualTo("## Hindsight\n\nNo problems found.\n");    }

    @Test
    void summaryListsTheFiftyFilesWithMostErrors() {
        List<Diagnostic> diagnostics = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String file = String.format(java.util.Locale.ROOT, "runbooks/r%02d.md", i);
            diagnostics.add(new Diagnostic(Severity.WARNING, "runbook-stale", Position.of(file, 5, 1), "stale", ""));
            if (i >= 55) {
                diagnostics.add(new Diagnostic(Severity.ERROR, "placeholder", Position.of(file, 6, 1), "TODO", ""));
            }
        }

        List<String> rows = new GithubFormatter("").summary(diagnostics).lines()
                .filter(l -> l.startsWith("| runbooks/")).toList();

        assertThat(rows).hasSize(50);
        assertThat(rows.get(0)).isEqualTo("| runbooks/r55\\.md | 1 | 1 | 0 |");
        assertThat(rows.get(5)).isEqualTo("| runbooks/r00\\.md | 0 | 1 | 0 |");
        assertThat(new GithubFormatter("").summary(diagnostics)).contains("\n…and 10 more files.\n");
    }
}
