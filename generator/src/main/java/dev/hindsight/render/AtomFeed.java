package dev.hindsight.render;

import dev.hindsight.config.SiteConfig;
import dev.hindsight.git.FileHistory;
import dev.hindsight.model.KnowledgeBase;
import dev.hindsight.model.Postmortem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The Atom 1.0 feed of postmortems, newest first, at most {@link #MAX_ENTRIES}. Atom wants absolute
 * IRIs for ids and links, so the feed is only written when the site has a {@code base_url}. An entry
 * is published on the postmortem's date and updated at its last commit (else its date), so the feed
 * is the same for the same repository state.
 */
public final class AtomFeed {

    public static final int MAX_ENTRIES = 100;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_INSTANT;

    private final SiteConfig config;
    private final SiteUrls urls;

    public AtomFeed(SiteConfig config, SiteUrls urls) {
        this.config = config;
        this.urls = urls;
    }

    public String write(SiteView view, KnowledgeBase kb) {
        List<Postmortem> entries = view.postmortems().subList(0, Math.min(MAX_ENTRIES, view.postmortems().size()));
        Instant feedUpdated = Instant.EPOCH;
        StringBuilder body = new StringBuilder();
        for (Postmortem p : entries) {
            Instant published = p.meta().date() == null ? Instant.EPOCH : startOf(p.meta().date());
            Instant updated = kb.history(p).map(FileHistory::lastUpdated).map(OffsetDateTime::toInstant)
                    .orElse(published);
            if (updated.isBefore(published)) {
                updated = published;
            }
            if (updated.isAfter(feedUpdated)) {
                feedUpdated = updated;
            }
            String href = urls.of(p.meta().url());
            body.append("  <entry>\n");
            body.append("    <title>").append(Xml.escape(title(p))).append("</title>\n");
            body.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(href)).append("\"/>\n");
            body.append("    <id>").append(Xml.escape(href)).append("</id>\n");
            body.append("    <published>").append(INSTANT.format(published)).append("</published>\n");
            body.append("    <updated>").append(INSTANT.format(updated)).append("</updated>\n");
            for (String author : p.authors()) {
                body.append("    <author><name>").append(Xml.escape(author)).append("</name></author>\n");
            }
            if (!p.severity().isEmpty()) {
                body.append("    <category term=\"").append(Xml.escape(p.severity())).append("\"/>\n");
            }
            for (String tag : p.meta().tags()) {
                body.append("    <category term=\"").append(Xml.escape(tag)).append("\"/>\n");
            }
            String summary = p.impact().isEmpty() ? p.meta().status() : p.impact();
            body.append("    <summary>").append(Xml.escape(summary)).append("</summary>\n");
            body.append("  </entry>\n");
        }
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        b.append("  <title>").append(Xml.escape(config.title())).append(" · Postmortems</title>\n");
        if (!config.description().isEmpty()) {
            b.append("  <subtitle>").append(Xml.escape(config.description())).append("</subtitle>\n");
        }
        b.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"")
                .append(Xml.escape(urls.of("feed.xml"))).append("\"/>\n");
        b.append("  <link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(Xml.escape(urls.of("postmortems/index.html"))).append("\"/>\n");
        b.append("  <id>").append(Xml.escape(urls.of("feed.xml"))).append("</id>\n");
        b.append("  <updated>").append(INSTANT.format(feedUpdated)).append("</updated>\n");
        b.append("  <author><name>").append(Xml.escape(config.title())).append("</name></author>\n");
        b.append("  <generator>Hindsight</generator>\n");
        b.append(body);
        b.append("</feed>\n");
        return b.toString();
    }

    private static String title(Postmortem p) {
        String prefix = p.meta().id().equals(p.meta().slug()) ? "" : p.meta().id() + ": ";
        return prefix + p.title();
    }

    private static Instant startOf(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
