package dev.hindsight.site;

import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.render.ActionRow;
import dev.hindsight.render.AlertView;
import dev.hindsight.render.RunbookRef;
import dev.hindsight.render.ServiceView;
import dev.hindsight.render.SiteView;
import dev.hindsight.render.TagView;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which pages a preview update must render again: those whose HTML can differ from the last build's.
 * It compares what each page shows in the two builds' views, not the documents themselves: an
 * unchanged document is the same instance in both (the preview reuses what it parsed), and so are the
 * service, tag and alert views the change does not touch ({@link SiteView#next}). Only the documents
 * that changed are compared field by field, on the fields a page shows of them. A list of 5,000
 * runbooks is thus rendered again when a runbook's title changes, but not when its body does.
 *
 * <p>What each page shows is read off the built-in theme's templates. A page whose template the site
 * overrides (every page, when it overrides {@code layout.ftlh}) may show anything, and is rendered on
 * every update.
 */
final class PageImpact implements Predicate<SiteWriter.Page> {

    static final String LAYOUT = "layout.ftlh";

    private final SiteWriter.Plan beforePlan;
    private final SiteWriter.Plan afterPlan;
    /** Paths whose subject went away: removed pages, unless another subject now has the path. */
    private final Set<String> freed = new TreeSet<>();
    private final SiteView before;
    private final SiteView after;
    private final Set<String> overridden;
    private final boolean everything;
    private final boolean postmortemsChanged;
    private final boolean runbooksChanged;
    private final boolean othersChanged;
    /** Documents, services, tags and alerts (instances of the new view) whose own pages differ. */
    private final Set<Object> subjects = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean servicesListed;
    private boolean tagsListed;
    private boolean alertsListed;

    /**
     * @param gone       the documents of {@code before} that {@code after} does not have (by instance)
     * @param added      the documents of {@code after} that {@code before} does not have
     * @param overridden the names of the templates the site's {@code templates/} folder holds
     */
    PageImpact(SiteWriter.Plan before, SiteWriter.Plan after, List<Document> gone, List<Document> added,
               Set<String> overridden) {
        this.beforePlan = before;
        this.afterPlan = after;
        this.before = before.view();
        this.after = after.view();
        this.overridden = Set.copyOf(overridden);
        this.everything = overridden.contains(LAYOUT);
        this.postmortemsChanged = gone.stream().anyMatch(Postmortem.class::isInstance)
                || added.stream().anyMatch(Postmortem.class::isInstance);
        this.runbooksChanged = gone.stream().anyMatch(Runbook.class::isInstance)
                || added.stream().anyMatch(Runbook.class::isInstance);
        this.othersChanged = gone.stream().anyMatch(GenericDocument.class::isInstance)
                || added.stream().anyMatch(GenericDocument.class::isInstance);
        subjects.addAll(added);
        gone.forEach(d -> freed.add(SiteWriter.pathOf(d)));
        documentPages(gone, added);
        servicesListed = merge(this.before.services(), this.after.services(), ServiceView::slug,
                this::sameServicePage, PageImpact::sameServiceRow);
        tagsListed = merge(this.before.tags(), this.after.tags(), TagView::slug,
                (a, b) -> sameTagRow(a, b) && sameList(a.documents(), b.documents(), PageImpact::sameTagEntry),
                PageImpact::sameTagRow);
        alertsListed = merge(this.before.alerts(), this.after.alerts(), AlertView::name,
                PageImpact::sameAlertPage, (a, b) -> sameAlertPage(a, b)
                        && a.runbook().service().equals(b.runbook().service()));
    }

    /** The pages of unchanged documents that show something of a changed one. */
    private void documentPages(List<Document> gone, List<Document> added) {
        // A postmortem shows the title of each runbook it names (the first runbook by path with that id).
        Set<String> runbookIds = new TreeSet<>();
        Set<String> namedByPostmortems = new TreeSet<>();
        for (List<Document> docs : List.of(gone, added)) {
            for (Document d : docs) {
                if (d instanceof Runbook r) {
                    runbookIds.add(r.id());
                } else if (d instanceof Postmortem p) {
                    namedByPostmortems.addAll(p.runbooks());
                }
            }
        }
        for (String id : runbookIds) {
            for (SiteView view : List.of(before, after)) {
                for (Postmortem p : view.backlinks(id)) {
                    if (!subjects.contains(p)
                            && !sameList(before.relatedRunbooks(p), after.relatedRunbooks(p), PageImpact::sameRef)) {
                        subjects.add(p);
                    }
                }
            }
        }
        // A runbook shows the incidents that name its id, and the name of its service.
        if (!namedByPostmortems.isEmpty()) {
            for (Runbook r : after.runbooks()) {
                if (namedByPostmortems.contains(r.id()) && !subjects.contains(r)
                        && !sameList(before.backlinks(r), after.backlinks(r), PageImpact::sameBacklink)) {
                    subjects.add(r);
                }
            }
        }
        merge(before.services(), after.services(), ServiceView::slug, (a, b) -> {
            if (!a.name().equals(b.name())) {
                b.runbooks().forEach(subjects::add);
            }
            return true;
        }, (a, b) -> true);
    }

    /**
     * The pages of the new plan to render: those of the changed subjects, the site-wide ones that
     * changed, and those now at a path another subject had. When the site overrides templates, every
     * page is tested.
     */
    List<SiteWriter.Page> pages() {
        if (!overridden.isEmpty()) {
            return afterPlan.pages().stream().filter(this).toList();
        }
        Set<String> paths = new java.util.LinkedHashSet<>(SiteWriter.SITE_WIDE_PATHS);
        subjects.forEach(s -> paths.add(SiteWriter.pathOf(s)));
        paths.addAll(freed);
        List<SiteWriter.Page> out = new java.util.ArrayList<>();
        for (String path : paths) {
            SiteWriter.Page page = afterPlan.byPath().get(path);
            if (page != null && test(page)) {
                out.add(page);
            }
        }
        return out;
    }

    /** The paths of the last plan's pages that the new plan no longer has. */
    List<String> removed() {
        return freed.stream().filter(p -> !afterPlan.byPath().containsKey(p)).toList();
    }

    @Override
    public boolean test(SiteWriter.Page page) {
        if (everything || overridden.contains(page.template())) {
            return true;
        }
        SiteWriter.Page old = beforePlan.byPath().get(page.path());
        if (old == null || !sameSubject(old.subject(), page.subject())
                || !old.template().equals(page.template()) || !old.section().equals(page.section())) {
            return true; // a new page, or another document, service, tag or alert now has this path
        }
        return page.subject() != null ? subjects.contains(page.subject()) : !sameSiteWidePage(page.template());
    }

    /** Whether two pages are about the same thing: the instances may change between builds, this not. */
    private static boolean sameSubject(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Document x && b instanceof Document y) {
            return x.meta().sourcePath().equals(y.meta().sourcePath());
        }
        if (a instanceof ServiceView x && b instanceof ServiceView y) {
            return x.slug().equals(y.slug());
        }
        if (a instanceof TagView x && b instanceof TagView y) {
            return x.slug().equals(y.slug());
        }
        return a instanceof AlertView x && b instanceof AlertView y && x.name().equals(y.name());
    }

    /** The site-wide pages of the built-in theme, each compared on what it lists. */
    private boolean sameSiteWidePage(String template) {
        return switch (template) {
            case "index.ftlh" -> before.postmortems().size() == after.postmortems().size()
                    && before.runbooks().size() == after.runbooks().size()
                    && (!postmortemsChanged || sameList(before.recentPostmortems(8), after.recentPostmortems(8),
                            PageImpact::samePostmortemRow)
                            && sameOpenActions()
                            && before.actions(ActionRow.OVERDUE).size() == after.actions(ActionRow.OVERDUE).size())
                    && (!runbooksChanged || sameList(before.staleRunbooks(), after.staleRunbooks(), this::sameRunbookRow)
                            && sameList(before.dueSoonRunbooks(), after.dueSoonRunbooks(), this::sameRunbookRow))
                    && (!othersChanged || sameList(before.others(), after.others(),
                            (a, b) -> sameLink(a, b) && a.meta().kind().equals(b.meta().kind())));
            case "postmortems.ftlh" -> !postmortemsChanged || sameList(before.postmortems(), after.postmortems(),
                    PageImpact::samePostmortemRow)
                    && before.severitiesInUse().equals(after.severitiesInUse())
                    && before.years().equals(after.years())
                    && sameList(hit(before), hit(after), (a, b) -> a.slug().equals(b.slug()) && a.id().equals(b.id()));
            case "runbooks.ftlh" -> !runbooksChanged
                    || sameList(before.runbooks(), after.runbooks(), this::sameRunbookRow);
            case "services.ftlh" -> !servicesListed;
            case "tags.ftlh" -> !tagsListed;
            case "alerts.ftlh" -> !alertsListed;
            case "action-items.ftlh" -> !postmortemsChanged
                    || sameList(before.actions(), after.actions(), PageImpact::sameActionRow);
            case "metrics.ftlh" -> !postmortemsChanged || before.metrics().equals(after.metrics());
            case "search.ftlh", SiteWriter.NOT_FOUND -> true; // the site's configuration only
            default -> false;
        };
    }

    /**
     * Walks two lists sorted by {@code key}: every element of {@code after} that is new, or is another
     * instance than before and not {@code samePage}, has its page rendered. Returns whether the list
     * of them changed: an element came or went, or one is not {@code sameRow}.
     */
    private <T> boolean merge(List<T> before, List<T> after, Function<T, String> key, BiPredicate<T, T> samePage,
                              BiPredicate<T, T> sameRow) {
        boolean listed = before.size() != after.size();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int c = i == before.size() ? 1 : j == after.size() ? -1
                    : key.apply(before.get(i)).compareTo(key.apply(after.get(j)));
            if (c < 0) {
                listed = true;
                freed.add(SiteWriter.pathOf(before.get(i++)));
            } else if (c > 0) {
                listed = true;
                subjects.add(after.get(j++));
            } else {
                T a = before.get(i++);
                T b = after.get(j++);
                if (a != b) {
                    if (!samePage.test(a, b)) {
                        subjects.add(b);
                    }
                    listed |= !sameRow.test(a, b);
                }
            }
        }
        return listed;
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

    private static boolean sameTagRow(TagView a, TagView b) {
        return a.slug().equals(b.slug()) && a.name().equals(b.name()) && a.documents().size() == b.documents().size();
    }

    private static boolean sameAlertPage(AlertView a, AlertView b) {
        return a.name().equals(b.name()) && a.segment().equals(b.segment()) && sameLink(a.runbook(), b.runbook())
                && sameList(a.others(), b.others(), PageImpact::sameLink);
    }

    private static boolean sameRef(RunbookRef a, RunbookRef b) {
        return a.id().equals(b.id()) && (a.runbook() == null ? b.runbook() == null
                : b.runbook() != null && sameLink(a.runbook(), b.runbook()));
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
