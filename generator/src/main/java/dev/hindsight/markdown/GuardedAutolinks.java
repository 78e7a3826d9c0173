package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessor;
import com.vladsch.flexmark.parser.PostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        return mayLink(text, base, base == null ? null : Latin1.bytes(base));
    }

    /**
     * As {@link #mayLink(BasedSequence)}, given the body string of the document and its {@link Latin1}
     * bytes: text that is a contiguous part of it is scanned on those (NUL was replaced before the parse).
     */
    static boolean mayLink(BasedSequence text, String body, byte[] chars) {
        if (body != null && BaseChars.base(text) == body) {
            int from = text.getStartOffset();
            int to = text.getEndOffset();
            for (int i = from; i < to; i++) {
                int c = chars[i];
                if (c == ':' || c == '@' || c == '&') {
                    return true;
                }
                if ((c == 'w' || c == 'W') && i + 3 < to && (chars[i + 1] | 0x20) == 'w'
                        && (chars[i + 2] | 0x20) == 'w' && chars[i + 3] == '.') {
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

    /**
     * Hands the text nodes that may link to flexmark's autolink processor, in document order. flexmark's own
     * node post-processing would first classify every node of the document by type and ancestry (a twentieth of
     * a check's parse) to find the text nodes; here one walk collects them. As there, the nodes are those of the
     * document before any is processed (the text the processor splits off is not processed again), and a node
     * the processor removed on the way is skipped.
     */
    private static final class Factory implements PostProcessorFactory {
        @Override
        public Map<Class<?>, Set<Class<?>>> getNodeTypes() {
            return null;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return true;
        }

        @Override
        public PostProcessor apply(Document document) {
            return new PostProcessor() {
                @Override
                public Document processDocument(Document doc) {
                    List<Node> texts = new ArrayList<>();
                    collect(doc, texts);
                    if (texts.isEmpty()) {
                        return doc;
                    }
                    AutolinkNodePostProcessor autolinks = new AutolinkNodePostProcessor(doc);
                    Untracked untracked = new Untracked();
                    String body = BaseChars.string(doc.getChars().getBase());
                    byte[] chars = body == null ? null : Latin1.bytes(body);
                    for (Node node : texts) {
                        // flexmark reads on into an entity that follows (`www&period;…`), so that case goes through too.
                        if (node.getParent() != null
                                && (mayLink(node.getChars(), body, chars) || node.getNext() instanceof HtmlEntity)) {
                            autolinks.process(untracked, node);
                        }
                    }
                    return doc;
                }

                @Override
                public void process(NodeTracker state, Node node) {
                    throw new UnsupportedOperationException("processes the whole document");
                }
            };
        }

        /**
         * The {@link Text} nodes (that class, not its relatives) under {@code root}, in document order; without
         * recursion, as the parse is not yet checked for depth.
         */
        private static void collect(Node root, List<Node> texts) {
            Node n = root.getFirstChild();
            while (n != null) {
                if (n.getClass() == Text.class) {
                    texts.add(n);
                }
                if (n.getFirstChild() != null) {
                    n = n.getFirstChild();
                    continue;
                }
                while (n != root && n.getNext() == null) {
                    n = n.getParent();
                }
                n = n == root ? null : n.getNext();
            }
        }
    }

    /** The autolink processor reports the nodes it adds and removes; nothing here needs to know. */
    private static final class Untracked implements NodeTracker {
        @Override
        public void nodeAdded(Node node) {
        }

        @Override
        public void nodeAddedWithChildren(Node node) {
        }

        @Override
        public void nodeAddedWithDescendants(Node node) {
        }

        @Override
        public void nodeRemoved(Node node) {
        }

        @Override
        public void nodeRemovedWithChildren(Node node) {
        }

        @Override
        public void nodeRemovedWithDescendants(Node node) {
        }
    }
}
