package dev.hindsight.render;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    private final SiteConfig config;
    private final LocalDate today;
    private final List<Postmortem> postmortems;
    private final List<Runbook> runbooks;
    private final List<GenericDocument> others;
    private final Map<String, Runbook> runbookById;
    private final Map<String, List<Postmortem>> backlinks;
    private final Map<Runbook, Freshness> freshness;
    private final List<ActionRow> actions;
    private final List<ServiceView> services;
    private final Map<String, ServiceView> serviceBySlug;
    private final Map<Postmortem, List<ActionRow>> actionsByPostmortem;
    private final List<TagView> tags;
    private final List<AlertView> alerts;
    private final MetricsView metrics;

    public SiteView(KnowledgeBase kb, ServiceCatalog catalog, SiteConfig config) {
        this.config = config;
        this.today = kb.referenceDate().orElse(null);
        List<Postmortem> pms = new ArrayList<>(kb.postmortems());
        pms.sort(NEWEST_FIRST);
        this.postmortems = List.copyOf(pms);
        List<Runbook> rbs = new ArrayList<>(kb.runbooks());
        rbs.sort(BY_TITLE);
        this.runbooks = List.copyOf(rbs);
        this.others = kb.documents().stream().filter(GenericDocument.class::isInstance)
                .map(GenericDocument.class::cast).sorted(BY_TITLE).toList();

        Map<String, Runbook> ids = new HashMap<>();
        kb.runbooks().forEach(r -> ids.putIfAbsent(r.id(), r));
        this.runbookById = Map.copyOf(ids);
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
        this.services = services(catalog, postmortems, runbooks);
        Map<String, ServiceView> bySlug = new HashMap<>();
        services.forEach(v -> bySlug.put(v.slug(), v));
        this.serviceBySlug = Map.copyOf(bySlug);
        Map<Postmortem, List<ActionRow>> byPm = new IdentityHashMap<>();
        for (ActionRow r : actions) {
            byPm.computeIfAbsent(r.postmortem(), k -> new ArrayList<>()).add(r);
        }
        byPm.values().forEach(l -> l.sort(Comparator.comparingInt(r -> r.item().line())));
        this.actionsByPostmortem = byPm;
        this.tags = tags(kb.documents());
        this.alerts = alerts(kb.runbooks());
        this.metrics = MetricsBuilder.build(postmortems, config.validation().severities());
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
        return byDue("stale");
    }

    /** Runbooks falling due for review within {@link Freshness#SOON_DAYS} days, soonest first. */
    public List<Runbook> dueSoonRunbooks() {
        return byDue("due-soon");
    }

    private List<Runbook> byDue(String state) {
        return runbooks.stream().filter(r -> freshness(r).state().equals(state))
                .sorted(Comparator.comparing((Runbook r) -> freshness(r).due()).thenComparing(BY_PATH)).toList();
    }

    /** Postmortems whose {@code runbooks:} names this runbook, newest first. */
    public List<Postmortem> backlinks(Runbook r) {
        return backlinks.getOrDefault(r.id(), List.of());
    }

    /** The runbooks a postmortem names, in its order; unknown ids keep a null runbook. */
    public List<RunbookRef> relatedRunbooks(Postmortem p) {
        return p.runbooks().stream().distinct().map(id -> new RunbookRef(id, runbookById.get(id))).toList();
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
        return actions.stream().filter(r -> r.state().equals(state)).toList();
    }

    /** Open items, overdue or not, by due date. */
    public List<ActionRow> openActions() {
        return actions.stream().filter(r -> !r.state().equals(ActionRow.DONE)).toList();
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

    private static List<ServiceView> services(ServiceCatalog catalog, List<Postmortem> postmortems,
                                              List<Runbook> runbooks) {
        TreeMap<String, String> ids = new TreeMap<>();
        Map<String, Service> entries = new HashMap<>();
        for (Service s : catalog.services()) {
            ids.putIfAbsent(Slugs.slug(s.id()), s.id());
            entries.putIfAbsent(Slugs.slug(s.id()), s);
        }
        Map<String, List<Runbook>> own = new HashMap<>();
        Map<String, List<Runbook>> dependents = new HashMap<>();
        Map<String, List<Postmortem>> hit = new HashMap<>();
        for (Postmortem p : postmortems) {
            for (String id : p.services()) {
                addOnce(hit, ids, id, p);
            }
        }
        for (Runbook r : runbooks) {
            if (!r.service().isEmpty()) {
                addOnce(own, ids, r.service(), r);
            }
            for (String id : r.dependencies()) {
                addOnce(dependents, ids, id, r);
            }
        }
        List<ServiceView> out = new ArrayList<>();
        ids.forEach((slug, id) -> {
            Service entry = entries.get(slug);
            List<Postmortem> incidents = hit.getOrDefault(slug, List.of());
            List<Long> ttr = MetricsBuilder.minutes(incidents, p -> p.incident().timeToResolve());
            Long median = Stats.median(ttr);
            out.add(new ServiceView(id, slug, entry == null ? id : entry.name(), entry == null ? "" : entry.owner(),
                    entry == null ? "" : entry.tier(), entry == null ? "" : entry.description(), entry != null,
                    own.getOrDefault(slug, List.of()), dependents.getOrDefault(slug, List.of()), incidents,
                    median == null ? "" : Formats.human(Duration.ofMinutes(median)), ttr.size()));
        });
        return List.copyOf(out);
    }

    /** Adds {@code doc} under the slug of {@code id} unless it is already the last one there (lists keep input order). */
    private static <T> void addOnce(Map<String, List<T>> map, TreeMap<String, String> ids, String id, T doc) {
        String slug = Slugs.slug(id);
        ids.putIfAbsent(slug, id);
        List<T> list = map.computeIfAbsent(slug, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != doc) {
            list.add(doc);
        }
    }

    /** Every service named by the catalog or by a document, by slug. */
    public List<ServiceView> services() {
        return services;
    }

    public Optional<ServiceView> service(String id) {
        return Optional.ofNullable(serviceBySlug.get(Slugs.slug(id)));
    }

    /** The page of a service id, from the site root. */
    public String serviceHref(String id) {
        return "services/" + Slugs.slug(id) + "/index.html";
    }

    /** A service's display name: its catalog name, else its id. */
    public String serviceName(String id) {
        return service(id).map(ServiceView::name).orElse(id);
    }

    // ---- tags -----------------------------------------------------------------------------------

    private static List<TagView> tags(List<Document> documents) {
        TreeMap<String, List<Document>> bySlug = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Document d : documents) {
            for (String tag : d.meta().tags()) {
                String slug = Slugs.slug(tag);
                names.putIfAbsent(slug, tag);
                List<Document> list = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != d) {
                    list.add(d);
                }
            }
        }
        List<TagView> out = new ArrayList<>();
        bySlug.forEach((slug, docs) -> {
            List<Document> sorted = new ArrayList<>(docs);
            sorted.sort(Comparator.comparing((Document d) -> d instanceof Postmortem ? 0 : d instanceof Runbook ? 1 : 2)
                    .thenComparing((Document d) -> d.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(BY_TITLE));
            out.add(new TagView(slug, names.get(slug), sorted));
        });
        return List.copyOf(out);
    }

    /** Every tag, by slug. */
    public List<TagView> tags() {
        return tags;
    }

    public String tagHref(String tag) {
        return "tags/" + Slugs.slug(tag) + "/index.html";
    }

    // ---- alerts ---------------------------------------------------------------------------------

    private static List<AlertView> alerts(List<Runbook> byPath) {
        TreeMap<String, List<Runbook>> byName = new TreeMap<>();
        for (Runbook r : byPath) {
            for (String a : r.alerts()) {
                if (!a.isBlank()) {
                    List<Runbook> list = byName.computeIfAbsent(a.strip(), k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != r) {
                        list.add(r);
                    }
                }
            }
        }
        List<AlertView> out = new ArrayList<>();
        byName.forEach((name, rbs) -> out.add(new AlertView(name, Slugs.segment(name), rbs.get(0),
                rbs.subList(1, rbs.size()))));
        return List.copyOf(out);
    }

    /** Every alert named by a runbook, by name. */
    public List<AlertView> alerts() {
        return alerts;
    }

    public String alertHref(String name) {
        return "alerts/" + Slugs.segment(name.strip()) + "/index.html";
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

    public String ticketHref(String ticket) {
        return Links.ticket(config.ticketUrl(), ticket);
    }

    public String webHref(String url) {
        return Links.web(url);
    }

    public String contactHref(String contact) {
        return Links.contact(contact);
    }

    public String slug(String text) {
        return Slugs.slug(text);
    }
}
