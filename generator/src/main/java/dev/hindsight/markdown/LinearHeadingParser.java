package dev.hindsight.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's heading parser, asked only about lines that can be a heading. flexmark's own one
 * gathers the whole current paragraph on every line to check for a setext underline, so a paragraph
 * or table of n lines cost n²: a 20 000-row timeline table took seconds, 100 000 rows minutes. A
 * heading line starts with {@code #} (ATX) or is made of {@code =} or {@code -} (setext), so every
 * other line is answered "no heading" straight away: a list item ({@code - text}) at its first letter, without
 * flexmark's regular expressions. Registered in place of the built-in factory
 * ({@code Parser.HEADING_PARSER} off), with the same ordering.
 */
final class LinearHeadingParser extends HeadingParser.Factory {

    /**
     * flexmark's heading factory for the options it was last made for. flexmark asks for one per document, and
     * each compiles five regular expressions; it holds nothing else and reads no document state but what
     * {@code tryStart} is given, so one serves every document parsed with the same options.
     */
    private volatile Made made;

    private record Made(DataHolder options, BlockParserFactory delegate) {
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        Made m = made;
        if (m == null || m.options() != options) {
            m = new Made(options, super.apply(options));
            made = m;
        }
        BlockParserFactory delegate = m.delegate();
        return (state, matched) -> {
            BasedSequence line = state.getLine();
            int i = state.getNextNonSpaceIndex();
            if (i >= line.length()) {
                return BlockStart.none();
            }
            char c = line.charAt(i);
            return c == '#' || (c == '=' || c == '-') && GuardedBlockStarts.marksOnly(line, i, c, false)
                    ? delegate.tryStart(state, matched) : BlockStart.none();
        };
    }
}
