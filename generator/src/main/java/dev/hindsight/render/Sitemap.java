package dev.hindsight.render;

import java.time.LocalDate;
import java.util.Map;

/** {@code sitemap.xml} (sitemaps.org 0.9) of the given pages, which must be sorted; needs a {@code base_url}. */
public final class Sitemap {

    private Sitemap() {
    }

    /** @param pages page path (from the site root) → last modification day, or null when unknown */
    public static String write(SiteUrls urls, Map<String, LocalDate> pages) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        b.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        pages.forEach((path, day) -> {
            b.append("  <url><loc>").append(Xml.escape(urls.of(path))).append("</loc>");
            if (day != null) {
                b.append("<lastmod>").append(day).append("</lastmod>");
            }
            b.append("</url>\n");
        });
        b.append("</urlset>\n");
        return b.toString();
    }
}
