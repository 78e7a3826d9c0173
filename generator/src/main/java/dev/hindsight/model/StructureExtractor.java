package dev.hindsight.model;

import dev.hindsight.config.KindConfig;
import dev.hindsight.config.SectionRequirement;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.markdown.Section;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts a postmortem's structure from plain Markdown: the timeline (a table or a list), the
 * 5-whys chain and the action items (a table or a task list). Entries it cannot read are reported
 * under {@link #RULE_TIMELINE_FORMAT}; whether the structure is complete is for validation to say.
 */
public final class StructureExtractor {

    static final String RULE_TIMELINE_FORMAT = "timeline-format";

    private static final Pattern TIME_ONLY = Pattern.compile(
            "^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?\\b");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("^\\s*(?:[—–|:-]+\\s*)?");
    private static final Pattern ZONE_IN_HEADER = Pattern.compile("\\(([^)]+)\\)");
    static final Pattern TICKET_KEY = Pattern.compile("\\b[A-Z][A-Z0-9]{1,9}-\\d+\\b");
    // Compiled once: String.matches and String.replaceAll compile their pattern on every call (issue 18).
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\(?[A-Za-z]{2,5}\\)?");
    private static final Pattern LEADING_MARKS = Pattern.compile("^[*_\\s]+");
    private static final Pattern QUOTES = Pattern.compile("^[\"`]|[\"`]$");
    private static final Pattern EMPTY_PARENS = Pattern.compile("\\(\\s*[,;\\s]*\\)");
    private static final Pattern OPEN_SEPARATORS = Pattern.compile("\\(\\s*[,;\\s]+");
    private static final Pattern CLOSE_SEPARATORS = Pattern.compile("[,;\\s]+\\)");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s,;—–-]+$");
    private static final Pattern DONE = Pattern.compile("(done|closed|complete|completed|fixed|resolved|shipped|✅|x|yes)");
    private static final Pattern IN_PROGRESS = Pattern.compile("(in[- ]progress|doing|started|wip|ongoing|in review)");
    private static final Pattern INLINE_FIELD = Pattern.compile(
            "(?i)\\b(owner|assignee|due|status|ticket|priority|done)\\s*:\\s*(\"[^\"]*\"|`[^`]*`|[^\\s,;()]+)");

    record Extracted(List<TimelineEntry> timeline, List<Why> whys, List<ActionItem> actionItems,
                     List<ActionItem> ideas) {
    }

    /** The headings of the section that holds ideas: suggestions without owner or due date. */
    static final List<String> IDEAS = List.of("ideas", "ideas for later", "further ideas", "suggestions");

    Extracted extract(KindConfig kind, DocumentMeta meta, ParsedMarkdown body, IncidentTimes times,
                      Diagnostics diagnostics) {
        List<String> titles = new ArrayList<>(body.sections().size()); // normalised once for the five look-ups
        for (Section s : body.sections()) {
            titles.add(SectionRequirement.normalize(s.title()));
        }
        return new Extracted(
                timeline(meta, body, indexOf(titles, kind.headingsFor("Timeline")), times, diagnostics),
                whys(body, indexOf(titles, kind.headingsFor("5 whys")), indexOf(titles, kind.headingsFor("Root cause"))),
                actionItems(body, indexOf(titles, kind.headingsFor("Action items"))),
                actionItems(body, indexOf(titles, IDEAS)));
    }

    /** Index of the first section whose heading is one of {@code headings}, or -1. */
    public static int find(ParsedMarkdown body, List<String> headings) {
        List<Section> sections = body.sections();
        for (int i = 0; i < sections.size(); i++) {
            if (headings.contains(SectionRequirement.normalize(sections.get(i).title()))) {
                return i;
            }
        }
        return -1;
    }

    /** As {@link #find}, given the sections' titles normalised ({@link SectionRequirement#normalize}). */
    private static int indexOf(List<String> titles, List<String> headings) {
        for (int i = 0; i < titles.size(); i++) {
            if (headings.contains(titles.get(i))) {
                return i;
            }
        }
        return -1;
    }

    // ---- timeline -------------------------------------------------------------------------------

    private List<TimelineEntry> timeline(DocumentMeta meta, ParsedMarkdown body, int at, IncidentTimes times,
                                         Diagnostics diagnostics) {
        if (at < 0) {
            return List.of();
        }
        ZoneId defaultZone = times.started() != null ? times.started().getOffset() : ZoneOffset.UTC;
        LocalDate baseDate = times.started() != null ? times.started().toLocalDate() : meta.date();
        List<TimelineEntry> out = new ArrayList<>();
        for (Block b : body.blocksUnder(at)) {
            if (b instanceof Block.Table t) {
                tableTimeline(meta, t, defaultZone, baseDate, out, diagnostics);
                break;
            }
            if (b instanceof Block.ListBlock l) {
                for (Block.Item item : l.items()) {
                    String text = item.text();
                    TimeParse tp = parseTime(text, defaultZone, baseDate);
                    if (tp == null) {
                        timeError(meta, item.line(), item.column(), text, diagnostics);
                        continue;
                    }
                    String event = LIST_SEPARATOR.matcher(text.substring(tp.consumed)).replaceFirst("").strip();
                    out.add(new TimelineEntry(tp.time, event, item.line()));
                }
                break;
            }
        }
        return out;
    }

    private void tableTimeline(DocumentMeta meta, Block.Table t, ZoneId defaultZone, LocalDate baseDate,
                               List<TimelineEntry> out, Diagnostics diagnostics) {
        int timeCol = 0;
        int eventCol = t.header().size() > 1 ? 1 : 0;
        ZoneId zone = defaultZone;
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i).text().toLowerCase(Locale.ROOT);
            if (h.startsWith("time") || h.startsWith("when") || h.startsWith("timestamp") || h.startsWith("date")) {
                timeCol = i;
                Matcher z = ZONE_IN_HEADER.matcher(t.header().get(i).text());
                if (z.find()) {
                    zone = zone(z.group(1), defaultZone);
                }
            } else if (h.startsWith("event") || h.startsWith("what") || h.startsWith("description")
                    || h.startsWith("detail") || h.startsWith("action")) {
                eventCol = i;
            }
        }
        if (eventCol == timeCol && t.header().size() > 1) {
            eventCol = timeCol == 0 ? 1 : 0;
        }
        for (Block.Row row : t.rows()) {
            if (row.cells().size() <= Math.max(timeCol, eventCol)) {
                continue;
            }
            Block.Cell cell = row.cells().get(timeCol);
            TimeParse tp = parseTime(cell.text(), zone, baseDate);
            if (tp == null || tp.consumed < cell.text().strip().length() && !trailingZone(cell.text(), tp)) {
                timeError(meta, row.line(), cell.column(), cell.text(), diagnostics);
                continue;
            }
            out.add(new TimelineEntry(tp.time, row.cells().get(eventCol).text(), row.line()));
        }
    }

    private static boolean trailingZone(String text, TimeParse tp) {
        String rest = text.substring(tp.consumed).strip();
        return rest.isEmpty() || TRAILING_ZONE.matcher(rest).matches();
    }

    private static void timeError(DocumentMeta meta, int line, int column, String text, Diagnostics diagnostics) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        diagnostics.error(RULE_TIMELINE_FORMAT, Position.of(meta.sourcePath(), line, column),
                "timeline entry `" + shown + "` does not start with a time",
                "start each entry with HH:MM (on the incident's day) or a full YYYY-MM-DD HH:MM");
    }

    private record TimeParse(OffsetDateTime time, int consumed) {
    }

    private static TimeParse parseTime(String raw, ZoneId zone, LocalDate baseDate) {
        String text = raw.strip();
        int lead = raw.indexOf(text.isEmpty() ? raw : text.substring(0, 1));
        try {
            Matcher m = DATE_TIME.matcher(text);
            if (m.find()) {
                LocalDate d = LocalDate.parse(m.group(1));
                LocalTime t = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
                ZoneId z = m.group(5) == null ? zone : zone(m.group(5), zone);
                return new TimeParse(LocalDateTime.of(d, t).atZone(z).toOffsetDateTime(), lead + m.end());
            }
            m = TIME_ONLY.matcher(text);
            if (m.find() && baseDate != null) {
                LocalTime t = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                ZoneId z = m.group(4) == null ? zone : zone(m.group(4), zone);
                return new TimeParse(LocalDateTime.of(baseDate, t).atZone(z).toOffsetDateTime(), lead + m.end());
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static ZoneId zone(String word, ZoneId fallback) {
        String w = word.strip();
        if (w.equalsIgnoreCase("UTC") || w.equalsIgnoreCase("GMT") || w.equals("Z")) {
            return ZoneOffset.UTC;
        }
        try {
            if (w.startsWith("+") || w.startsWith("-")) {
                return ZoneOffset.of(w.length() == 5 ? w.substring(0, 3) + ":" + w.substring(3) : w);
            }
            return ZoneId.of(w);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }

    // ---- 5 whys ---------------------------------------------------------------------------------

    private List<Why> whys(ParsedMarkdown body, int whysAt, int causeAt) {
        Block.ListBlock list = null;
        if (whysAt >= 0) {
            list = firstList(body.blocksUnder(whysAt));
        }
        if (list == null) {
            if (causeAt >= 0) {
                for (Block b : body.blocksUnder(causeAt)) {
                    if (b instanceof Block.ListBlock l && mostlyWhy(l)) {
                        list = l;
                        break;
                    }
                }
            }
        }
        if (list == null) {
            return List.of();
        }
        List<Why> out = new ArrayList<>();
        int n = 1;
        for (Block.Item item : list.items()) {
            out.add(new Why(n++, item.text(), item.line()));
        }
        return out;
    }

    private static Block.ListBlock firstList(List<Block> blocks) {
        for (Block b : blocks) {
            if (b instanceof Block.ListBlock l) {
                return l;
            }
        }
        return null;
    }

    private static boolean mostlyWhy(Block.ListBlock l) {
        long why = l.items().stream()
                .filter(i -> LEADING_MARKS.matcher(i.text().toLowerCase(Locale.ROOT)).replaceAll("").startsWith("why"))
                .count();
        return why * 2 > l.items().size();
    }

    // ---- action items ---------------------------------------------------------------------------

    private List<ActionItem> actionItems(ParsedMarkdown body, int at) {
        if (at < 0) {
            return List.of();
        }
        List<ActionItem> out = new ArrayList<>();
        for (Block b : blocksOutsideIdeas(body, at)) {
            if (b instanceof Block.Table t) {
                tableActions(t, out);
            } else if (b instanceof Block.ListBlock l) {
                for (Block.Item item : l.items()) {
                    out.add(listAction(item));
                }
            }
        }
        return out;
    }

    /** The blocks under section {@code at}, less those of an "Ideas" sub-section (ideas are not commitments). */
    private static List<Block> blocksOutsideIdeas(ParsedMarkdown body, int at) {
        List<Block> out = new ArrayList<>();
        int skipBelow = Integer.MAX_VALUE;
        boolean first = true;
        for (Section s : body.subtree(at)) {
            if (s.level() <= skipBelow) {
                skipBelow = Integer.MAX_VALUE;
            }
            if (!first && skipBelow == Integer.MAX_VALUE && IDEAS.contains(SectionRequirement.normalize(s.title()))) {
                skipBelow = s.level();
            }
            if (skipBelow == Integer.MAX_VALUE) {
                out.addAll(s.blocks());
            }
            first = false;
        }
        return out;
    }

    private static void tableActions(Block.Table t, List<ActionItem> out) {
        int action = -1;
        int owner = -1;
        int due = -1;
        int status = -1;
        int ticket = -1;
        int priority = -1;
        int done = -1;
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i).text().toLowerCase(Locale.ROOT).strip();
            if (priority < 0 && (h.startsWith("priority") || h.equals("prio") || h.equals("p"))) {
                priority = i;
            } else if (done < 0 && (h.equals("done on") || h.equals("done date") || h.startsWith("completed")
                    || h.equals("closed on") || h.equals("finished"))) {
                done = i;
            } else if (owner < 0 && (h.startsWith("owner") || h.startsWith("assignee") || h.equals("who")
                    || h.equals("team"))) {
                owner = i;
            } else if (due < 0 && (h.startsWith("due") || h.equals("deadline") || h.equals("by")
                    || h.equals("when") || h.equals("target date"))) {
                due = i;
            } else if (status < 0 && (h.startsWith("status") || h.equals("state") || h.equals("done"))) {
                status = i;
            } else if (ticket < 0 && (h.startsWith("ticket") || h.equals("issue") || h.equals("jira")
                    || h.equals("tracking") || h.equals("link") || h.equals("key"))) {
                ticket = i;
            } else if (action < 0) {
                action = i;
            }
        }
        for (Block.Row row : t.rows()) {
            String a = cell(row, action);
            String dueText = cell(row, due);
            String ticketText = cell(row, ticket);
            Matcher key = TICKET_KEY.matcher(ticketText);
            out.add(new ActionItem(a, cell(row, owner), parseDate(dueText), dueText, status(cell(row, status), null),
                    key.find() ? key.group() : ticketText, row.line(), cell(row, priority).toUpperCase(Locale.ROOT),
                    parseDate(cell(row, done))));
        }
    }

    private static String cell(Block.Row row, int index) {
        return index >= 0 && index < row.cells().size() ? row.cells().get(index).text().strip() : "";
    }

    private static ActionItem listAction(Block.Item item) {
        String text = item.text();
        String owner = "";
        String due = "";
        String statusText = "";
        String ticket = "";
        String priority = "";
        String done = "";
        Matcher m = INLINE_FIELD.matcher(text);
        StringBuilder action = new StringBuilder();
        int last = 0;
        while (m.find()) {
            action.append(text, last, m.start());
            last = m.end();
            String value = QUOTES.matcher(m.group(2)).replaceAll("");
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "owner", "assignee" -> owner = value;
                case "due" -> due = value;
                case "status" -> statusText = value;
                case "priority" -> priority = value.toUpperCase(Locale.ROOT);
                case "done" -> done = value;
                default -> ticket = value;
            }
        }
        action.append(text.substring(last));
        if (ticket.isEmpty()) {
            Matcher key = TICKET_KEY.matcher(text);
            if (key.find()) {
                ticket = key.group();
            }
        }
        // The separators the fields leave behind go: "(owner: x, PAY-1)" becomes "(PAY-1)", "(owner: x)" nothing.
        String a = EMPTY_PARENS.matcher(action.toString()).replaceAll("");
        a = OPEN_SEPARATORS.matcher(a).replaceAll("(");
        a = CLOSE_SEPARATORS.matcher(a).replaceAll(")");
        a = TRAILING_SEPARATORS.matcher(a).replaceAll("").strip();
        return new ActionItem(a, owner, parseDate(due), due, status(statusText, item.task()), ticket, item.line(),
                priority, parseDate(done));
    }

    static LocalDate parseDate(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static ActionItem.Status status(String text, Boolean task) {
        String s = text.toLowerCase(Locale.ROOT).strip();
        if (s.isEmpty() && task != null) {
            return task ? ActionItem.Status.DONE : ActionItem.Status.OPEN;
        }
        if (DONE.matcher(s).matches()) {
            return ActionItem.Status.DONE;
        }
        if (IN_PROGRESS.matcher(s).matches()) {
            return ActionItem.Status.IN_PROGRESS;
        }
        return ActionItem.Status.OPEN;
    }
}
