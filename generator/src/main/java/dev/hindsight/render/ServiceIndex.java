package dev.hindsight.render;

import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.model.Postmortem;
import dev.hindsight.model.Runbook;
import dev.hindsight.text.Slugs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The service pages: every service named by the catalog or by a document, by slug, with its runbooks,
 * the runbooks depending on it and the incidents that hit it.
 *
 * @param catalog  the catalog's entries by slug: the first entry of each slug
 * @param services every service, by slug
 */
record ServiceIndex(Map<String, Service> catalog, List<ServiceView> services) {

    /**
     * @param newestFirst the postmortems, newest first
     * @param byTitle     the runbooks, by title
     */
    static ServiceIndex of(ServiceCatalog serviceCatalog, List<Postmortem> newestFirst, List<Runbook> byTitle) {
        Map<String, Service> catalog = catalog(serviceCatalog);
        Map<String, List<Postmortem>> hit = new HashMap<>();
        Map<String, List<Runbook>> own = new HashMap<>();
        Map<String, List<Runbook>> dependents = new HashMap<>();
        for (Postmortem p : newestFirst) {
            for (String id : p.services()) {
                Listings.addOnce(hit, Slugs.slug(id), p);
            }
        }
        for (Runbook r : byTitle) {
            if (!r.service().isEmpty()) {
                Listings.addOnce(own, Slugs.slug(r.service()), r);
            }
            for (String id : r.dependencies()) {
                Listings.addOnce(dependents, Slugs.slug(id), r);
            }
        }
        TreeSet<String> slugs = new TreeSet<>(catalog.keySet());
        slugs.addAll(hit.keySet());
        slugs.addAll(own.keySet());
        slugs.addAll(dependents.keySet());
        TreeMap<String, ServiceView> out = new TreeMap<>();
        for (String slug : slugs) {
            out.put(slug, service(slug, catalog, hit.getOrDefault(slug, List.of()), own.getOrDefault(slug, List.of()),
                    dependents.getOrDefault(slug, List.of())));
        }
        return new ServiceIndex(catalog, List.copyOf(out.values()));
    }

    private static Map<String, Service> catalog(ServiceCatalog catalog) {
        Map<String, Service> entries = new HashMap<>();
        for (Service s : catalog.services()) {
            entries.putIfAbsent(Slugs.slug(s.id()), s);
        }
        return Map.copyOf(entries);
    }

    /** The service of id {@code id} (compared by slug). */
    Optional<ServiceView> find(String id) {
        return Optional.ofNullable(Listings.find(services, ServiceView::slug, Slugs.slug(id)));
    }

    /** A service's display name: its catalog name, else its id. */
    String name(String id) {
        return find(id).map(ServiceView::name).orElse(id);
    }

    /**
     * The page of one service. Its id is the catalog's, else the first spelling of it met going
     * through the postmortems newest first, then the runbooks by title (each runbook's own service
     * before its dependencies).
     */
    static ServiceView service(String slug, Map<String, Service> catalog, List<Postmortem> incidents,
                               List<Runbook> own, List<Runbook> dependents) {
        Service entry = catalog.get(slug);
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
        runbooks.sort(Listings.BY_TITLE);
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

    /** Whether one of {@code ids} has slug {@code slug}. */
    static boolean names(List<String> ids, String slug) {
        for (String id : ids) {
            if (Slugs.slug(id).equals(slug)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code r}'s own service has slug {@code slug}. */
    static boolean ownedBy(Runbook r, String slug) {
        return !r.service().isEmpty() && Slugs.slug(r.service()).equals(slug);
    }
}
