package dev.hindsight.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A follow-up from a postmortem. {@code due} is null when missing or unreadable ({@code dueText} keeps
 * what was written); {@code owner} and {@code ticket} are empty when none was given; {@code priority} is
 * empty when none was given (a Priority column or {@code priority: P1}); {@code done} is the date it was
 * finished (a Done on column or {@code done: 2024-05-02}), null when not given or unreadable.
 */
public record ActionItem(String action, String owner, LocalDate due, String dueText, Status status, String ticket,
                         int line, String priority, LocalDate done) {

    public ActionItem {
        priority = Objects.requireNonNullElse(priority, "");
    }

    /** An item without priority or completion date. */
    public ActionItem(String action, String owner, LocalDate due, String dueText, Status status, String ticket,
                      int line) {
        this(action, owner, due, dueText, status, ticket, line, "", null);
    }

    public enum Status {
        OPEN, IN_PROGRESS, DONE;

        public String label() {
            return switch (this) {
                case OPEN -> "open";
                case IN_PROGRESS -> "in-progress";
                case DONE -> "done";
            };
        }
    }

    public boolean isOpen() {
        return status != Status.DONE;
    }
}
