package dev.hindsight.render;

import dev.hindsight.model.Postmortem;
import dev.hindsight.text.Slugs;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What templates ask of a value alone: the page of a service or tag (from the site root), the links of
 * tickets, web addresses and contacts, a slug, and the year a postmortem counts in.
 */
final class TemplateHelpers {

    private TemplateHelpers() {
    }

    static String serviceHref(String id) {
        return "services/" + Slugs.slug(id) + "/index.html";
    }

    static String tagHref(String tag) {
        return "tags/" + Slugs.slug(tag) + "/index.html";
    }

    /** The link of a ticket through the site's {@code ticket_url} pattern; "" when there is none. */
    static String ticketHref(String ticketUrl, String ticket) {
        return Links.ticket(ticketUrl, ticket);
    }

    static String webHref(String url) {
        return Links.web(url);
    }

    static String contactHref(String contact) {
        return Links.contact(contact);
    }

    static String slug(String text) {
        return Slugs.slug(text);
    }

    /** Years that have postmortems, newest first. */
    static List<Integer> years(List<Postmortem> postmortems) {
        return postmortems.stream().map(MetricsBuilder::periodDate).filter(d -> d != null).map(LocalDate::getYear)
                .distinct().sorted(Comparator.reverseOrder()).toList();
    }

    /** The year a postmortem counts in, or "" when it has no date. */
    static String year(Postmortem p) {
        LocalDate d = MetricsBuilder.periodDate(p);
        return d == null ? "" : Integer.toString(d.getYear());
    }
}
