package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.BlankLineBreakNode;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.DoNotCollectText;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.LineBreakNode;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.ast.Visitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.builder.ISequenceBuilder;
import java.util.function.BiConsumer;

/**
 * The plain text of a node, collected as flexmark's {@code TextCollectingVisitor} does (same
 * traversal, same line breaks between blocks), but into a plain {@link StringBuilder}. flexmark's
 * segment-based builder miscounts its length when an undefined reference such as {@code [1]} is
 * followed by a lazy continuation line in a list item (found by fuzzing: {@code "- [1]\n t\n  ```"}):
 * with assertions on it throws, without them it drops a character. One instance per call.
 */
final class PlainText extends NodeVisitor {

    private final Out out;

    private PlainText(BasedSequence base, int capacity) {
        this.out = new Out(base, capacity);
    }

    static String of(Node node) {
        BasedSequence chars = node.getChars();
        PlainText visitor = new PlainText(chars.getBaseSequence(), chars.length());
        visitor.visit(node);
        return visitor.out.text.toString();
    }

    /**
     * {@code of(node).strip()}, copied out of the builder once; text of {@code body} (whose {@link Latin1} bytes are
     * {@code latin1}) is scanned on those bytes.
     */
    static String stripped(Node node, String body, byte[] latin1) {
        BasedSequence chars = node.getChars();
        PlainText visitor = new PlainText(chars.getBaseSequence(), chars.length());
        visitor.out.body = body;
        visitor.out.latin1 = latin1;
        visitor.visit(node);
        return strip(visitor.out.text);
    }

    /**
     * {@code text.toString().strip()} without the intermediate copy. {@code String.strip} tests code points; no
     * character outside the BMP is whitespace, nor is a surrogate, so testing characters finds the same ends.
     */
    static String strip(StringBuilder text) {
        int to = text.length();
        while (to > 0 && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        int from = 0;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return text.substring(from, to);
    }

    @Override
    public void processNode(Node node, boolean withChildren, BiConsumer<Node, Visitor<Node>> processor) {
        if (node.isOrDescendantOfType(DoNotCollectText.class)) {
            return;
        }
        out.lastNode(node);
        if (node instanceof Block && out.length() > 0) {
            out.appendEol();
        }
        if (node instanceof Text text && out.appendUnescaped(text.getChars())) {
            // What Text.collectText appends for text without escapes or entities, copied from the body string.
        } else if (node instanceof TextContainer container) {
            if (container.collectText(out, 0, this)) {
                if (node instanceof BlankLineBreakNode && out.length() > 0) {
                    out.appendEol();
                }
                processChildren(node, processor);
            }
            container.collectEndText(out, 0, this);
        } else {
            processChildren(node, processor);
        }
        if (node instanceof LineBreakNode && out.needEol()) {
            out.appendEol();
        }
    }

    /** What {@code SpaceInsertingSequenceBuilder} does without its "add spaces" flag, on a StringBuilder. */
    private static final class Out implements ISequenceBuilder<Out, BasedSequence> {
        /** What Text.collectText unescapes (backslash escapes and entities), and NUL, which flexmark reads as U+FFFD. */
        private static final BaseChars.Chars ESCAPES = BaseChars.Chars.of("\\&\0");
        private static final BaseChars.Chars NUL = BaseChars.Chars.of("\0");

        private final BasedSequence base;
        private final StringBuilder text;
        /** The body and its {@link Latin1} bytes when known (null otherwise): text of it is scanned on the bytes. */
        private String body;
        private byte[] latin1;
        private Node lastNode;
        private boolean needEol;

        /** {@code capacity}: the length of the node's text in the body, about that of its plain text. */
        Out(BasedSequence base, int capacity) {
            this.base = base;
            this.text = new StringBuilder(capacity);
        }

        /** A line break is due when only whitespace with an end of line lies between two nodes. */
        void lastNode(Node node) {
            if (node instanceof Document) {
                return;
            }
            if (lastNode != null && lastNode.getEndOffset() < node.getStartOffset()) {
                BasedSequence gap = base.subSequence(lastNode.getEndOffset(), node.getStartOffset());
                needEol = gap.trim(com.vladsch.flexmark.util.misc.CharPredicate.SPACE_TAB).length() > 0
                        && gap.isBlank();
            }
            lastNode = node;
        }

        /** Either a gap asked for one, or the text so far does not end a line. */
        boolean needEol() {
            if (needEol) {
                return true;
            }
            int n = text.length();
            return n > 0 && text.charAt(n - 1) != '\n' && text.charAt(n - 1) != '\r';
        }

        void appendEol() {
            text.append('\n');
            needEol = false;
        }

        @Override
        public BasedSequence getSingleBasedSequence() {
            return BasedSequence.of(text.toString());
        }

        @Override
        public Out getBuilder() {
            return new Out(base, 16);
        }

        @Override
        public char charAt(int index) {
            return text.charAt(index);
        }

        /**
         * Appends {@code chars} as {@link Text#collectText} does when it holds no backslash, entity or NUL, and
         * says so; false (nothing appended) when it does or when it is not one piece of the body.
         */
        boolean appendUnescaped(BasedSequence chars) {
            String s = BaseChars.base(chars);
            if (s == null || (s == body
                    ? BaseChars.any(s, latin1, chars.getStartOffset(), chars.getEndOffset(), ESCAPES)
                    : BaseChars.any(s, chars.getStartOffset(), chars.getEndOffset(), ESCAPES))) {
                return false;
            }
            text.append(s, chars.getStartOffset(), chars.getEndOffset());
            return true;
        }

        @Override
        public Out append(CharSequence chars, int start, int end) {
            String s = chars instanceof BasedSequence b ? BaseChars.base(b) : null;
            if (s != null) {
                int from = ((BasedSequence) chars).getStartOffset();
                if (!BaseChars.any(s, from + start, from + end, NUL)) { // flexmark reads NUL as U+FFFD
                    text.append(s, from + start, from + end);
                    return this;
                }
            }
            if (chars != null) {
                text.append(chars, start, end);
            }
            return this;
        }

        @Override
        public Out append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public Out append(char c, int count) {
            for (int i = 0; i < count; i++) {
                text.append(c);
            }
            return this;
        }

        @Override
        public BasedSequence toSequence() {
            return BasedSequence.of(text.toString());
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
