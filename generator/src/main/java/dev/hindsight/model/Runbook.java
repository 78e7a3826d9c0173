package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;

/**
 * A runbook. {@code lastReviewed} and {@code lastTested} are null when not given; {@code reviewEvery}
 * defaults to the site's review interval.
 */
public record Runbook(DocumentMeta meta, ParsedMarkdown body, String service, String owner,
                      List<String> dependencies, List<String> alerts, LocalDate lastReviewed, Period reviewEvery,
                      LocalDate lastTested, List<Dashboard> dashboards, List<Escalation> escalation)
        implements Document {

    public static final Period DEFAULT_REVIEW = Period.ofDays(90);

    public Runbook {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(body, "body");
        service = Objects.requireNonNullElse(service, "");
        owner = Objects.requireNonNullElse(owner, "");
        dependencies = List.copyOf(dependencies);
        alerts = List.copyOf(alerts);
        reviewEvery = Objects.requireNonNullElse(reviewEvery, DEFAULT_REVIEW);
        dashboards = List.copyOf(dashboards);
        escalation = List.copyOf(escalation);
    }

    public record Dashboard(String name, String url) {
    }

    public record Escalation(String who, String contact, String when) {
    }
}
