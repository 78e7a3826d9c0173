package dev.hindsight.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.markdown.MarkdownParser;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.source.SourceDocument;
import dev.hindsight.source.SourceParser;
import dev.hindsight.source.YamlReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heuristics that read a postmortem's structure from plain Markdown, through the real parser and
 * {@link DocumentFactory}: timelines as tables and lists, the 5 whys, action items as tables and task
 * lists. The body starts on line 5 after a three-line front matter.
 */
class StructureExtractorTest {

    private static final KindConfig POSTMORTEM = KindConfig.defaults().get(0);

    private final Diagnostics diagnostics = new Diagnostics();

    private Postmortem parse(String frontMatter, String body) {
        String text = "---\ntitle: T\ndate: 2024-03-05\n" + frontMatter + "---\n" + body;
        SourceDocument src = new SourceParser(new YamlReader()).parse("postmortems/p.md", text, diagnostics);
        ParsedMarkdown md = new MarkdownParser().parse(src.path(), src.file().body(), src.file().bodyLine(), diagnostics);
        return (Postmortem) new DocumentFactory(SiteConfig.defaults()).create(src, POSTMORTEM, md, diagnostics);
    }

    private Postmortem parse(String body) {
        return parse("", body);
    }

    private List<String> timeline(Postmortem pm) {
        return pm.timeline().stream().map(e -> e.time() + " " + e.event() + " @" + e.line()).toList();
    }

    private List<String> problems() {
        return diagnostics.sorted().stream().map(d -> d + " | " + d.hint()).toList();
    }

    // ---- timeline -------------------------------------------------------------------------------

