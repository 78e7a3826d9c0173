package dev.hindsight.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The part of a runbook that handles an alert, for the alert's own page, so that whoever is paged sees the fix
 * without following a link: the section under a heading naming the alert; else the line (list item or paragraph)
 * that first names it, followed by the runbook's Mitigation section; else the Mitigation section alone — the same
 * place the alert's link into the runbook lands on ({@link DocumentPage#alertFragment}). Made from the runbook's
 * page HTML (our own sanitized output): ids and permalinks are dropped (they belong to the runbook's page),
 * headings are moved down to sit under the alert page's own {@code h2}, and relative links are made to work from
 * the alert's page (a {@code #fragment} leads into the runbook).
 */
final class AlertHandling {

    private AlertHandling() {
    }

    /**
     * @param page        the runbook's body as its page shows it
     * @param fragment    the fragment the alert's link into the runbook uses (without {@code #}; "" for none)
     * @param runbookPath the runbook page's path from the site root
     * @param pagePath    the alert page's path from the site root
     * @return the HTML, or "" when the runbook has no part to show
     */
    static String html(DocumentPage page, String fragment, String runbookPath, String pagePath) {
        Element body = Jsoup.parseBodyFragment(page.html()).body();
        List<Element> parts = new ArrayList<>();
        Element target = fragment.isEmpty() ? null
                : body.getElementById(URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8));
        if (target != null && isHeading(target)) {
            parts.add(section(target));
        } else {
            if (target != null) {
                Element line = target.closest("li, p, dd, td");
                line = line == null ? target : line;
                if (line.is("li")) {
                    Element list = new Element(line.parent() != null && line.parent().is("ol") ? "ol" : "ul");
                    list.appendChild(line.clone());
                    parts.add(new Element("div").addClass("handling-line").appendChild(list));
                } else {
                    parts.add(new Element("div").addClass("handling-line").appendChild(line.clone()));
                }
            }
            Element mitigation = mitigation(body);
            if (mitigation != null && (target == null || !contains(mitigation, target))) {
                parts.add(section(mitigation));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        Element out = new Element("div");
        parts.forEach(out::appendChild);
        clean(out, runbookPath, pagePath);
        org.jsoup.nodes.Document holder = Jsoup.parseBodyFragment("");
        holder.outputSettings().prettyPrint(false);
        holder.body().appendChild(out);
        return out.html();
    }

    private static boolean isHeading(Element e) {
        return e.tagName().length() == 2 && e.tagName().charAt(0) == 'h' && Character.isDigit(e.tagName().charAt(1));
    }

    private static int level(Element h) {
        return h.tagName().charAt(1) - '0';
    }

    private static Element mitigation(Element body) {
        for (Element h : body.select("h1, h2, h3, h4, h5, h6")) {
            Element copy = h.clone();
            copy.select("a.permalink").remove();
            if (copy.text().strip().toLowerCase(Locale.ROOT).startsWith("mitigation")) {
                return h;
            }
        }
        return null;
    }

    private static boolean contains(Element section, Element e) {
        for (Element x = section; x != null && !(isHeading(x) && x != section && level(x) <= level(section));
                x = x.nextElementSibling()) {
            if (x == e || e.parents().contains(x)) {
                return true;
            }
        }
        return false;
    }

    /** A heading and what follows it up to the next heading of its level or above, copied. */
    private static Element section(Element h) {
        Element out = new Element("div").addClass("handling-section");
        out.appendChild(h.clone());
        for (Element x = h.nextElementSibling(); x != null && !(isHeading(x) && level(x) <= level(h));
                x = x.nextElementSibling()) {
            out.appendChild(x.clone());
        }
        return out;
    }

    /** Drops ids and permalinks, moves headings under an {@code h2}, makes links work from the alert's page. */
    private static void clean(Element out, String runbookPath, String pagePath) {
        for (Element link : out.select("a.permalink")) {
            if (link.previousSibling() instanceof org.jsoup.nodes.TextNode t && t.text().isBlank()) {
                t.remove(); // the space before it
            }
            link.remove();
        }
        for (Element e : out.select("[id]")) {
            e.removeAttr("id");
        }
        for (Element e : out.select("[aria-labelledby], [aria-describedby], [aria-controls]")) {
            e.removeAttr("aria-labelledby").removeAttr("aria-describedby").removeAttr("aria-controls");
        }
        int top = 7;
        for (Element h : out.select("h1, h2, h3, h4, h5, h6")) {
            top = Math.min(top, level(h));
        }
        for (Element h : out.select("h1, h2, h3, h4, h5, h6")) {
            h.tagName("h" + Math.min(6, level(h) - top + 3));
        }
        String root = PageModel.rootFor(pagePath);
        String runbook = SiteUrls.path(runbookPath);
        for (Element e : out.select("[href], [src]")) {
            String attr = e.hasAttr("href") ? "href" : "src";
            e.attr(attr, relink(e.attr(attr), root, runbook));
        }
    }

    /** A link of the runbook's page as a link from the alert's page ({@code root} leads back to the site root). */
    static String relink(String url, String root, String runbook) {
        if (url.startsWith("#")) {
            return root + runbook + url;
        }
        if (url.isEmpty() || url.startsWith("/") || url.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return url; // absolute, or with a scheme (https:, mailto:, …): the same from anywhere
        }
        try {
            URI resolved = new URI("http://h/" + runbook).resolve(new URI(url));
            String path = resolved.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("/..")) {
                return url;
            }
            return root + path.substring(1) + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery())
                    + (resolved.getRawFragment() == null ? "" : "#" + resolved.getRawFragment());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url;
        }
    }
}
