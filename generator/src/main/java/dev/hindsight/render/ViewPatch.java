package dev.hindsight.render;

import dev.hindsight.model.ActionItem;
import dev.hindsight.model.Document;
import dev.hindsight.model.GenericDocument;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.text.Slugs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The preview's second derivation of the view: the parts of a view of some documents, patched into those
 * of the same documents without those {@code gone} and with those {@code added}, at a cost that grows with
 * the change rather than with the site. Each list is patched, and only the services, tags, alerts and
 * backlinks the changed documents name are worked out again. It must equal {@link ViewParts#of} for the
 * knowledge base of those documents ({@code ViewPatchTest} checks it).
 *
 * <p>Kept because working the view out afresh costs too much for the preview's budget (one file saved →
 * pages written in ≤ 100 ms at 10,000 documents): measured on the generated corpus
 * ({@code bench/CorpusGenerator.java --no-git}, one runbook's title edited; CPU time of one thread for the view
 * and the lists the home page asks for), a fresh view took about 20 ms at 1,000 documents and 290–340 ms at
 * 10,000, the patch under 1 ms and about 10 ms.
 */
final class ViewPatch {

    private ViewPatch() {
    }

    /**
     * The parts of {@code previous}'s documents without those {@code gone} and with those {@code added}
     * (an edited document is in both: its old instance gone, its new one added), with the same catalog,
     * configuration, Git history and reference date.
     */
    static ViewParts next(ViewParts previous, Collection<? extends Document> gone,
                          Collection<? extends Document> added) {
        Changes c = Changes.of(gone, added);
        boolean pmChanged = !c.gonePostmortems.isEmpty() || !c.addedPostmortems.isEmpty();
        boolean rbChanged = !c.goneRunbooks.isEmpty() || !c.addedRunbooks.isEmpty();
        DocumentLists before = previous.documents();
        DocumentLists docs = new DocumentLists(
                patch(before.postmortems(), c.gone, c.addedPostmortems, Listings.NEWEST_FIRST),
                patch(before.runbooks(), c.gone, c.addedRunbooks, Listings.BY_TITLE),
                patch(before.others(), c.gone, c.addedOthers, Listings.BY_TITLE));
        return new ViewParts(previous.reference(), previous.config(), previous.today(), docs,
                backlinks(previous.backlinks(), c, pmChanged, rbChanged),
                rbChanged ? freshness(previous, docs, c) : previous.freshness(),
                pmChanged ? actions(previous, c) : previous.actions(),
                services(previous.services(), c),
                tags(previous.tags(), c),
                alerts(previous.alerts(), c),
                !pmChanged || c.sameMetricFacts() ? previous.metrics()
                        : MetricsBuilder.build(docs.postmortems(), previous.config().validation().severities()));
    }

    private static Backlinks backlinks(Backlinks previous, Changes c, boolean pmChanged, boolean rbChanged) {
        Map<String, List<Runbook>> ids = previous.runbooksById();
        if (rbChanged) {
            ids = new HashMap<>(ids);
            Set<String> touched = new TreeSet<>();
            c.runbooks().forEach(r -> touched.add(r.id()));
            for (String id : touched) {
                List<Runbook> list = patch(ids.getOrDefault(id, List.of()), c.gone,
                        c.addedRunbooks.stream().filter(r -> r.id().equals(id)).toList(), Listings.BY_PATH);
                if (list.isEmpty()) {
                    ids.remove(id);
                } else {
                    ids.put(id, list);
                }
            }
        }
        Map<String, List<Postmortem>> back = previous.byRunbookId();
        if (pmChanged) {
            back = new HashMap<>(back);
            for (String id : c.named(Postmortem::runbooks)) {
                List<Postmortem> list = patch(back.getOrDefault(id, List.of()), c.gone,
                        c.addedPostmortems.stream().filter(p -> p.runbooks().contains(id)).toList(),
                        Listings.NEWEST_FIRST);
                if (list.isEmpty()) {
                    back.remove(id);
                } else {
                    back.put(id, list);
                }
            }
        }
        return new Backlinks(ids, back);
    }

    private static RunbookFreshness freshness(ViewParts previous, DocumentLists docs, Changes c) {
        Map<Runbook, Freshness> fresh = new IdentityHashMap<>(previous.freshness().byRunbook());
        c.goneRunbooks.forEach(fresh::remove);
        for (Runbook r : c.addedRunbooks) {
            fresh.put(r, Freshness.of(previous.reference().effectiveReviewDue(r).orElse(null), previous.today()));
        }
        return new RunbookFreshness(docs.runbooks(), fresh, previous.today());
    }

