package dev.hindsight.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * A document body as its page shows it, made from the sanitized body HTML: each heading with a visible
 * permalink, the first mention of each of the runbook's alerts in inline code made an anchor
 * ({@code alert-<Name>}), and the table of contents. For a postmortem whose action items are tracked,
 * the tables and task lists of its "Action items" section are replaced by {@link #ACTION_ITEMS}, where
 * the page shows the tracked table once. The input is our own sanitized output, so every id and text
 * here was escaped already; jsoup re-escapes it on output.
 */
public record DocumentPage(String html, List<TocEntry> toc, Map<String, String> alertAnchors) {

    /** Where a postmortem page puts its tracked action items. */
    public static final String ACTION_ITEMS = "<!--hindsight:action-items-->";

    /** One heading of the table of contents: level 1–6, text and the fragment of its link (percent-encoded). */
    public record TocEntry(int level, String text, String fragment) {
    }

    public DocumentPage {
        toc = List.copyOf(toc);
        alertAnchors = Map.copyOf(alertAnchors);
    }

    /** The html before {@link #ACTION_ITEMS}, or all of it. */
    public String before() {
        int at = html.indexOf(ACTION_ITEMS);
        return at < 0 ? html : html.substring(0, at);
    }

    /** The html after {@link #ACTION_ITEMS}, or "". */
    public String after() {
        int at = html.indexOf(ACTION_ITEMS);
        return at < 0 ? "" : html.substring(at + ACTION_ITEMS.length());
    }

    public boolean hasActionSlot() {
        return html.contains(ACTION_ITEMS);
    }

    /**
     * The fragment (without '#') an alert's page sends readers to: a heading naming the alert, else
     * the alert's first mention in inline code, else the Mitigation heading; "" for the top.
     */
    public String alertFragment(String alert) {
        String a = alertAnchors.get(alert);
        if (a != null) {
            return a;
        }
        for (TocEntry e : toc) {
            if (e.text().strip().toLowerCase(Locale.ROOT).startsWith("mitigation")) {
                return e.fragment();
            }
        }
        return "";
    }

    /**
     * The page of a body; {@code alerts} are the runbook's alert names, {@code actionSlot} whether to make the slot.
     * Most bodies are scanned ({@link BodyScan}); the others are parsed with jsoup ({@link #parsed}), which the
     * scan writes its pages exactly like.
     */
    public static DocumentPage of(String bodyHtml, List<String> alerts, boolean actionSlot) {
        DocumentPage scanned = BodyScan.page(bodyHtml, alerts, actionSlot);
        return scanned != null ? scanned : parsed(bodyHtml, alerts, actionSlot);
    }

    /** {@link #of} by a jsoup parse of the body, whatever it holds. */
    static DocumentPage parsed(String bodyHtml, List<String> alerts, boolean actionSlot) {
        Document d = Jsoup.parseBodyFragment(bodyHtml);
        d.outputSettings().prettyPrint(false);
        Element body = d.body();
        Set<String> ids = new HashSet<>();
        for (Element e : body.select("[id]")) {
            ids.add(e.id());
        }
        List<TocEntry> toc = new ArrayList<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Element h : body.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")) {
            String text = h.text().strip();
            String fragment = fragment(h.id());
            int level = h.tagName().charAt(1) - '0';
            if (level <= 3) {
                toc.add(new TocEntry(level, text, fragment));
            }
            for (String alert : alerts) {
                if (!anchors.containsKey(alert) && containsWord(text, alert)) {
                    anchors.put(alert, fragment);
                }
            }
            Element link = new Element("a").addClass("permalink").attr("href", "#" + fragment)
                    .attr("aria-label", "Link to this section: " + text).text("#");
            h.appendText(" ").appendChild(link);
        }
        for (String alert : alerts) {
            if (anchors.containsKey(alert)) {
                continue;
            }
            for (Element code : body.select("code")) {
                if (code.closest("pre") == null && code.id().isEmpty() && code.text().strip().equals(alert)) {
                    String id = uniqueId("alert-" + alert.replaceAll("[^A-Za-z0-9_.-]", "-"), ids);
                    code.id(id).addClass("alert-name");
                    anchors.put(alert, fragment(id));
                    break;
                }
            }
        }
        if (actionSlot) {
            makeActionSlot(body);
        }
        return new DocumentPage(body.html(), toc, anchors);
    }

    /** Replaces the tables and task lists of the "Action items" section with the slot. */
    private static void makeActionSlot(Element body) {
        for (Element h : body.select("h2, h3")) {
            String text = h.ownText().strip().toLowerCase(Locale.ROOT);
            if (!text.startsWith("action items")) {
                continue;
            }
            List<Element> gone = new ArrayList<>();
            for (Element next = h.nextElementSibling(); next != null && !next.is("h1, h2, h3, h4, h5, h6");
                    next = next.nextElementSibling()) {
                if (next.is("table") || (next.is("ul, ol") && next.selectFirst("li.task-list-item") != null)) {
                    gone.add(next);
                }
            }
            Node slot = new Comment("hindsight:action-items");
            if (gone.isEmpty()) {
                h.after(slot);
            } else {
                gone.get(0).before(slot);
                gone.forEach(Element::remove);
            }
            return;
        }
    }

    static boolean containsWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            int end = at + word.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }

    static String uniqueId(String base, Set<String> ids) {
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** An id as a URL fragment: percent-encoded UTF-8 outside the characters ids are made of in ASCII. */
    static String fragment(String id) {
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == ':') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
