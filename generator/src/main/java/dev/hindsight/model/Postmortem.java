package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;
import java.util.List;
import java.util.Objects;

/**
 * An incident postmortem with its front matter typed and its structure extracted from the body.
 *
 * @param impact              the {@code impact:} text, or the {@code summary} of a structured {@code impact:}
 * @param contributingFactors the {@code contributing_factors:} ids, as written (validation checks them)
 * @param trigger             the {@code trigger:} text, or empty
 * @param alerts              the {@code alerts:} that fired, as the alert names of the runbooks
 * @param impactFigures       the numbers of a structured {@code impact:}, {@link Impact#NONE} for the text form
 * @param ideas               the items under an "Ideas" heading: suggestions nobody committed to, kept apart
 *                            from the action items and not checked for owner or due date
 */
public record Postmortem(DocumentMeta meta, ParsedMarkdown body, String severity, List<String> services,
                         List<String> authors, IncidentTimes incident, String impact, List<String> runbooks,
                         List<TimelineEntry> timeline, List<Why> whys, List<ActionItem> actionItems,
                         List<String> contributingFactors, String trigger, List<String> alerts, Impact impactFigures,
                         List<ActionItem> ideas)
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
        contributingFactors = List.copyOf(contributingFactors);
        trigger = Objects.requireNonNullElse(trigger, "");
        alerts = List.copyOf(alerts);
        impactFigures = Objects.requireNonNullElse(impactFigures, Impact.NONE);
        ideas = List.copyOf(ideas);
    }

    /** A postmortem without contributing factors, trigger, alerts, impact figures or ideas. */
    public Postmortem(DocumentMeta meta, ParsedMarkdown body, String severity, List<String> services,
                      List<String> authors, IncidentTimes incident, String impact, List<String> runbooks,
                      List<TimelineEntry> timeline, List<Why> whys, List<ActionItem> actionItems) {
        this(meta, body, severity, services, authors, incident, impact, runbooks, timeline, whys, actionItems,
                List.of(), "", List.of(), Impact.NONE, List.of());
    }

    /**
     * The numbers of a structured {@code impact:} mapping; null where not given.
     *
     * @param customers       customers affected
     * @param durationMinutes how long customers were affected
     */
    public record Impact(Long customers, Long durationMinutes) {

        public static final Impact NONE = new Impact(null, null);

        public boolean given() {
            return customers != null || durationMinutes != null;
        }
    }
}
