package dev.hindsight.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.block.BlockContinue;
import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's HTML block parser, with every HTML block ending at the next blank line. In CommonMark a
 * block that opens with {@code <script>}, {@code <style>}, {@code <pre>}, {@code <textarea>}, a comment,
 * a declaration or a processing instruction runs until its closing marker, so one unclosed
 * {@code <style>} in a postmortem made the rest of the document (every later heading and section) raw
 * HTML. Here only a comment or a tag of an element the page allows opens an HTML block
 * ({@link #mayStart}), and no HTML block holds a blank line, so nothing after it is lost to Markdown;
 * what the block holds is then cut to the allowed tags by {@link RawHtml}. Registered in place of the built-in
 * factory ({@code Parser.HTML_BLOCK_PARSER} off), with the same ordering.
 */
final class BoundedHtmlBlocks extends HtmlBlockParser.Factory {

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory delegate = super.apply(options);
        return (state, matched) -> {
            if (!mayStart(state.getLine(), state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            BlockStart start = delegate.tryStart(state, matched);
            if (!(start instanceof BlockStartImpl impl) || impl.getBlockParsers().length != 1) {
                return start;
            }
            BlockStart bounded = BlockStart.of(new Bounded(impl.getBlockParsers()[0]));
            if (impl.getNewIndex() != -1) {
                bounded = bounded.atIndex(impl.getNewIndex());
            }
            if (impl.getNewColumn() != -1) {
                bounded = bounded.atColumn(impl.getNewColumn());
            }
            return impl.isReplaceActiveBlockParser() ? bounded.replaceActiveBlockParser() : bounded;
        };
    }

    /**
     * Whether the line may open an HTML block: with a comment or a tag of an element the page allows.
     * A line opening with any other tag ({@code <style>}, {@code <script>}, {@code <section>}), a
     * declaration or a processing instruction starts a paragraph instead, where the tag is shown as
     * text and the lines after it (a heading, say) stay Markdown.
     */
    static boolean mayStart(BasedSequence line, int from) {
        if (from >= line.length() || line.charAt(from) != '<') {
            return false;
        }
        int i = from + 1;
        if (i < line.length() && line.charAt(i) == '/') {
            i++;
        } else if (line.subSequence(i, line.length()).startsWith("!--")) {
            return true;
        }
        int nameStart = i;
        while (i < line.length() && Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) < 0x80) {
            i++;
        }
        String name = line.subSequence(nameStart, i).toString().toLowerCase(java.util.Locale.ROOT);
        return !name.isEmpty() && RawHtml.ALLOWED.contains(name);
    }

    /** The HTML block parser, except that a blank line always ends the block. */
    private record Bounded(BlockParser html) implements BlockParser {

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return state.isBlank() ? BlockContinue.none() : html.tryContinue(state);
        }

        @Override
        public boolean isContainer() {
            return html.isContainer();
        }

        @Override
        public boolean canContain(ParserState state, BlockParser blockParser, Block block) {
            return html.canContain(state, blockParser, block);
        }

        @Override
        public Block getBlock() {
            return html.getBlock();
        }

        @Override
        public void addLine(ParserState state, BasedSequence line) {
            html.addLine(state, line);
        }

        @Override
        public void closeBlock(ParserState state) {
            html.closeBlock(state);
        }

        @Override
        public boolean isClosed() {
            return html.isClosed();
        }

        @Override
        public boolean isPropagatingLastBlankLine(BlockParser lastMatchedBlockParser) {
            return html.isPropagatingLastBlankLine(lastMatchedBlockParser);
        }

        @Override
        public boolean breakOutOnDoubleBlankLine() {
            return html.breakOutOnDoubleBlankLine();
        }

        @Override
        public boolean isParagraphParser() {
            return html.isParagraphParser();
        }

        @Override
        public BlockContent getBlockContent() {
            return html.getBlockContent();
        }

        @Override
        public void finalizeClosedBlock() {
            html.finalizeClosedBlock();
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            html.parseInlines(inlineParser);
        }

        @Override
        public boolean isInterruptible() {
            return html.isInterruptible();
        }

        @Override
        public boolean isRawText() {
            return html.isRawText();
        }

        @Override
        public boolean canInterruptBy(BlockParserFactory blockParserFactory) {
            return html.canInterruptBy(blockParserFactory);
        }

        @Override
        public MutableDataHolder getDataHolder() {
            return html.getDataHolder();
        }
    }
}
