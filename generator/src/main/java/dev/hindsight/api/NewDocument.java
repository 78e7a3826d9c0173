package dev.hindsight.api;

import java.time.LocalDate;

/** What {@code new} is asked to create. {@code service} and {@code severity} may be empty. */
public record NewDocument(String kind, String title, String service, String severity, LocalDate date) {
}
