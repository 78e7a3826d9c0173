package dev.hindsight.render;

import java.time.LocalDate;

/**
 * How current a runbook is: {@code stale} when its review was due before the reference date,
 * {@code due-soon} when it falls due within {@link #SOON_DAYS} days, {@code fresh} otherwise, and
 * {@code unknown} without a review date or a reference date.
 *
 * @param due when the next review is due; null when unknown
 */
public record Freshness(FreshnessState state, LocalDate due) {

    public static final int SOON_DAYS = 14;

    static Freshness of(LocalDate due, LocalDate today) {
        if (due == null || today == null) {
            return new Freshness(FreshnessState.UNKNOWN, due);
        }
        if (due.isBefore(today)) {
            return new Freshness(FreshnessState.STALE, due);
        }
        if (!due.isAfter(today.plusDays(SOON_DAYS))) {
            return new Freshness(FreshnessState.DUE_SOON, due);
        }
        return new Freshness(FreshnessState.FRESH, due);
    }

    public String label() {
        return state.label();
    }

    public boolean stale() {
        return state == FreshnessState.STALE;
    }
}
