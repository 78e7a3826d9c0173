package dev.hindsight.validate;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.learning.Tickets;

/** The ticket export of {@code tickets.export} can be read: its problems, at their line of the file. */
final class TicketExportRule extends BaseRule {

    TicketExportRule() {
        super(RuleInfo.TICKET_EXPORT);
    }

    @Override
    public void check(Context context, Reporter out) {
        String export = context.config().learning().ticketExport();
        if (export.isEmpty()) {
            return;
        }
        for (Tickets.Problem p : Tickets.load(context.root(), export).problems()) {
            Position at = p.line() < 0 ? Position.ofFile(SiteConfig.FILE_NAME)
                    : p.line() == 0 ? Position.ofFile(export) : Position.of(export, p.line(), 1);
            out.report(at, p.message(), p.line() < 0 ? "check `tickets.export` in hindsight.yml" : "");
        }
    }
}
