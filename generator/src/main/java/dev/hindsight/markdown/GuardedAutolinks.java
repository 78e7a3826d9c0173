package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's autolink extension (bare {@code https://…}, {@code www.…} and e-mail addresses become
 * links), asked only about text that could hold one. Its post-processor unescapes and scans every
 * text node of the document, which was a twentieth of a build; a text node without {@code :},
 * {@code @}, {@code &} (an entity could spell either) or {@code www.} cannot become a link, so
 * it is passed over. Everything else goes to flexmark's own processor unchanged.
 */
final class GuardedAutolinks implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // flexmark's defaults for the autolink extension.
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    /** Whether {@code text} could contain something the autolink extension turns into a link. */
    static boolean mayLink(BasedSequence text) {
        String base = BaseChars.base(text);
        if (base != null) { // the same scan over the body string itself (NUL was replaced before the parse)
            int from = text.getStartOffset();
            int to = text.getEndOffset();
            for (int i = from; i < to; i++) {
                char c = base.charAt(i);
                if (c == ':' || c == '@' || c == '&') {
                    return true;
                }
                if ((c == 'w' || c == 'W') && i + 3 < to && (base.charAt(i + 1) | 0x20) == 'w'
                        && (base.charAt(i + 2) | 0x20) == 'w' && base.charAt(i + 3) == '.') {
                    return true;
                }
            }
            return false;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '@' || c == '&') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 3 < n && (text.charAt(i + 1) | 0x20) == 'w'
                    && (text.charAt(i + 2) | 0x20) == 'w' && text.charAt(i + 3) == '.') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                @Override
                public void process(NodeTracker state, Node node) {
                    // flexmark reads on into an entity that follows (`www&period;…`), so that case goes through too.
                    if (mayLink(node.getChars()) || node.getNext() instanceof HtmlEntity) {
                        autolinks.process(state, node);
                    }
                }
            };
        }
    }
}
