package dev.hindsight.site;

import dev.hindsight.model.Document;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.render.ActionRow;
import dev.hindsight.render.AlertView;
import dev.hindsight.render.RunbookRef;
import dev.hindsight.render.ServiceView;
import dev.hindsight.render.SiteView;
import dev.hindsight.render.TagView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Which pages a preview update must render again: those whose HTML can differ from the last build's.
 * It compares what each page shows in the two builds' views, not the documents themselves: an
 * unchanged document is the same instance in both (the preview reuses what it parsed), so lists are
 * compared by identity, and only the documents that changed are compared field by field — on the
 * fields the page shows of them. A site-wide list of 5,000 runbooks is thus rendered again when a
 * runbook's title changes, but not when its body does.
 *
 * <p>What each page shows is read off the built-in theme's templates. A page whose template the site
 * overrides (or every page, when it overrides {@code layout.ftlh}) may show anything, and is rendered
 * on every update.
 */
final class PageImpact implements Predicate<SiteWriter.Page> {

    static final String LAYOUT = "layout.ftlh";

    private final SiteView before;
    private final SiteView after;
    private final Map<String, SiteWriter.Page> beforeByPath;
    private final Set<String> overridden;
    private final boolean everything;

    /**
     * @param overridden the names of the templates the site's {@code templates/} folder holds
     */
    PageImpact(SiteWriter.Plan before, SiteWriter.Plan after, Set<String> overridden) {
        this.before = before.view();
        this.after = after.view();
        this.beforeByPath = new HashMap<>(before.pages().size() * 2);
        before.pages().forEach(p -> beforeByPath.put(p.path(), p));
        this.overridden = Set.copyOf(overridden);
        this.everything = overridden.contains(LAYOUT);
    }

    @Override
    public boolean test(SiteWriter.Page page) {
        if (everything || overridden.contains(page.template())) {
            return true;
        }
        SiteWriter.Page old = beforeByPath.get(page.path());
        if (old == null || !old.template().equals(page.template()) || !old.section().equals(page.section())) {
            return true;
        }
        Object now = page.subject();
        Object was = old.subject();
        if (now instanceof Document d) {
            if (was != d) {
                return true; // the document changed (or a document took the place of another page)
            }
            if (d instanceof Postmortem p) {
                return !sameList(before.relatedRunbooks(p), after.relatedRunbooks(p), this::sameRef);
            }
            if (d instanceof Runbook r) {
                return !sameList(before.backlinks(r), after.backlinks(r), PageImpact::sameBacklink)
                        || !before.serviceName(r.service()).equals(after.serviceName(r.service()))
                        || !before.freshness(r).equals(after.freshness(r));
            }
            return false;
        }
        if (now instanceof ServiceView s) {
            return !(was instanceof ServiceView o && sameServicePage(o, s));
        }
        if (now instanceof TagView t) {
            return !(was instanceof TagView o && o.slug().equals(t.slug()) && o.name().equals(t.name())
                    && sameList(o.documents(), t.documents(), PageImpact::sameTagEntry));
        }
        if (now instanceof AlertView a) {
            return !(was instanceof AlertView o && o.name().equals(a.name()) && o.segment().equals(a.segment())
                    && sameLink(o.runbook(), a.runbook()) && sameList(o.others(), a.others(), PageImpact::sameLink));
        }
        if (now != null || was != null) {
            return true;
        }
        return !sameSiteWidePage(page.template());
    }

    /** The site-wide pages of the built-in theme, each compared on what it lists. */
    private boolean sameSiteWidePage(String template) {
        return switch (template) {
            case "index.ftlh" -> before.postmortems().size() == after.postmortems().size()
                    && before.runbooks().size() == after.runbooks().size()
                    && sameList(before.recentPostmortems(8), after.recentPostmortems(8), PageImpact::samePostmortemRow)
                    && sameOpenActions()
                    && before.actions(ActionRow.OVERDUE).size() == after.actions(ActionRow.OVERDUE).size()
                    && sameList(before.staleRunbooks(), after.staleRunbooks(), this::sameRunbookRow)
                    && sameList(before.dueSoonRunbooks(), after.dueSoonRunbooks(), this::sameRunbookRow)
                    && sameList(before.others(), after.others(),
                            (a, b) -> sameLink(a, b) && a.meta().kind().equals(b.meta().kind()));
            case "postmortems.ftlh" -> sameList(before.postmortems(), after.postmortems(),
                    PageImpact::samePostmortemRow)
                    && before.severitiesInUse().equals(after.severitiesInUse())
                    && before.years().equals(after.years())
                    && sameList(hit(before), hit(after), (a, b) -> a.slug().equals(b.slug()) && a.id().equals(b.id()));
            case "runbooks.ftlh" -> sameList(before.runbooks(), after.runbooks(), this::sameRunbookRow);
            case "services.ftlh" -> sameList(before.services(), after.services(), PageImpact::sameServiceRow);
            case "tags.ftlh" -> sameList(before.tags(), after.tags(), (a, b) -> a.slug().equals(b.slug())
                    && a.name().equals(b.name()) && a.documents().size() == b.documents().size());
            case "alerts.ftlh" -> sameList(before.alerts(), after.alerts(), (a, b) -> a.name().equals(b.name())
                    && a.path().equals(b.path()) && sameLink(a.runbook(), b.runbook())
                    && a.runbook().service().equals(b.runbook().service())
                    && sameList(a.others(), b.others(), PageImpact::sameLink));
            case "action-items.ftlh" -> sameList(before.actions(), after.actions(), PageImpact::sameActionRow);
            case "metrics.ftlh" -> before.metrics().equals(after.metrics());
            case "search.ftlh", SiteWriter.NOT_FOUND -> true; // the site's configuration only
            default -> false;
        };
    }

