package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * flexmark's renderer for text nodes, with its work skipped where it changes nothing. flexmark unescapes each
 * text node (a regular expression), normalises its line ends and escapes it for HTML (another one), copying it
 * character by character three times: about 5 % of a build's samples at 10 000 documents (issue 18). Text
 * without a backslash, {@code &}, {@code <}, {@code >}, {@code "}, carriage return or NUL comes out of those
 * steps as it went in, so it is written as it stands; any other text goes flexmark's way, byte for byte.
 */
final class EscapedText {

    /** The characters that unescaping, line-end normalising or HTML escaping change (NUL reads as U+FFFD). */
    private static final BaseChars.Chars CHANGED = BaseChars.Chars.of("\\&<>\"\r\0");

    /** {@link #CHANGED} and the line feed, which text held back by {@link DeferredText} may not hold. */
    private static final long CHANGED_OR_LF = CHANGED.below64() | 1L << '\n';

    private EscapedText() {
    }

    static void render(Text node, HtmlWriter html, DeferredText deferred) {
        BasedSequence chars = node.getChars();
        String s = BaseChars.base(chars);
        int from = chars.getStartOffset();
        int to = chars.getEndOffset();
        if (s != null && deferred != null && deferred.holds(s)) {
            int found = scan(deferred.chars(), from, to);
            if (found == 0 && deferred.write(from, to, html)) {
                return;
            }
            if (found < 2) {
                html.raw(s.substring(from, to));
                return;
            }
        } else if (s != null && !BaseChars.any(s, from, to, CHANGED)) {
            html.raw(s.substring(from, to));
            return;
        }
        html.text(Escaping.normalizeEOL(chars.unescape())); // as flexmark's CoreNodeRenderer
    }

    /**
     * 0 when {@code chars} from {@code from} to {@code to} hold none of {@link #CHANGED_OR_LF}, 1 when line feeds
     * only, 2 when any of {@link #CHANGED}.
     */
    private static int scan(byte[] chars, int from, int to) {
        long mask = CHANGED_OR_LF;
        int found = 0;
        for (int i = from; i < to; i++) {
            int c = chars[i] & 0xFF;
            if (c < 64 ? (mask >>> c & 1) != 0 : c == '\\') {
                if (c != '\n') {
                    return 2;
                }
                found = 1;
            }
        }
        return found;
    }

    /**
     * The renderer for text nodes; with a key, it holds back the text of the document it renders in the
     * {@link DeferredText} the document has under that key, if any.
     */
    static final class Renderer implements NodeRendererFactory {
        private final NullableDataKey<DeferredText> deferredKey;

        Renderer() {
            this(null);
        }

        Renderer(NullableDataKey<DeferredText> deferredKey) {
            this.deferredKey = deferredKey;
        }

        @Override
        public NodeRenderer apply(DataHolder options) {
            DeferredText deferred = deferredKey == null ? null : deferredKey.get(options);
            return () -> Set.of(new NodeRenderingHandler<>(Text.class,
                    (node, context, html) -> render(node, html, deferred)));
        }
    }
}
