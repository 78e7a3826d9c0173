package dev.hindsight.render;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

/**
 * One action item as the tracker shows it.
 *
 * @param state      {@code overdue} (open and due before the reference date), {@code open} or {@code done}
 * @param team       the owner, or "" when none was given
 * @param ticketHref the ticket's link, "" when it has none
 */
public record ActionRow(Postmortem postmortem, ActionItem item, String state, String team, String ticketHref) {

    public static final String OVERDUE = "overdue";
    public static final String OPEN = "open";
    public static final String DONE = "done";

    public boolean overdue() {
        return OVERDUE.equals(state);
    }
}
