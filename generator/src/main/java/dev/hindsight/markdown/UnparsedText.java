package dev.hindsight.markdown;

import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.builder.ISequenceBuilder;
import java.util.Set;

/**
 * A paragraph's text left unparsed by {@link LinearInlineParser} because it is too long. Its own node
 * type, so that later steps (autolinking) leave it alone and {@link MarkdownParser} can report it;
 * rendered as escaped text and collected as plain text for search.
 */
final class UnparsedText extends Node implements TextContainer {

    UnparsedText(BasedSequence chars) {
        super(chars);
    }

    @Override
    public BasedSequence[] getSegments() {
        return EMPTY_SEGMENTS;
    }

    @Override
    public boolean collectText(ISequenceBuilder<? extends ISequenceBuilder<?, BasedSequence>, BasedSequence> out,
                               int flags, NodeVisitor nodeVisitor) {
        out.append(getChars());
        return false;
    }

    /** Renders the node as text (the HTML writer escapes it). */
    static final class Renderer implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return () -> Set.of(new NodeRenderingHandler<>(UnparsedText.class,
                    (node, context, html) -> html.text(node.getChars())));
        }
    }
}
