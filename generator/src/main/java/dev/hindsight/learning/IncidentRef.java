package dev.hindsight.learning;

import dev.hindsight.model.Postmortem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * A postmortem as the learning views name it.
 *
 * @param url  the page path relative to the site root ({@code postmortems/x/index.html}), not encoded
 * @param date the incident's day: its {@code date}, else the UTC day it started; null when neither is given
 */
public record IncidentRef(String id, String title, String url, LocalDate date, String severity,
                          List<String> services) {

    /** Newest first; ties by id. */
    public static final Comparator<IncidentRef> NEWEST_FIRST = Comparator
            .comparing(IncidentRef::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(IncidentRef::id);

    public IncidentRef {
        services = List.copyOf(services);
    }

    static IncidentRef of(Postmortem p) {
        return new IncidentRef(p.id(), p.title(), p.meta().url(), dateOf(p), p.severity(), p.services());
    }

    /** The day an incident counts for (the same as the metrics page's). */
    static LocalDate dateOf(Postmortem p) {
        if (p.meta().date() != null) {
            return p.meta().date();
        }
        return p.incident().started() == null ? null
                : p.incident().started().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** The quarter of a day, as {@code 2025-Q3}. */
    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }
}
