package dev.hindsight.render;

/**
 * Where the addresses of pages are made. A page's path ({@code runbooks/50% disk#1?/index.html}, from a
 * file name) is a file path, not a URL: {@link #path} percent-encodes it, once, for every place that
 * links to a page (templates through {@link #href}, the search index, the api files, the sitemap and
 * the feed through {@link #of}). Absolute addresses need {@code base_url}, kept with exactly one
 * trailing {@code /}, or "" when the site has none.
 */
public record SiteUrls(String base) {

    public SiteUrls {
        String b = base == null ? "" : base.strip();
        base = b.isEmpty() ? "" : b.endsWith("/") ? b : b + "/";
    }

    public boolean known() {
        return !base.isEmpty();
    }

    /** The absolute URL of a page given by its path from the site root ({@code postmortems/x/index.html}). */
    public String of(String path) {
        if (!known()) {
            throw new IllegalStateException("no base_url");
        }
        return base + path(path);
    }

    /**
     * A page's path from the site root as a relative URL, for templates:
     * {@code ${root}${urls.href(doc.meta.url)}}.
     */
    public String href(String path) {
        return path(path);
    }

    /**
     * {@code path} (segments separated by {@code /}) as a relative URL: in each segment every byte of its
     * UTF-8 form other than {@code A-Z a-z 0-9 - . _ ~} is percent-encoded ({@code %}, {@code #},
     * {@code ?}, spaces, {@code :} and accents alike), so the result names the file exactly, over HTTP
     * and from {@code file://}. Paths made of those characters only (slugs, alert segments) stay as they are.
     */
    public static String path(String path) {
        StringBuilder b = new StringBuilder(path.length() + 16);
        int start = 0;
        while (true) {
            int slash = path.indexOf('/', start);
            b.append(Links.encode(slash < 0 ? path.substring(start) : path.substring(start, slash)));
            if (slash < 0) {
                return b.toString();
            }
            b.append('/');
            start = slash + 1;
        }
    }
}
