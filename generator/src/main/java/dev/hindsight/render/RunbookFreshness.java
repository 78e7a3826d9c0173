package dev.hindsight.render;

import dev.hindsight.model.Runbook;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Each runbook's review state against the reference date, and the runbooks to review. */
final class RunbookFreshness {

    private final List<Runbook> byTitle;
    private final Map<Runbook, Freshness> freshness;
    private final LocalDate today;
    private final Lazy<List<Runbook>> stale = new Lazy<>(() -> byDue(FreshnessState.STALE));
    private final Lazy<List<Runbook>> dueSoon = new Lazy<>(() -> byDue(FreshnessState.DUE_SOON));

    /**
     * @param byTitle   the runbooks, by title
     * @param freshness each runbook's freshness (an identity map: runbooks are told apart by instance)
     * @param today     the reference date, or null
     */
    RunbookFreshness(List<Runbook> byTitle, Map<Runbook, Freshness> freshness, LocalDate today) {
        this.byTitle = byTitle;
        this.freshness = freshness;
        this.today = today;
    }

    /** @param reviewDue when a runbook's next review is due (null when unknown) */
    static RunbookFreshness of(List<Runbook> byTitle, Function<Runbook, LocalDate> reviewDue, LocalDate today) {
        Map<Runbook, Freshness> fresh = new IdentityHashMap<>();
        for (Runbook r : byTitle) {
            fresh.put(r, Freshness.of(reviewDue.apply(r), today));
        }
        return new RunbookFreshness(byTitle, fresh, today);
    }

    /** The freshness of each runbook, by instance (read by the incremental patch). */
    Map<Runbook, Freshness> byRunbook() {
        return freshness;
    }

    Freshness of(Runbook r) {
        Freshness f = freshness.get(r);
        return f != null ? f : Freshness.of(null, today);
    }

    /** Runbooks whose review is overdue, most overdue first. */
    List<Runbook> stale() {
        return stale.get();
    }

    /** Runbooks falling due for review within {@link Freshness#SOON_DAYS} days, soonest first. */
    List<Runbook> dueSoon() {
        return dueSoon.get();
    }

    private List<Runbook> byDue(FreshnessState state) {
        return byTitle.stream().filter(r -> of(r).state() == state)
                .sorted(Comparator.comparing((Runbook r) -> of(r).due()).thenComparing(Listings.BY_PATH)).toList();
    }
}
