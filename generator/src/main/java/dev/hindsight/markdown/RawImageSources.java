package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code src} of {@code <img>} tags written as raw HTML. They are relative to the document's folder,
 * like Markdown images, so on the page (one folder deeper) they get the same rewriting
 * ({@link PageLinkResolver#pageUrl}); and they are collected as image links, so a missing one is
 * reported. The rewritten HTML still goes through {@link HtmlSanitizer}.
 */
final class RawImageSources {

    /**
     * An {@code <img ... src=VALUE}: group 1 is the value, quoted or not, with its quotes. No part runs
     * over a {@code <} or {@code >}, so each attempt ends at the next tag and a hostile body of unclosed
     * {@code <img} tags is still scanned in linear time.
     */
    private static final Pattern SRC = Pattern.compile(
            "<img\\b[^<>]*?\\ssrc\\s*=\\s*(\"[^\"<>]*\"|'[^'<>]*'|[^\\s\"'=<>`]+)", Pattern.CASE_INSENSITIVE);

    private RawImageSources() {
    }

    /** Calls {@code found} with each {@code src} value (the usual character references decoded) and its offset in {@code html}. */
    static void each(CharSequence html, BiConsumer<String, Integer> found) {
        Matcher m = SRC.matcher(html);
        while (m.find()) {
            String v = m.group(1);
            int start = m.start(1);
            if (v.startsWith("\"") || v.startsWith("'")) {
                v = v.substring(1, v.length() - 1);
                start++;
            }
            found.accept(unescape(v), start);
        }
    }

    /** The character references a URL in an attribute may hold; any other stays as written. */
    private static String unescape(String v) {
        if (v.indexOf('&') < 0) {
            return v;
        }
        return v.replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x20;", " ").replace("&#32;", " ").replace("&amp;", "&");
    }

    /** {@code html} with every relative {@code <img src>} rewritten for the page. */
    static String rewrite(CharSequence html) {
        Matcher m = SRC.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 16);
        int last = 0;
        while (m.find()) {
            String v = m.group(1);
            String quote = v.startsWith("\"") || v.startsWith("'") ? v.substring(0, 1) : "";
            String value = quote.isEmpty() ? v : v.substring(1, v.length() - 1);
            out.append(html, last, m.start(1)).append(quote).append(PageLinkResolver.pageUrl(value)).append(quote);
            last = m.end(1);
        }
        return out.append(html, last, html.length()).toString();
    }
}