    private static ActionItems actions(ViewParts previous, Changes c) {
        List<ActionRow> rows = new ArrayList<>(previous.actions().all());
        rows.removeIf(r -> c.gone.contains(r.postmortem()));
        Map<Postmortem, List<ActionRow>> byPm = new IdentityHashMap<>(previous.actions().byPostmortem());
        c.gonePostmortems.forEach(byPm::remove);
        String ticketUrl = previous.config().ticketUrl();
        for (Postmortem p : c.addedPostmortems) {
            for (ActionRow r : ActionItems.rows(List.of(p), t -> Links.ticket(ticketUrl, t), previous.today())) {
                rows.add(upperBound(rows, r, ActionItems.BY_DUE), r);
            }
        }
        List<ActionRow> all = List.copyOf(rows);
        for (Postmortem p : c.addedPostmortems) {
            List<ActionRow> own = new ArrayList<>();
            for (ActionRow r : all) {
                if (r.postmortem() == p) {
                    own.add(r);
                }
            }
            own.sort(ActionItems.BY_LINE);
            if (!own.isEmpty()) {
                byPm.put(p, own);
            }
        }
        return new ActionItems(all, byPm);
    }

    private static ServiceIndex services(ServiceIndex previous, Changes c) {
        Set<String> slugs = new TreeSet<>();
        c.named(Postmortem::services).forEach(id -> slugs.add(Slugs.slug(id)));
        for (Runbook r : c.runbooks()) {
            if (!r.service().isEmpty()) {
                slugs.add(Slugs.slug(r.service()));
            }
            r.dependencies().forEach(id -> slugs.add(Slugs.slug(id)));
        }
        TreeMap<String, ServiceView> updates = new TreeMap<>();
        for (String slug : slugs) {
            ServiceView old = Listings.find(previous.services(), ServiceView::slug, slug);
            List<Postmortem> incidents = patch(old == null ? List.of() : old.postmortems(), c.gone,
                    c.addedPostmortems.stream().filter(p -> ServiceIndex.names(p.services(), slug)).toList(),
                    Listings.NEWEST_FIRST);
            List<Runbook> own = patch(old == null ? List.of() : old.runbooks(), c.gone,
                    c.addedRunbooks.stream().filter(r -> ServiceIndex.ownedBy(r, slug)).toList(), Listings.BY_TITLE);
            List<Runbook> dependents = patch(old == null ? List.of() : old.dependents(), c.gone,
                    c.addedRunbooks.stream().filter(r -> ServiceIndex.names(r.dependencies(), slug)).toList(),
                    Listings.BY_TITLE);
            boolean exists = previous.catalog().containsKey(slug) || !incidents.isEmpty() || !own.isEmpty()
                    || !dependents.isEmpty();
            updates.put(slug, exists ? ServiceIndex.service(slug, previous.catalog(), incidents, own, dependents)
                    : null);
        }
        return new ServiceIndex(previous.catalog(), replace(previous.services(), ServiceView::slug, updates));
    }

    private static TagIndex tags(TagIndex previous, Changes c) {
        Set<String> slugs = new TreeSet<>();
        for (Document d : c.all()) {
            d.meta().tags().forEach(t -> slugs.add(Slugs.slug(t)));
        }
        TreeMap<String, TagView> updates = new TreeMap<>();
        for (String slug : slugs) {
            TagView old = Listings.find(previous.tags(), TagView::slug, slug);
            List<Document> docs = patch(old == null ? List.of() : old.documents(), c.gone,
                    c.added.stream().filter(d -> ServiceIndex.names(d.meta().tags(), slug)).toList(),
                    Listings.TAG_ORDER);
            updates.put(slug, docs.isEmpty() ? null : TagIndex.tag(slug, docs));
        }
        return new TagIndex(replace(previous.tags(), TagView::slug, updates));
    }

    private static AlertIndex alerts(AlertIndex previous, Changes c) {
        Set<String> names = new TreeSet<>();
        for (Runbook r : c.runbooks()) {
            r.alerts().stream().filter(a -> !a.isBlank()).forEach(a -> names.add(a.strip()));
        }
        TreeMap<String, AlertView> updates = new TreeMap<>();
        for (String name : names) {
            AlertView old = Listings.find(previous.alerts(), AlertView::name, name);
            List<Runbook> listing = new ArrayList<>();
            if (old != null) {
                listing.add(old.runbook());
                listing.addAll(old.others());
            }
            listing = patch(listing, c.gone, c.addedRunbooks.stream()
                    .filter(r -> r.alerts().stream().anyMatch(a -> !a.isBlank() && a.strip().equals(name)))
                    .toList(), Listings.BY_PATH);
            updates.put(name, listing.isEmpty() ? null : AlertIndex.alert(name, listing));
        }
        return new AlertIndex(replace(previous.alerts(), AlertView::name, updates));
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
    static <T> List<T> patch(List<T> list, Set<Document> gone, List<? extends T> added, Comparator<? super T> order) {
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
    static <T> int upperBound(List<? extends T> sorted, T x, Comparator<? super T> order) {
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

    /**
     * {@code sorted} (sorted by {@code key}) with the elements of {@code updates} in place of those with
     * the same key, inserted where there were none, and removed where the update is null.
     */
    static <T> List<T> replace(List<T> sorted, Function<T, String> key, TreeMap<String, T> updates) {
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
}
