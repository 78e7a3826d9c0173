package dev.hindsight.render;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

/**
 * One action item as the tracker shows it.
 *
 * @param state      overdue (open and due before the reference date), open or done
 * @param team       the owner, or "" when none was given
 * @param ticketHref the ticket's link, "" when it has none
 */
public record ActionRow(Postmortem postmortem, ActionItem item, ActionState state, String team, String ticketHref) {

    public boolean overdue() {
        return state == ActionState.OVERDUE;
    }
}
