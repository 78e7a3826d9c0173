package dev.hindsight.model;

import java.time.LocalDate;

/**
 * A follow-up from a postmortem. {@code due} is null when missing or unreadable ({@code dueText} keeps
 * what was written); {@code owner} and {@code ticket} are empty when none was given.
 */
public record ActionItem(String action, String owner, LocalDate due, String dueText, Status status, String ticket,
                         int line) {

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
