package dev.hindsight.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.model.Document;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * States that are enums in Java ({@link FreshnessState}, {@link ActionState}) read in templates as the strings
 * they always were — printed, compared with {@code ==}, passed back to the view — in a one-shot build and in
 * the preview's recording one, as a site's own template override would use them.
 */
class TemplateStatesTest {

    private static final String TEMPLATE = """
            <#list view.runbooks() as r><#assign f = view.freshness(r)>\
            [${f.state}|${(f.state == "stale")?c}|${f.label()}|${f.state?upper_case}]</#list>
            <#list view.actions() as row>\
            [state-${row.state}|${(row.state == "done")?c}|${row.overdue()?c}|${view.actions(row.state)?size}]</#list>
            <#list view.actionGroups("overdue") as g>[${g.team}]</#list>
            """;

    @Test
    void enumStatesPrintAndCompareAsTheirOldSpellings(@TempDir Path tmp) throws Exception {
        Docs docs = new Docs();
        List<Document> documents = List.of(
                docs.runbook("runbooks/old.md", null, "Old", "", List.of(), List.of(), List.of(), "2024-01-01"),
                docs.runbook("runbooks/soon.md", null, "Soon", "", List.of(), List.of(), List.of(), "2024-03-10"),
                docs.postmortem("postmortems/p.md", "P", "2024-01-01", "SEV-1", List.of("payments"), List.of(),
                        List.of(), List.of(new Docs.Item("Late", "sre", "2024-05-01", "open", ""),
                                new Docs.Item("Done", "", "2024-05-01", "done", ""),
                                new Docs.Item("Later", "", "2024-07-01", "open", ""))));
        SiteView view = docs.view(documents, LocalDate.of(2024, 6, 1));
        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("index.ftlh"), TEMPLATE);
        String expected = """
                [stale|true|Stale|STALE][due-soon|false|Review due soon|DUE-SOON]
                [state-overdue|false|true|1][state-done|true|false|1][state-open|false|false|1]
                [sre]
                """;
        for (Reads reads : List.of(Reads.none(), Reads.recorder())) {
            StringWriter out = new StringWriter();
            new Renderer(templates, false).render(new Page.SiteWide(Page.SiteWide.Kind.HOME),
                    new Page.Shared(docs.config, new Formats(), view, new SiteUrls("")), out, reads);
            assertThat(out.toString()).isEqualTo(expected);
        }
    }
}
