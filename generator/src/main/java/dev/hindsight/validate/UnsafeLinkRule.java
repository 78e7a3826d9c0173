package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;
import dev.hindsight.model.Runbook;
import java.util.List;
import java.util.Locale;

/**
 * Links the site will not make clickable: a Markdown link or image with a scheme other than http(s),
 * mailto or tel (images: http(s)) is removed from the page by the HTML sanitizer, and a dashboard URL
 * without one of those schemes is shown as text, as is an escalation contact written as a URL of another
 * scheme. The writer should know, rather than find a dead link during an incident.
 */
final class UnsafeLinkRule extends DocumentRule<Document> implements DocumentLocal {

    private static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto", "tel");
    private static final List<String> IMAGE_SCHEMES = List.of("http", "https");
    private static final List<String> EXECUTABLE_SCHEMES = List.of("javascript", "data", "vbscript", "file", "blob");

    UnsafeLinkRule() {
        super(RuleInfo.UNSAFE_LINK, Document.class);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        String path = doc.meta().sourcePath();
        for (Link link : doc.body().links()) {
            if (link.backslashNetworkPath()) {
                out.report(Position.of(path, link.line(), link.column()),
                        (link.image() ? "image" : "link") + " `" + link.url() + "` leads to another host: browsers"
                                + " read `\\` as `/`, so it is a network path, not a file of the site",
                        "write the full https:// address, or a path relative to this file with `/`");
                continue;
            }
            String scheme = scheme(link.url());
            if (scheme != null && !(link.image() ? IMAGE_SCHEMES : LINK_SCHEMES).contains(scheme)) {
                out.report(Position.of(path, link.line(), link.column()),
                        (link.image() ? "image" : "link") + " with a `" + scheme + ":` URL is removed from the page",
                        link.image() ? "use an http(s) or relative image URL" : "use an http(s), mailto or tel link");
            }
        }
        if (doc instanceof Runbook rb) {
            for (int i = 0; i < rb.dashboards().size(); i++) {
                String url = rb.dashboards().get(i).url();
                String scheme = scheme(url);
                if (!url.isEmpty() && (scheme == null || !LINK_SCHEMES.contains(scheme))) {
                    out.report(doc.meta().source().frontMatter().valuePositionOf("/dashboards/" + i + "/url"),
                            "dashboard URL `" + url + "` is not an http(s), mailto or tel URL; shown as text, not as a link",
                            "give the full address, starting with https://");
                }
            }
            for (int i = 0; i < rb.escalation().size(); i++) {
                String contact = rb.escalation().get(i).contact();
                if (linkLike(contact)) {
                    out.report(doc.meta().source().frontMatter().valuePositionOf("/escalation/" + i + "/contact"),
                            "escalation contact `" + contact + "` is not an http(s), mailto or tel URL; shown as text,"
                                    + " not as a link",
                            "give an https://, mailto: or tel: address, or a name");
                }
            }
        }
    }

    /**
     * Whether an escalation contact is a URL the page will not link: one with a scheme browsers run or load
     * ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}, {@code blob:}) or one written as
     * {@code scheme://…} (the writer meant a link). Contacts are often names in a tool's own notation
     * ({@code pagerduty:payments-primary}, {@code Phone: 555-0100}): those are text by design and not reported.
     */
    static boolean linkLike(String contact) {
        String scheme = scheme(contact);
        if (scheme == null || LINK_SCHEMES.contains(scheme)) {
            return false;
        }
        String rest = contact.strip().substring(scheme.length() + 1);
        return EXECUTABLE_SCHEMES.contains(scheme) || rest.startsWith("//");
    }

    /** The lower-cased scheme of {@code url}, or null when it has none (a relative URL). */
    static String scheme(String url) {
        String u = url.strip();
        int colon = u.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9')
                    || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return null;
            }
        }
        return u.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
