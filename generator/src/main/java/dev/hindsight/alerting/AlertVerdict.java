package dev.hindsight.alerting;

import java.util.Locale;
import java.util.Optional;

/**
 * What a postmortem says of an alert it involved ({@code alerts: [{name: X, verdict: false-positive}]}); a plain
 * name ({@code alerts: [X]}) is {@link #UNRATED}.
 */
public enum AlertVerdict {
    ACTIONABLE("actionable"),
    FALSE_POSITIVE("false-positive"),
    NOT_ACTIONABLE("not-actionable"),
    UNRATED("unrated");

    private final String label;

    AlertVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether it counts towards an alert's noise: it fired, and nobody needed to act. */
    public boolean isNoise() {
        return this == FALSE_POSITIVE || this == NOT_ACTIONABLE;
    }

    /** The verdict a front-matter word names ({@code false-positive}, {@code false_positive}, any case). */
    public static Optional<AlertVerdict> parse(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (AlertVerdict v : values()) {
            if (v != UNRATED && v.label.equals(w)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
