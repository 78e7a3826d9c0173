package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;
import java.util.List;
import java.util.Objects;

/** An incident postmortem with its front matter typed and its structure extracted from the body. */
public record Postmortem(DocumentMeta meta, ParsedMarkdown body, String severity, List<String> services,
                         List<String> authors, IncidentTimes incident, String impact, List<String> runbooks,
                         List<TimelineEntry> timeline, List<Why> whys, List<ActionItem> actionItems)
        implements Document {

    public Postmortem {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(body, "body");
        severity = Objects.requireNonNullElse(severity, "");
        services = List.copyOf(services);
        authors = List.copyOf(authors);
        incident = Objects.requireNonNullElse(incident, IncidentTimes.NONE);
        impact = Objects.requireNonNullElse(impact, "");
        runbooks = List.copyOf(runbooks);
        timeline = List.copyOf(timeline);
        whys = List.copyOf(whys);
        actionItems = List.copyOf(actionItems);
    }
}
