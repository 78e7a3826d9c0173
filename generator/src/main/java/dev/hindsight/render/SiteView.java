package dev.hindsight.render;

import dev.hindsight.text.Slugs;
import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the pages show beyond one document, worked out once per build from the published
 * knowledge base: sorted lists, backlinks, service and tag pages, the action-item tracker, runbook
 * freshness, alert pages and the metrics. Immutable, so pages can render in parallel. Every list is
 * sorted with ties broken on the source path, so the output never depends on map or thread order.
 * Page paths here are relative to the site root; templates put {@code root} in front.
 */
public final class SiteView {

    private static final Comparator<Document> BY_PATH = Comparator.comparing(d -> d.meta().sourcePath());
    /** Newest first; undated last. */
    static final Comparator<Postmortem> NEWEST_FIRST = Comparator.comparing((Postmortem p) -> p.meta().date(),
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(BY_PATH);
    private static final Comparator<Document> BY_TITLE = Comparator.comparing(
            (Document d) -> d.title().toLowerCase(Locale.ROOT)).thenComparing(BY_PATH);

    /** Tag pages list postmortems, then runbooks, then other documents; newest first; then by title. */
    private static final Comparator<Document> TAG_ORDER = Comparator
            .comparing((Document d) -> d instanceof Postmortem ? 0 : d instanceof Runbook ? 1 : 2)
            .thenComparing((Document d) -> d.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(BY_TITLE);

    /** What review dates are worked out against: the Git history of the site and its fallback setting. */
    private final KnowledgeBase reference;
    private final SiteConfig config;
    private final LocalDate today;
    private final Catalog catalog;
    private final List<Postmortem> postmortems;
    private final List<Runbook> runbooks;
    private final List<GenericDocument> others;
    /** Runbooks by id, each list by path: a postmortem's link goes to the first. */
    private final Map<String, List<Runbook>> runbooksById;
    private final Map<String, List<Postmortem>> backlinks;
    private final Map<Runbook, Freshness> freshness;
    private final List<ActionRow> actions;
    private final Map<Postmortem, List<ActionRow>> actionsByPostmortem;
    private final List<ServiceView> services;
    private final List<TagView> tags;
    private final List<AlertView> alerts;
    private final MetricsView metrics;
    private final LearningViews learning;
    private final AlertPages alertPages;

    public SiteView(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config) {
        this(kb, catalog, config, LearningViews.of(kb, catalog, config, null), AlertPages.none());
    }

    /**
     * @param learning   what the site learns across its postmortems, from the same {@code kb}
     * @param alertPages the alert pages of the build ({@link AlertPages}, from its alert catalog)
     */
    public SiteView(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config, LearningViews learning,
                    AlertPages alertPages) {
        this.learning = learning;
        this.alertPages = alertPages;
        this.reference = kb;
        this.config = config;
        this.today = kb.referenceDate().orElse(null);
        this.catalog = Catalog.of(catalog);
        List<Postmortem> pms = new ArrayList<>(kb.postmortems());
        pms.sort(NEWEST_FIRST);
        this.postmortems = List.copyOf(pms);
        List<Runbook> rbs = new ArrayList<>(kb.runbooks());
        rbs.sort(BY_TITLE);
        this.runbooks = List.copyOf(rbs);
        this.others = kb.documents().stream().filter(GenericDocument.class::isInstance)
                .map(GenericDocument.class::cast).sorted(BY_TITLE).toList();
        Map<String, List<Runbook>> ids = new HashMap<>();
        kb.runbooks().forEach(r -> addOnce(ids, r.id(), r));
        this.runbooksById = ids;
        Map<String, List<Postmortem>> back = new HashMap<>();
        for (Postmortem p : postmortems) {
            for (String id : p.runbooks()) {
                List<Postmortem> list = back.computeIfAbsent(id, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != p) {
                    list.add(p);
                }
            }
        }
        this.backlinks = back;
        Map<Runbook, Freshness> fresh = new IdentityHashMap<>();
        for (Runbook r : runbooks) {
            fresh.put(r, Freshness.of(kb.effectiveReviewDue(r).orElse(null), today));
        }
        this.freshness = fresh;
        this.actions = actionRows(postmortems, config, today);
        Map<Postmortem, List<ActionRow>> byPm = new IdentityHashMap<>();
        for (ActionRow r : actions) {
            byPm.computeIfAbsent(r.postmortem(), k -> new ArrayList<>()).add(r);
        }
        byPm.values().forEach(l -> l.sort(BY_LINE));
        this.actionsByPostmortem = byPm;
        this.services = List.copyOf(services(this.catalog, postmortems, runbooks).values());
        this.tags = List.copyOf(tags(kb.documents()).values());
        this.alerts = List.copyOf(alerts(kb.runbooks()).values());
        this.metrics = MetricsBuilder.build(postmortems, config.validation().severities());
    }

    /**
     * The view of this view's documents without those {@code gone} and with those {@code added} (an
     * edited document is in both: its old instance gone, its new one added), with the same catalog,
     * configuration, Git history and reference date. Equal to {@code new SiteView(kb, catalog, config)}
     * for the knowledge base of those documents, at a cost that grows with the change rather than with
     * the site: each list is patched, and only the services, tags, alerts and backlinks that the
     * changed documents name are worked out again.
     */
    public SiteView next(Collection<? extends Document> gone, Collection<? extends Document> added) {
        return next(gone, added, alertPages);
    }

    /** As {@link #next(Collection, Collection)}, with the alert pages of the new documents. */
    public SiteView next(Collection<? extends Document> gone, Collection<? extends Document> added,
                         AlertPages alertPages) {
        return new SiteView(this, Changes.of(gone, added), alertPages);
    }

    private SiteView(SiteView previous, Changes c, AlertPages alertPages) {
        this.alertPages = alertPages;
        this.reference = previous.reference;
        this.config = previous.config;
        this.today = previous.today;
        this.catalog = previous.catalog;
        boolean pmChanged = !c.gonePostmortems.isEmpty() || !c.addedPostmortems.isEmpty();
        boolean rbChanged = !c.goneRunbooks.isEmpty() || !c.addedRunbooks.isEmpty();
        this.postmortems = patch(previous.postmortems, c.gone, c.addedPostmortems, NEWEST_FIRST);
        this.runbooks = patch(previous.runbooks, c.gone, c.addedRunbooks, BY_TITLE);
        this.others = patch(previous.others, c.gone, c.addedOthers, BY_TITLE);
        Map<String, List<Runbook>> ids = previous.runbooksById;
        if (rbChanged) {
            ids = new HashMap<>(previous.runbooksById);
            Set<String> touched = new TreeSet<>();
            c.runbooks().forEach(r -> touched.add(r.id()));
            for (String id : touched) {
                List<Runbook> list = patch(ids.getOrDefault(id, List.of()), c.gone,
                        c.addedRunbooks.stream().filter(r -> r.id().equals(id)).toList(), BY_PATH);
                if (list.isEmpty()) {
                    ids.remove(id);
                } else {
                    ids.put(id, list);
                }
            }
        }
        this.runbooksById = ids;

        Map<String, List<Postmortem>> back = previous.backlinks;
        if (pmChanged) {
            back = new HashMap<>(previous.backlinks);
            for (String id : c.named(Postmortem::runbooks)) {
                List<Postmortem> list = patch(back.getOrDefault(id, List.of()), c.gone,
                        c.addedPostmortems.stream().filter(p -> p.runbooks().contains(id)).toList(), NEWEST_FIRST);
                if (list.isEmpty()) {
                    back.remove(id);
                } else {
                    back.put(id, list);
                }
            }
        }
        this.backlinks = back;

        Map<Runbook, Freshness> fresh = previous.freshness;
        if (rbChanged) {
            fresh = new IdentityHashMap<>(previous.freshness);
            c.goneRunbooks.forEach(fresh::remove);
            for (Runbook r : c.addedRunbooks) {
                fresh.put(r, Freshness.of(reference.effectiveReviewDue(r).orElse(null), today));
            }
        }
        this.freshness = fresh;

        if (pmChanged) {
            List<ActionRow> rows = new ArrayList<>(previous.actions);
            rows.removeIf(r -> c.gone.contains(r.postmortem()));
            Map<Postmortem, List<ActionRow>> byPm = new IdentityHashMap<>(previous.actionsByPostmortem);
            c.gonePostmortems.forEach(byPm::remove);
            for (Postmortem p : c.addedPostmortems) {
                for (ActionRow r : actionRows(List.of(p), config, today)) {
                    rows.add(upperBound(rows, r, BY_DUE), r);
                }
            }
            this.actions = List.copyOf(rows);
            for (Postmortem p : c.addedPostmortems) {
                List<ActionRow> own = new ArrayList<>();
                for (ActionRow r : actions) {
                    if (r.postmortem() == p) {
                        own.add(r);
                    }
                }
                own.sort(BY_LINE);
                if (!own.isEmpty()) {
                    byPm.put(p, own);
                }
            }
            this.actionsByPostmortem = byPm;
        } else {
            this.actions = previous.actions;
            this.actionsByPostmortem = previous.actionsByPostmortem;
        }

        Set<String> serviceSlugs = new TreeSet<>();
        c.named(Postmortem::services).forEach(id -> serviceSlugs.add(Slugs.slug(id)));
        for (Runbook r : c.runbooks()) {
            if (!r.service().isEmpty()) {
                serviceSlugs.add(Slugs.slug(r.service()));
            }
            r.dependencies().forEach(id -> serviceSlugs.add(Slugs.slug(id)));
        }
        TreeMap<String, ServiceView> serviceUpdates = new TreeMap<>();
        for (String slug : serviceSlugs) {
            ServiceView old = find(previous.services, ServiceView::slug, slug);
            List<Postmortem> incidents = patch(old == null ? List.of() : old.postmortems(), c.gone,
                    c.addedPostmortems.stream().filter(p -> names(p.services(), slug)).toList(), NEWEST_FIRST);
            List<Runbook> own = patch(old == null ? List.of() : old.runbooks(), c.gone,
                    c.addedRunbooks.stream().filter(r -> ownedBy(r, slug)).toList(), BY_TITLE);
            List<Runbook> dependents = patch(old == null ? List.of() : old.dependents(), c.gone,
                    c.addedRunbooks.stream().filter(r -> names(r.dependencies(), slug)).toList(), BY_TITLE);
            boolean exists = catalog.entries.containsKey(slug) || !incidents.isEmpty() || !own.isEmpty()
                    || !dependents.isEmpty();
            serviceUpdates.put(slug, exists ? service(slug, catalog, incidents, own, dependents) : null);
        }
        this.services = replace(previous.services, ServiceView::slug, serviceUpdates);

        Set<String> tagSlugs = new TreeSet<>();
        for (Document d : c.all()) {
            d.meta().tags().forEach(t -> tagSlugs.add(Slugs.slug(t)));
        }
        TreeMap<String, TagView> tagUpdates = new TreeMap<>();
        for (String slug : tagSlugs) {
            TagView old = find(previous.tags, TagView::slug, slug);
            List<Document> docs = patch(old == null ? List.of() : old.documents(), c.gone,
                    c.added.stream().filter(d -> names(d.meta().tags(), slug)).toList(), TAG_ORDER);
            tagUpdates.put(slug, docs.isEmpty() ? null : tag(slug, docs));
        }
        this.tags = replace(previous.tags, TagView::slug, tagUpdates);

        Set<String> alertNames = new TreeSet<>();
        for (Runbook r : c.runbooks()) {
            r.alerts().stream().filter(a -> !a.isBlank()).forEach(a -> alertNames.add(a.strip()));
        }
        TreeMap<String, AlertView> alertUpdates = new TreeMap<>();
        for (String name : alertNames) {
            AlertView old = find(previous.alerts, AlertView::name, name);
            List<Runbook> listing = new ArrayList<>();
            if (old != null) {
                listing.add(old.runbook());
                listing.addAll(old.others());
            }
            listing = patch(listing, c.gone, c.addedRunbooks.stream()
                    .filter(r -> r.alerts().stream().anyMatch(a -> !a.isBlank() && a.strip().equals(name)))
                    .toList(), BY_PATH);
            alertUpdates.put(name, listing.isEmpty() ? null : alert(name, listing));
        }
        this.alerts = replace(previous.alerts, AlertView::name, alertUpdates);

        this.learning = previous.learning.next(concat(postmortems, runbooks, others));
        this.metrics = !pmChanged || c.sameMetricFacts() ? previous.metrics
                : MetricsBuilder.build(postmortems, config.validation().severities());
    }

    /** The documents of one update, by kind; {@code gone} and {@code added} hold instances, not paths. */
    private static final class Changes {
        final Set<Document> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Document> added = new ArrayList<>();
        final List<Postmortem> gonePostmortems = new ArrayList<>();
        final List<Runbook> goneRunbooks = new ArrayList<>();
        final List<Postmortem> addedPostmortems = new ArrayList<>();
        final List<Runbook> addedRunbooks = new ArrayList<>();
        final List<GenericDocument> addedOthers = new ArrayList<>();

        static Changes of(Collection<? extends Document> gone, Collection<? extends Document> added) {
            Changes c = new Changes();
            for (Document d : gone) {
                c.gone.add(d);
                if (d instanceof Postmortem p) {
                    c.gonePostmortems.add(p);
                } else if (d instanceof Runbook r) {
                    c.goneRunbooks.add(r);
                }
            }
            for (Document d : added) {
                c.added.add(d);
                if (d instanceof Postmortem p) {
                    c.addedPostmortems.add(p);
                } else if (d instanceof Runbook r) {
                    c.addedRunbooks.add(r);
                } else if (d instanceof GenericDocument g) {
                    c.addedOthers.add(g);
                }
            }
            return c;
        }

        List<Document> all() {
            List<Document> out = new ArrayList<>(gone);
            out.addAll(added);
            return out;
        }

        List<Runbook> runbooks() {
            List<Runbook> out = new ArrayList<>(goneRunbooks);
            out.addAll(addedRunbooks);
            return out;
        }

        /** The values {@code field} gives for the postmortems gone and added. */
        Set<String> named(Function<Postmortem, List<String>> field) {
            Set<String> out = new TreeSet<>();
            gonePostmortems.forEach(p -> out.addAll(field.apply(p)));
            addedPostmortems.forEach(p -> out.addAll(field.apply(p)));
            return out;
        }

        /**
         * Whether every postmortem gone came back at the same path with the same figures for the
         * metrics (date, severity, incident times, action items and their state).
         */
        boolean sameMetricFacts() {
            if (gonePostmortems.size() != addedPostmortems.size()) {
                return false;
            }
            Map<String, Postmortem> byPath = new HashMap<>();
            gonePostmortems.forEach(p -> byPath.put(p.meta().sourcePath(), p));
            for (Postmortem a : addedPostmortems) {
                Postmortem b = byPath.get(a.meta().sourcePath());
                if (b == null || !Objects.equals(a.meta().date(), b.meta().date()) || !a.severity().equals(b.severity())
                        || !a.incident().equals(b.incident())
                        || !a.actionItems().stream().map(ActionItem::status).toList()
                                .equals(b.actionItems().stream().map(ActionItem::status).toList())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code list} (sorted by {@code order}) without the instances in {@code gone} and with {@code added}. */
    private static <T> List<T> patch(List<T> list, Set<Document> gone, List<? extends T> added,
                                     Comparator<? super T> order) {
        List<T> out = new ArrayList<>(list.size() + added.size());
        for (T x : list) {
            if (!gone.contains(x)) {
                out.add(x);
            }
        }
        if (out.size() == list.size() && added.isEmpty()) {
            return list;
        }
        for (T x : added) {
            out.add(upperBound(out, x, order), x);
        }
        return List.copyOf(out);
    }

    /** Where {@code x} goes in {@code sorted} to keep it sorted, after any elements equal to it. */
    private static <T> int upperBound(List<? extends T> sorted, T x, Comparator<? super T> order) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(sorted.get(mid), x) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The element of {@code sorted} (sorted by {@code key}) whose key is {@code k}, or null. */
    private static <T> T find(List<T> sorted, Function<T, String> key, String k) {
        int lo = 0;
        int hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = key.apply(sorted.get(mid)).compareTo(k);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return sorted.get(mid);
            }
        }
        return null;
    }

    /**
     * {@code sorted} (sorted by {@code key}) with the elements of {@code updates} in place of those with
     * the same key, inserted where there were none, and removed where the update is null.
     */
    private static <T> List<T> replace(List<T> sorted, Function<T, String> key, TreeMap<String, T> updates) {
        if (updates.isEmpty()) {
            return sorted;
        }
        List<T> out = new ArrayList<>(sorted.size() + updates.size());
        var pending = updates.entrySet().iterator();
        Map.Entry<String, T> next = pending.next();
        for (T x : sorted) {
            String k = key.apply(x);
            while (next != null && next.getKey().compareTo(k) < 0) {
                if (next.getValue() != null) {
                    out.add(next.getValue());
                }
                next = pending.hasNext() ? pending.next() : null;
            }
            if (next != null && next.getKey().equals(k)) {
                if (next.getValue() != null) {
                    out.add(next.getValue());
                }
                next = pending.hasNext() ? pending.next() : null;
            } else {
                out.add(x);
            }
        }
        while (next != null) {
            if (next.getValue() != null) {
                out.add(next.getValue());
            }
            next = pending.hasNext() ? pending.next() : null;
        }
        return List.copyOf(out);
    }

    private static boolean names(List<String> ids, String slug) {
        for (String id : ids) {
            if (Slugs.slug(id).equals(slug)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownedBy(Runbook r, String slug) {
        return !r.service().isEmpty() && Slugs.slug(r.service()).equals(slug);
    }

    // ---- documents ------------------------------------------------------------------------------

    /** Every postmortem, newest first. */
    public List<Postmortem> postmortems() {
        return postmortems;
    }

    public List<Postmortem> recentPostmortems(int n) {
        return postmortems.subList(0, Math.min(n, postmortems.size()));
    }

    /** Every runbook, by title. */
    public List<Runbook> runbooks() {
        return runbooks;
    }

    /** Documents of site-defined kinds, by title. */
    public List<GenericDocument> others() {
        return others;
    }

    /** "Today" for overdue and stale; null when the build has no reference date. */
    public LocalDate referenceDate() {
        return today;
    }

    // ---- runbooks -------------------------------------------------------------------------------

    public Freshness freshness(Runbook r) {
        Freshness f = freshness.get(r);
        return f != null ? f : Freshness.of(null, today);
    }

    /** Runbooks whose review is overdue, most overdue first. */
    public List<Runbook> staleRunbooks() {
        return stale.get();
    }

    /** Runbooks falling due for review within {@link Freshness#SOON_DAYS} days, soonest first. */
    public List<Runbook> dueSoonRunbooks() {
        return dueSoon.get();
    }

    // Derived lists the templates ask for more than once: worked out on first use.
    private final Lazy<List<Runbook>> stale = new Lazy<>(() -> byDue("stale"));
    private final Lazy<List<Runbook>> dueSoon = new Lazy<>(() -> byDue("due-soon"));
    private final Lazy<List<ActionRow>> overdueActions = new Lazy<>(() -> inState(ActionRow.OVERDUE));
    private final Lazy<List<ActionRow>> openActionsOnly = new Lazy<>(() -> inState(ActionRow.OPEN));
    private final Lazy<List<ActionRow>> doneActions = new Lazy<>(() -> inState(ActionRow.DONE));
    private final Lazy<List<ActionRow>> openActions = new Lazy<>(() ->
            actions().stream().filter(r -> !r.state().equals(ActionRow.DONE)).toList());

    /** A value worked out once, on first use, by whichever rendering thread asks first. */
    private static final class Lazy<T> {
        private Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = supplier.get();
                        value = v;
                        supplier = null;
                    }
                }
            }
            return v;
        }
    }

    private List<Runbook> byDue(String state) {
        return runbooks.stream().filter(r -> freshness(r).state().equals(state))
                .sorted(Comparator.comparing((Runbook r) -> freshness(r).due()).thenComparing(BY_PATH)).toList();
    }

    /** Postmortems whose {@code runbooks:} names this runbook, newest first. */
    public List<Postmortem> backlinks(Runbook r) {
        return backlinks(r.id());
    }

    /** Postmortems whose {@code runbooks:} names {@code runbookId}, newest first. */
    public List<Postmortem> backlinks(String runbookId) {
        return backlinks.getOrDefault(runbookId, List.of());
    }

    /** The runbooks a postmortem names, in its order; unknown ids keep a null runbook. */
    public List<RunbookRef> relatedRunbooks(Postmortem p) {
        return p.runbooks().stream().distinct().map(id -> {
            List<Runbook> withId = runbooksById.get(id);
            return new RunbookRef(id, withId == null ? null : withId.get(0));
        }).toList();
    }

    // ---- action items ---------------------------------------------------------------------------

    private static List<ActionRow> actionRows(List<Postmortem> postmortems, SiteConfig config, LocalDate today) {
        List<ActionRow> rows = new ArrayList<>();
        for (Postmortem p : postmortems) {
            for (ActionItem a : p.actionItems()) {
                String state = !a.isOpen() ? ActionRow.DONE
                        : today != null && a.due() != null && a.due().isBefore(today) ? ActionRow.OVERDUE
                        : ActionRow.OPEN;
                rows.add(new ActionRow(p, a, state, a.owner(), Links.ticket(config.ticketUrl(), a.ticket())));
            }
        }
        rows.sort(BY_DUE);
        return List.copyOf(rows);
    }

    private static final Comparator<ActionRow> BY_LINE = Comparator.comparingInt(r -> r.item().line());

    private static final Comparator<ActionRow> BY_DUE = Comparator
            .comparing((ActionRow r) -> r.item().due(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> r.postmortem().meta().sourcePath())
            .thenComparingInt(r -> r.item().line());

    /** Every action item, by due date (undated last), then postmortem and line. */
    public List<ActionRow> actions() {
        return actions;
    }

    /** The action items of one postmortem, in the order written. */
    public List<ActionRow> actions(Postmortem p) {
        return actionsByPostmortem.getOrDefault(p, List.of());
    }

    /** Items in {@code state} ({@code overdue}, {@code open} or {@code done}), by due date. */
    public List<ActionRow> actions(String state) {
        return switch (state) {
            case ActionRow.OVERDUE -> overdueActions.get();
            case ActionRow.OPEN -> openActionsOnly.get();
            case ActionRow.DONE -> doneActions.get();
            default -> inState(state);
        };
    }

    private List<ActionRow> inState(String state) {
        return actions().stream().filter(r -> r.state().equals(state)).toList();
    }

    /** Open items, overdue or not, by due date. */
    public List<ActionRow> openActions() {
        return openActions.get();
    }

    /** Items in {@code state} grouped by owner team (teams by name, unowned last), each group by due date. */
    public List<TeamGroup> actionGroups(String state) {
        TreeMap<String, List<ActionRow>> byTeam = new TreeMap<>(Comparator
                .comparing((String t) -> t.isEmpty()).thenComparing(t -> t.toLowerCase(Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));
        for (ActionRow r : actions(state)) {
            byTeam.computeIfAbsent(r.team(), k -> new ArrayList<>()).add(r);
        }
        List<TeamGroup> out = new ArrayList<>();
        byTeam.forEach((team, rows) -> out.add(new TeamGroup(team, rows)));
        return out;
    }

    // ---- services -------------------------------------------------------------------------------

    /** The catalog's entries by slug: the first entry of each slug. */
    private record Catalog(Map<String, Service> entries) {
        static Catalog of(ServiceCatalog catalog) {
            Map<String, Service> entries = new HashMap<>();
            for (Service s : catalog.services()) {
                entries.putIfAbsent(Slugs.slug(s.id()), s);
            }
            return new Catalog(Map.copyOf(entries));
        }
    }

    private static TreeMap<String, ServiceView> services(Catalog catalog, List<Postmortem> postmortems,
                                                         List<Runbook> runbooks) {
        Map<String, List<Postmortem>> hit = new HashMap<>();
        Map<String, List<Runbook>> own = new HashMap<>();
        Map<String, List<Runbook>> dependents = new HashMap<>();
        for (Postmortem p : postmortems) {
            for (String id : p.services()) {
                addOnce(hit, Slugs.slug(id), p);
            }
        }
        for (Runbook r : runbooks) {
            if (!r.service().isEmpty()) {
                addOnce(own, Slugs.slug(r.service()), r);
            }
            for (String id : r.dependencies()) {
                addOnce(dependents, Slugs.slug(id), r);
            }
        }
        TreeSet<String> slugs = new TreeSet<>(catalog.entries().keySet());
        slugs.addAll(hit.keySet());
        slugs.addAll(own.keySet());
        slugs.addAll(dependents.keySet());
        TreeMap<String, ServiceView> out = new TreeMap<>();
        for (String slug : slugs) {
            out.put(slug, service(slug, catalog, hit.getOrDefault(slug, List.of()), own.getOrDefault(slug, List.of()),
                    dependents.getOrDefault(slug, List.of())));
        }
        return out;
    }

    /**
     * The page of one service. Its id is the catalog's, else the first spelling of it met going
     * through the postmortems newest first, then the runbooks by title (each runbook's own service
     * before its dependencies).
     */
    private static ServiceView service(String slug, Catalog catalog, List<Postmortem> incidents, List<Runbook> own,
                                       List<Runbook> dependents) {
        Service entry = catalog.entries().get(slug);
        String id = entry != null ? entry.id() : firstSpelling(slug, incidents, own, dependents);
        List<Long> ttr = MetricsBuilder.minutes(incidents, p -> p.incident().timeToResolve());
        Long median = Stats.median(ttr);
        return new ServiceView(id, slug, entry == null ? id : entry.name(), entry == null ? "" : entry.owner(),
                entry == null ? "" : entry.tier(), entry == null ? "" : entry.description(), entry != null,
                own, dependents, incidents, median == null ? "" : Formats.human(Duration.ofMinutes(median)), ttr.size(),
                entry == null ? new Service(id, id, "", "", "") : entry);
    }

    private static String firstSpelling(String slug, List<Postmortem> incidents, List<Runbook> own,
                                        List<Runbook> dependents) {
        for (Postmortem p : incidents) {
            for (String id : p.services()) {
                if (Slugs.slug(id).equals(slug)) {
                    return id;
                }
            }
        }
        Set<Runbook> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Runbook> runbooks = new ArrayList<>();
        for (Runbook r : own) {
            if (seen.add(r)) {
                runbooks.add(r);
            }
        }
        for (Runbook r : dependents) {
            if (seen.add(r)) {
                runbooks.add(r);
            }
        }
        runbooks.sort(BY_TITLE);
        for (Runbook r : runbooks) {
            if (ownedBy(r, slug)) {
                return r.service();
            }
            for (String id : r.dependencies()) {
                if (Slugs.slug(id).equals(slug)) {
                    return id;
                }
            }
        }
        throw new IllegalStateException("no document names service " + slug);
    }

    /** Adds {@code doc} under {@code key} unless it is already the last one there (lists keep input order). */
    private static <T> void addOnce(Map<String, List<T>> map, String key, T doc) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != doc) {
            list.add(doc);
        }
    }

    /** Every service named by the catalog or by a document, by slug. */
    public List<ServiceView> services() {
        return services;
    }

    public Optional<ServiceView> service(String id) {
        return Optional.ofNullable(find(services, ServiceView::slug, Slugs.slug(id)));
    }

    /** The page of a service id, from the site root. */
    @ArgumentsOnly
    public String serviceHref(String id) {
        return "services/" + Slugs.slug(id) + "/index.html";
    }

    /** A service's display name: its catalog name, else its id. */
    public String serviceName(String id) {
        return service(id).map(ServiceView::name).orElse(id);
    }

    // ---- tags -----------------------------------------------------------------------------------

    private static TreeMap<String, TagView> tags(List<Document> documents) {
        Map<String, List<Document>> bySlug = new HashMap<>();
        for (Document d : documents) {
            for (String tag : d.meta().tags()) {
                addOnce(bySlug, Slugs.slug(tag), d);
            }
        }
        TreeMap<String, TagView> out = new TreeMap<>();
        bySlug.forEach((slug, docs) -> {
            List<Document> sorted = new ArrayList<>(docs);
            sorted.sort(TAG_ORDER);
            out.put(slug, tag(slug, sorted));
        });
        return out;
    }

    /** A tag's page; its name is the tag as first written, going through the documents by path. */
    private static TagView tag(String slug, List<Document> sorted) {
        Document first = sorted.get(0);
        for (Document d : sorted) {
            if (d.meta().sourcePath().compareTo(first.meta().sourcePath()) < 0) {
                first = d;
            }
        }
        for (String tag : first.meta().tags()) {
            if (Slugs.slug(tag).equals(slug)) {
                return new TagView(slug, tag, sorted);
            }
        }
        throw new IllegalStateException(first.meta().sourcePath() + " has no tag " + slug);
    }

    /** Every tag, by slug. */
    public List<TagView> tags() {
        return tags;
    }

    @ArgumentsOnly
    public String tagHref(String tag) {
        return "tags/" + Slugs.slug(tag) + "/index.html";
    }

    // ---- alerts ---------------------------------------------------------------------------------

    private static TreeMap<String, AlertView> alerts(List<Runbook> byPath) {
        Map<String, List<Runbook>> byName = new HashMap<>();
        for (Runbook r : byPath) {
            for (String a : r.alerts()) {
                if (!a.isBlank()) {
                    addOnce(byName, a.strip(), r);
                }
            }
        }
        TreeMap<String, AlertView> out = new TreeMap<>();
        byName.forEach((name, rbs) -> out.put(name, alert(name, rbs)));
        return out;
    }

    /** An alert's page, for the runbooks (by path) that list it. */
    private static AlertView alert(String name, List<Runbook> byPath) {
        return new AlertView(name, Slugs.segment(name), byPath.get(0), byPath.subList(1, byPath.size()));
    }

    /** Every alert named by a runbook, by name. */
    public List<AlertView> alerts() {
        return alerts;
    }

    /**
     * A document's body as its page shows it: headings with permalinks, the table of contents, a
     * runbook's alerts as anchors and, for a postmortem with tracked action items, the slot for them.
     * {@code bodyHtml} is the document's rendered body (the template passes it).
     */
    @ArgumentsOnly
    public DocumentPage page(Document d, String bodyHtml) {
        List<String> alerts = d instanceof Runbook r ? r.alerts() : List.of();
        boolean slot = d instanceof Postmortem p && !actions(p).isEmpty();
        return DocumentPage.of(bodyHtml, alerts, slot);
    }

    /**
     * The fragment ("#..." or "") of the part of an alert's runbook that handles it: a heading naming
     * the alert, else its first mention, else Mitigation, else the top.
     */
    @ArgumentsOnly
    public String alertFragment(AlertView a, String runbookHtml) {
        String fragment = page(a.runbook(), runbookHtml).alertFragment(a.name());
        return fragment.isEmpty() ? "" : "#" + fragment;
    }

    // ---- the rest -------------------------------------------------------------------------------

    public MetricsView metrics() {
        return metrics;
    }

    /** Severity values for the postmortem filter: the site's order, then any others in use. */
    public List<String> severitiesInUse() {
        return metrics.severities().stream()
                .filter(s -> postmortems.stream().anyMatch(p -> s.equals(p.severity().isEmpty()
                        ? MetricsBuilder.UNSPECIFIED : p.severity())))
                .toList();
    }

    /** Years that have postmortems, newest first. */
    public List<Integer> years() {
        return postmortems.stream().map(MetricsBuilder::periodDate).filter(d -> d != null).map(LocalDate::getYear)
                .distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The year a postmortem counts in, or "" when it has no date. */
    public String year(Postmortem p) {
        LocalDate d = MetricsBuilder.periodDate(p);
        return d == null ? "" : Integer.toString(d.getYear());
    }

    @ArgumentsOnly
    public String ticketHref(String ticket) {
        return Links.ticket(config.ticketUrl(), ticket);
    }

    @ArgumentsOnly
    public String webHref(String url) {
        return Links.web(url);
    }

    @ArgumentsOnly
    public String contactHref(String contact) {
        return Links.contact(contact);
    }

    @ArgumentsOnly
    public String slug(String text) {
        return Slugs.slug(text);
    }

    // ---- learning from incidents (LearningViews) --------------------------------------------------

    private static List<Document> concat(List<? extends Document> a, List<? extends Document> b,
                                         List<? extends Document> c) {
        List<Document> out = new ArrayList<>(a.size() + b.size() + c.size());
        out.addAll(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    LearningViews learning() {
        return learning;
    }

    public List<LearningViews.PatternView> patterns() {
        return learning.patterns();
    }

    public List<dev.hindsight.learning.Predecessor> predecessors(Postmortem p) {
        return learning.predecessors(p);
    }

    public List<dev.hindsight.config.ContributingFactor> taxonomy() {
        return learning.taxonomy();
    }

    public List<dev.hindsight.learning.FactorIncidents> factors() {
        return learning.factors();
    }

    public LearningViews.FactorView factor(String id) {
        return learning.factor(id);
    }

    @ArgumentsOnly
    public String factorLabel(String id) {
        return learning.factorLabel(id);
    }

    @ArgumentsOnly
    public String factorHref(String id) {
        return LearningViews.factorPath(id);
    }

    @ArgumentsOnly
    public String teamHref(String team) {
        return LearningViews.teamPath(team);
    }

    public List<String> oncallTeams() {
        return learning.teams();
    }

    public LearningViews.OncallView oncall(String team) {
        return learning.oncall(team);
    }

    public dev.hindsight.learning.RunbookUsage runbookUsage(Runbook r) {
        return learning.usage(r);
    }

    public dev.hindsight.learning.UsageLedger usageLedger() {
        return learning.ledger();
    }

    @ArgumentsOnly
    public dev.hindsight.learning.TrackedAction tracking(Postmortem p, int line) {
        return learning.tracking(p, line);
    }

    public LearningViews.LearningMetrics learningMetrics() {
        return learning.metrics();
    }

    // ---- alert pages (AlertPages) ----------------------------------------------------------------

    /** The alert pages of this build: one per alert a rule defines. */
    public List<AlertPages.AlertPage> alertPages() {
        return alertPages.pages();
    }

    /** Whether the alert has its own page (a rule defines it) rather than a redirect to its runbook. */
    public boolean alertDefined(String name) {
        return alertPages.defined(name);
    }

    /** The {@code alerts/} index: coverage, then every alert with a page, gaps and the noisiest first. */
    public AlertPages.AlertIndex alertIndex() {
        return alertPages.index();
    }

    /** The defined alerts whose runbook is {@code runbook} ("Fired by" on its page). */
    public List<AlertPages.FiredBy> firedBy(Document runbook) {
        return alertPages.firedBy(runbook);
    }

    /** The fragment ("#…" or "") of the part of {@code runbook} that handles alert {@code name}. */
    @ArgumentsOnly
    public String handlingFragment(Document runbook, String runbookHtml, String name) {
        String fragment = page(runbook, runbookHtml).alertFragment(name);
        return fragment.isEmpty() ? "" : "#" + fragment;
    }

    /** That part of {@code runbook} as HTML for the alert's page at {@code pagePath} ({@link AlertHandling}). */
    @ArgumentsOnly
    public String alertHandling(Document runbook, String runbookHtml, String name, String pagePath) {
        DocumentPage p = page(runbook, runbookHtml);
        return AlertHandling.html(p, p.alertFragment(name), runbook.meta().url(), pagePath);
    }
}
