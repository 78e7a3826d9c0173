package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import dev.hindsight.highlight.Highlighter;
import java.util.Set;

/**
 * Renders fenced code blocks as flexmark does ({@code <pre><code class="language-x">}), with the code
 * highlighted at build time by {@link Highlighter}: spans whose classes {@link HtmlSanitizer} keeps.
 */
final class HighlightedCode {

    private HighlightedCode() {
    }

    static final class Renderer implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return () -> Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, (node, context, html) -> {
                String info = node.getInfo().toString().strip();
                String language = info.isEmpty() ? "" : info.split("\\s+", 2)[0];
                StringBuilder open = new StringBuilder("<pre><code");
                if (!language.isEmpty()) {
                    open.append(" class=\"language-");
                    StringBuilder escaped = new StringBuilder();
                    Highlighter.escape(language, escaped);
                    open.append(escaped).append('"');
                }
                open.append('>');
                html.line();
                // Preformatted, as flexmark's own renderer has it: else the writer drops each line's leading
                // spaces, and the code's indentation with them (YAML, Python, nested shell blocks).
                html.openPre();
                html.raw(open);
                html.raw(Highlighter.html(language, node.getContentChars().normalizeEOL()));
                html.raw("</code></pre>");
                html.closePre();
                html.line();
            }));
        }
    }

}
