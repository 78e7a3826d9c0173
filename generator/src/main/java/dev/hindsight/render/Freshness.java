package dev.hindsight.render;

import java.time.LocalDate;

/**
 * How current a runbook is: {@code stale} when its review was due before the reference date,
 * {@code due-soon} when it falls due within {@link #SOON_DAYS} days, {@code fresh} otherwise, and
 * {@code unknown} without a review date or a reference date.
 *
 * @param due when the next review is due; null when unknown
 */
public record Freshness(String state, LocalDate due) {

    public static final int SOON_DAYS = 14;

    static Freshness of(LocalDate due, LocalDate today) {
        if (due == null || today == null) {
            return new Freshness("unknown", due);
        }
        if (due.isBefore(today)) {
            return new Freshness("stale", due);
        }
        if (!due.isAfter(today.plusDays(SOON_DAYS))) {
            return new Freshness("due-soon", due);
        }
        return new Freshness("fresh", due);
    }

    public String label() {
        return switch (state) {
            case "stale" -> "Stale";
            case "due-soon" -> "Review due soon";
            case "fresh" -> "Fresh";
            default -> "Review date unknown";
        };
    }

    public boolean stale() {
        return state.equals("stale");
    }
}
