package dev.hindsight.learning;

import dev.hindsight.model.ActionItem;
import java.time.LocalDate;

/**
 * An action item as the tracker shows it.
 *
 * @param team       the owner when it names a team of the catalog, else the owner team of the postmortem's
 *                   first service, else the owner as written ("" when none)
 * @param commitment whether it has an owner and a due date (an item without either is not yet a commitment)
 * @param objective  the postmortem's date plus the objective of the item's priority; null without one
 * @param daysLate   days past the objective: for an open item until today, for a done one until its done
 *                   date; null when not late or unknown
 * @param ticket     the ticket's status in the export, null when there is no export or it lacks the ticket
 */
public record TrackedAction(IncidentRef postmortem, ActionItem item, String team, boolean commitment,
                            LocalDate objective, Long daysLate, Tickets.Ticket ticket) {
}
