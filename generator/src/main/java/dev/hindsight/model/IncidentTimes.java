package dev.hindsight.model;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The milestones of an incident; any may be null when the front matter does not give it.
 * TTD = detected − started, TTA = acknowledged − detected, TTM = mitigated − started,
 * TTR = resolved − started.
 */
public record IncidentTimes(OffsetDateTime started, OffsetDateTime detected, OffsetDateTime acknowledged,
                            OffsetDateTime mitigated, OffsetDateTime resolved) {

    public static final IncidentTimes NONE = new IncidentTimes(null, null, null, null, null);

    public Optional<Duration> timeToDetect() {
        return between(started, detected);
    }

    public Optional<Duration> timeToAcknowledge() {
        return between(detected, acknowledged);
    }

    public Optional<Duration> timeToMitigate() {
        return between(started, mitigated);
    }

    public Optional<Duration> timeToResolve() {
        return between(started, resolved);
    }

    private static Optional<Duration> between(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? Optional.empty() : Optional.of(Duration.between(from, to));
    }
}