    private static List<ServiceView> hit(SiteView view) {
        return view.services().stream().filter(s -> s.incidents() > 0).toList();
    }

    private boolean sameOpenActions() {
        List<ActionRow> a = before.openActions();
        List<ActionRow> b = after.openActions();
        return a.size() == b.size()
                && sameList(a.subList(0, Math.min(10, a.size())), b.subList(0, Math.min(10, b.size())),
                        PageImpact::sameActionRow);
    }

    private boolean sameServicePage(ServiceView a, ServiceView b) {
        return sameServiceRow(a, b) && a.description().equals(b.description()) && a.ttrCount() == b.ttrCount()
                && sameList(a.runbooks(), b.runbooks(),
                        (x, y) -> sameLink(x, y) && before.freshness(x).equals(after.freshness(y)))
                && sameList(a.dependents(), b.dependents(), PageImpact::sameLink)
                && sameList(a.postmortems(), b.postmortems(), PageImpact::samePostmortemRow);
    }

    private static boolean sameServiceRow(ServiceView a, ServiceView b) {
        return a.id().equals(b.id()) && a.slug().equals(b.slug()) && a.name().equals(b.name())
                && a.owner().equals(b.owner()) && a.tier().equals(b.tier()) && a.catalogued() == b.catalogued()
                && a.runbooks().size() == b.runbooks().size() && a.incidents() == b.incidents()
                && a.medianTtr().equals(b.medianTtr());
    }

    private boolean sameRef(RunbookRef a, RunbookRef b) {
        return a.id().equals(b.id()) && (a.runbook() == null ? b.runbook() == null
                : b.runbook() != null && (a.runbook() == b.runbook() || sameLink(a.runbook(), b.runbook())));
    }

    /** A row of the runbook tables: title, link, status, service, owner and freshness. */
    private boolean sameRunbookRow(Runbook a, Runbook b) {
        return sameLink(a, b) && a.meta().status().equals(b.meta().status()) && a.service().equals(b.service())
                && a.owner().equals(b.owner()) && before.freshness(a).equals(after.freshness(b));
    }

    /** A row of the postmortem tables (with the data its filters read). */
    private static boolean samePostmortemRow(Postmortem a, Postmortem b) {
        return sameLink(a, b) && Objects.equals(a.meta().date(), b.meta().date()) && a.id().equals(b.id())
                && a.meta().status().equals(b.meta().status()) && a.severity().equals(b.severity())
                && a.services().equals(b.services()) && a.incident().equals(b.incident());
    }

    /** An incident in a runbook's backlinks. */
    private static boolean sameBacklink(Postmortem a, Postmortem b) {
        return sameLink(a, b) && Objects.equals(a.meta().date(), b.meta().date()) && a.severity().equals(b.severity());
    }

    private static boolean sameTagEntry(Document a, Document b) {
        return sameLink(a, b) && a.meta().kind().equals(b.meta().kind())
                && Objects.equals(a.meta().date(), b.meta().date());
    }

    /** An item of the tracker; its source line only orders items, which the list comparison sees. */
    private static boolean sameActionRow(ActionRow a, ActionRow b) {
        return (a.postmortem() == b.postmortem() || a.postmortem().id().equals(b.postmortem().id())
                && a.postmortem().meta().url().equals(b.postmortem().meta().url()))
                && a.state().equals(b.state()) && a.team().equals(b.team()) && a.ticketHref().equals(b.ticketHref())
                && a.item().action().equals(b.item().action()) && a.item().owner().equals(b.item().owner())
                && Objects.equals(a.item().due(), b.item().due()) && a.item().dueText().equals(b.item().dueText())
                && a.item().status() == b.item().status() && a.item().ticket().equals(b.item().ticket());
    }

    private static boolean sameLink(Document a, Document b) {
        return a == b || a.meta().url().equals(b.meta().url()) && a.title().equals(b.title());
    }

    /** Same length and, position by position, the same element or one the page shows alike. */
    private static <T> boolean sameList(List<? extends T> a, List<? extends T> b, BiPredicate<T, T> alike) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            T x = a.get(i);
            T y = b.get(i);
            if (x != y && !alike.test(x, y)) {
                return false;
            }
        }
        return true;
    }
}
