package dev.hindsight.render;

import java.util.Optional;

/**
 * Where an action item stands in the tracker. Templates see it as it was always spelled
 * ({@code state-${row.state}}, {@code row.state == "done"}, {@code view.actions("overdue")}):
 * {@link #toString()} gives that spelling.
 */
public enum ActionState implements ShownAsText {
    /** Open and due before the reference date. */
    OVERDUE("overdue"),
    /** Open (in progress included) and not overdue. */
    OPEN("open"),
    DONE("done");

    private final String spelling;

    ActionState(String spelling) {
        this.spelling = spelling;
    }

    /** The state spelled {@code spelling}, or empty for any other text. */
    public static Optional<ActionState> of(String spelling) {
        for (ActionState s : values()) {
            if (s.spelling.equals(spelling)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return spelling;
    }
}
