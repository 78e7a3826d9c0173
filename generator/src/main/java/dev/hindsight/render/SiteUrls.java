package dev.hindsight.render;

/**
 * Absolute addresses for the outputs that need them (the Atom feed, the sitemap, the 404 page):
 * {@code base_url} with exactly one trailing {@code /}, or "" when the site has none.
 */
public record SiteUrls(String base) {

    public SiteUrls {
        String b = base == null ? "" : base.strip();
        base = b.isEmpty() ? "" : b.endsWith("/") ? b : b + "/";
    }

    public boolean known() {
        return !base.isEmpty();
    }

    /** The absolute URL of a page given relative to the site root ({@code postmortems/x/index.html}). */
    public String of(String path) {
        if (!known()) {
            throw new IllegalStateException("no base_url");
        }
        return base + path;
    }
}
