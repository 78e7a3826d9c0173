package dev.hindsight.model;

import java.time.OffsetDateTime;

/** One row of a postmortem's timeline: when, what, and the line it was written on. */
public record TimelineEntry(OffsetDateTime time, String event, int line) {
}
