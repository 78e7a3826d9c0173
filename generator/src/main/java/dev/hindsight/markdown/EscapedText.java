package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
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

    private EscapedText() {
    }

    static void render(Text node, HtmlWriter html) {
        BasedSequence chars = node.getChars();
        String s = BaseChars.base(chars);
        if (s != null && !BaseChars.any(s, chars.getStartOffset(), chars.getEndOffset(), CHANGED)) {
            html.raw(s.substring(chars.getStartOffset(), chars.getEndOffset()));
        } else {
            html.text(Escaping.normalizeEOL(chars.unescape())); // as flexmark's CoreNodeRenderer
        }
    }

    static final class Renderer implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return () -> Set.of(new NodeRenderingHandler<>(Text.class, (node, context, html) -> render(node, html)));
        }
    }
}
