package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.learning.Tickets;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Postmortem;

/**
 * An action item's status agrees with its ticket's in the export: an item open here whose ticket is
 * closed, or done here whose ticket is open, is reported at the item's line.
 */
final class TicketStatusRule extends BaseRule {

    TicketStatusRule() {
        super(RuleInfo.TICKET_STATUS);
    }

    @Override
    public void check(Context context, Reporter out) {
        String export = context.config().learning().ticketExport();
        if (export.isEmpty()) {
            return;
        }
        Tickets tickets = Tickets.load(context.root(), export);
        for (Postmortem pm : context.kb().postmortems()) {
            for (ActionItem item : pm.actionItems()) {
                tickets.find(item.ticket()).ifPresent(t -> {
                    Position at = Position.of(pm.meta().sourcePath(), item.line(), 1);
                    if (item.isOpen() && t.closed()) {
                        out.report(at, ActionItemRule.quoted(item) + " is " + item.status().label() + " here, but ticket "
                                        + t.key() + " is " + t.status() + " in " + export,
                                "mark the item done (and when), or reopen the ticket");
                    } else if (!item.isOpen() && !t.closed()) {
                        out.report(at, ActionItemRule.quoted(item) + " is done here, but ticket " + t.key()
                                        + " is still " + t.status() + " in " + export,
                                "close the ticket, or reopen the item");
                    }
                });
            }
        }
    }
}
