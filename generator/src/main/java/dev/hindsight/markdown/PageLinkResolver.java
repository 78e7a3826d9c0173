package dev.hindsight.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Rewrites relative links for the page a document becomes. A document {@code a/b.md} is written to
 * {@code a/b/index.html}, one folder deeper than its source, so every relative link gains a
 * {@code ../}, and a link to {@code c.md} becomes one to {@code c/index.html} (explicit
 * {@code index.html}, so the site also works from {@code file://}).
 */
final class PageLinkResolver implements LinkResolver {

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        if (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) {
            return link;
        }
        return link.withUrl(pageUrl(link.getUrl()));
    }

    /** The URL a source-relative link takes on the built page; absolute URLs are left alone. */
    static String pageUrl(String url) {
        // A network path (//host, \\host, /\host) leaves the site, as a browser reads it: left alone.
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || hasScheme(url) || Link.isNetworkPath(url)) {
            return url;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String anchor = hash < 0 ? "" : url.substring(hash);
        if (path.endsWith(".md")) {
            String stem = path.substring(0, path.length() - 3);
            return "../" + stem + "/index.html" + anchor;
        }
        return "../" + url;
    }

    private static boolean hasScheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static final class Factory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new PageLinkResolver();
        }
    }
}
