package dev.hindsight.render;

/**
 * How current a runbook is. Templates see the state as it was always spelled ({@code ${f.state}},
 * {@code f.state == "stale"}): {@link #toString()} gives that spelling.
 */
public enum FreshnessState implements ShownAsText {
    /** Its review was due before the reference date. */
    STALE("stale", "Stale"),
    /** It falls due for review within {@link Freshness#SOON_DAYS} days. */
    DUE_SOON("due-soon", "Review due soon"),
    FRESH("fresh", "Fresh"),
    /** Without a review date or a reference date. */
    UNKNOWN("unknown", "Review date unknown");

    private final String spelling;
    private final String label;

    FreshnessState(String spelling, String label) {
        this.spelling = spelling;
        this.label = label;
    }

    /** What a page's badge says. */
    public String label() {
        return label;
    }

    /** The state as pages (CSS classes) and {@code api/runbooks.json} spell it: {@code due-soon}. */
    @Override
    public String toString() {
        return spelling;
    }
}