    @Test
    void aTimelineTableOnTheDocumentsDate() {
        Postmortem pm = parse("""
                ## Timeline
                | Time (UTC) | Event |
                |---|---|
                | 14:02 | Deploy starts |
                | 14:30:15 | Rollback |
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02Z Deploy starts @8", "2024-03-05T14:30:15Z Rollback @9");
        assertThat(problems()).isEmpty();
    }

    @Test
    void theTableColumnsAreFoundByTheirHeaders() {
        Postmortem pm = parse("""
                ## Incident timeline
                | What happened | When (+02:00) |
                |---|---|
                | Deploy starts | 14:02 |
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02+02:00 Deploy starts @8");
    }

    @Test
    void timesOnlyAreOnTheDayTheIncidentStartedInItsOffset() {
        Postmortem pm = parse("incident:\n  started: 2024-03-04T23:50:00-05:00\n", """
                ## Timeline
                - 23:50 Deploy starts
                - 2024-03-05T00:10:00Z Rollback
                - 2024-03-05 05:20 UTC All clear
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-04T23:50-05:00 Deploy starts @8",
                "2024-03-05T00:10Z Rollback @9", "2024-03-05T05:20Z All clear @10");
    }

    @Test
    void listSeparatorsAfterTheTimeAreDropped() {
        Postmortem pm = parse("""
                ## Timeline
                - 14:02 — Deploy starts
                - 14:03: Alert
                - 14:04 - Paged
                - 14:05 | Ack
                """);
        assertThat(pm.timeline().stream().map(TimelineEntry::event)).containsExactly("Deploy starts", "Alert", "Paged", "Ack");
    }

    @Test
    void anEntryWithoutATimeIsATimelineFormatErrorAndTheRestIsKept() {
        Postmortem pm = parse("""
                ## Timeline
                | Time | Event |
                |---|---|
                | 14:02 | Deploy starts |
                | later | Someone wrote this |
                | 25:00 | Not a time |
                | 14:40 (CET) | Zone word after the time |
                | 14:50 or so | Words after the time |
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02Z Deploy starts @8",
                "2024-03-05T14:40Z Zone word after the time @11");
        assertThat(problems()).containsExactly(
                "postmortems/p.md:9:1: error[timeline-format]: timeline entry `later` does not start with a time"
                        + " | start each entry with HH:MM (on the incident's day) or a full YYYY-MM-DD HH:MM",
                "postmortems/p.md:10:1: error[timeline-format]: timeline entry `25:00` does not start with a time"
                        + " | start each entry with HH:MM (on the incident's day) or a full YYYY-MM-DD HH:MM",
                "postmortems/p.md:12:1: error[timeline-format]: timeline entry `14:50 or so` does not start with a time"
                        + " | start each entry with HH:MM (on the incident's day) or a full YYYY-MM-DD HH:MM");
    }

    @Test
    void aListEntryWithoutATimeIsReportedAtTheItem() {
        Postmortem pm = parse("""
                ## Timeline
                - 14:02 Deploy starts
                - Then the alert fired, and the on-call engineer who was at lunch came back
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02Z Deploy starts @6");
        assertThat(problems()).containsExactly(
                "postmortems/p.md:7:1: error[timeline-format]: timeline entry `Then the alert fired, and the on-call en…`"
                        + " does not start with a time | start each entry with HH:MM (on the incident's day) or a full"
                        + " YYYY-MM-DD HH:MM");
    }

    @Test
    void onlyTheFirstTableOrListOfTheTimelineIsRead() {
        Postmortem pm = parse("""
                ## Timeline
                Times are UTC.

                - 14:02 Deploy starts

                - 14:03 Alert
                ### Notes
                - not a time
                """);
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02Z Deploy starts @8", "2024-03-05T14:03Z Alert @10");
        assertThat(problems()).isEmpty();
    }

    @Test
    void noTimelineSectionNoEntries() {
        assertThat(parse("## Summary\n- 14:02 Deploy\n").timeline()).isEmpty();
    }

    // ---- 5 whys ---------------------------------------------------------------------------------

    @Test
    void theWhysAreTheFirstListUnderTheirHeadingNumberedFromOne() {
        Postmortem pm = parse("""
                ## Root cause
                ### Five whys
                Some text.

                3. Why did it fail? Config.
                4. Why? Not checked.
                """);
        assertThat(pm.whys()).containsExactly(new Why(1, "Why did it fail? Config.", 9), new Why(2, "Why? Not checked.", 10));
    }

    @Test
    void withoutAWhysHeadingAMostlyWhyListUnderTheRootCauseIsUsed() {
        Postmortem pm = parse("""
                ## Root cause
                - Context first.
                - **Why** did it fail? Config.
                - _why_ was that? Not checked.
                """);
        assertThat(pm.whys()).extracting(Why::number).containsExactly(1, 2, 3);

        Postmortem half = parse("""
                ## Root cause
                - Context first.
                - Why did it fail? Config.
                """);
        assertThat(half.whys()).isEmpty();
    }

    // ---- action items ---------------------------------------------------------------------------

    private List<String> actions(Postmortem pm) {
        return pm.actionItems().stream().map(a -> a.action() + " | " + a.owner() + " | " + a.due() + " (" + a.dueText()
                + ") | " + a.status() + " | " + a.ticket() + " @" + a.line()).toList();
    }

    @Test
    void anActionTableWithEveryColumn() {
        Postmortem pm = parse("""
                ## Action items
                | Action | Owner | Due | Status | Ticket |
                |---|---|---|---|---|
                | Add validation | sre | 2024-04-01 | done | see PAY-12 |
                | Add a canary | | soon | in-progress | |
                """);
        assertThat(actions(pm)).containsExactly(
                "Add validation | sre | 2024-04-01 (2024-04-01) | DONE | PAY-12 @8",
                "Add a canary |  | null (soon) | IN_PROGRESS |  @9");
    }

    @Test
    void headerSpellingsAndColumnOrder() {
        Postmortem pm = parse("""
                ## Follow-ups
                | Jira | Deadline | Assignee | What | State |
                |---|---|---|---|---|
                | https://jira/OPS-7 | 2024-04-01T00:00 | ops | Rotate keys | Closed |
                """);
        assertThat(actions(pm)).containsExactly("Rotate keys | ops | 2024-04-01 (2024-04-01T00:00) | DONE | OPS-7 @8");

        Postmortem other = parse("""
                ## Corrective actions
                | Item | Team | By | Done | Issue |
                |---|---|---|---|---|
                | Patch | infra | 2024-05-01 | yes | #12 |
                """);
        assertThat(actions(other)).containsExactly("Patch | infra | 2024-05-01 (2024-05-01) | DONE | #12 @8");
    }

    @Test
    void aTableWithoutOwnerDueOrStatusColumns() {
        Postmortem pm = parse("""
                ## Actions
                | Action |
                |---|
                | Write docs |
                """);
        assertThat(actions(pm)).containsExactly("Write docs |  | null () | OPEN |  @8");
    }

    @Test
    void aTaskListCarriesItsFieldsInlineAndItsCheckboxIsTheStatus() {
        Postmortem pm = parse("""
                ## Action items
                - [ ] Add validation (owner: sre, due: 2024-04-01, PAY-12)
                - [x] Add a canary — owner: "platform team"; ticket: `OPS-3`
                - [ ] Write docs status: wip Assignee: ops
                - Plain item due: 2024-02-30
                """);
        assertThat(actions(pm)).containsExactly(
                "Add validation (PAY-12) | sre | 2024-04-01 (2024-04-01) | OPEN | PAY-12 @6",
                "Add a canary | platform team | null () | DONE | OPS-3 @7",
                "Write docs | ops | null () | IN_PROGRESS |  @8",
                "Plain item |  | null (2024-02-30) | OPEN |  @9");
    }

    @Test
    void statusWords() {
        assertThat(List.of("done", "Completed", "FIXED", "shipped", "✅", "x", "yes").stream()
                .map(s -> StructureExtractor.status(s, null))).containsOnly(ActionItem.Status.DONE);
        assertThat(List.of("in progress", "In-Progress", "doing", "started", "WIP", "ongoing", "in review").stream()
                .map(s -> StructureExtractor.status(s, null))).containsOnly(ActionItem.Status.IN_PROGRESS);
        assertThat(List.of("open", "todo", "blocked", "").stream()
                .map(s -> StructureExtractor.status(s, null))).containsOnly(ActionItem.Status.OPEN);
        assertThat(StructureExtractor.status("", true)).isEqualTo(ActionItem.Status.DONE);
        assertThat(StructureExtractor.status("open", true)).isEqualTo(ActionItem.Status.OPEN);
    }

    @Test
    void dueDates() {
        assertThat(StructureExtractor.parseDate(" 2024-04-01 ")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(StructureExtractor.parseDate("2024-04-01T12:00Z")).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(StructureExtractor.parseDate("2024-04-31")).isNull();
        assertThat(StructureExtractor.parseDate("04/01/2024")).isNull();
        assertThat(StructureExtractor.parseDate("")).isNull();
    }

    @Test
    void crlfLineEndingsReadTheSame() {
        Postmortem pm = parse("## Timeline\r\n- 14:02 Deploy starts\r\n- 14:03 Alert\r\n## Action items\r\n"
                + "- [ ] Fix it owner: sre due: 2024-04-01\r\n");
        assertThat(timeline(pm)).containsExactly("2024-03-05T14:02Z Deploy starts @6", "2024-03-05T14:03Z Alert @7");
        assertThat(actions(pm)).containsExactly("Fix it | sre | 2024-04-01 (2024-04-01) | OPEN |  @9");
    }

    @Test
    void diagnosticsOnlyForTheTimeline() {
        parse("## Action items\n- nothing here\n## Root cause\n- nope\n");
        assertThat(diagnostics.sorted().stream().map(Diagnostic::ruleId)).isEmpty();
    }
}
