package dev.hindsight.markdown;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's code-fence and thematic-break parsers, asked only about lines that can start one. Each runs a
 * regular expression on every line of the document (about 4 % of a check's samples at 10 000 documents,
 * issue 18), though a fence starts with {@code `} or {@code ~} and a thematic break with {@code *}, {@code -}
 * or {@code _} after the indentation: both patterns are anchored there. Every other line is answered "no"
 * straight away. Registered in place of the built-in factories ({@code Parser.FENCED_CODE_BLOCK_PARSER} and
 * {@code Parser.THEMATIC_BREAK_PARSER} off), as {@link LinearHeadingParser} is, with their dependencies.
 */
final class GuardedBlockStarts {

    private GuardedBlockStarts() {
    }

    /** The character after the line's indentation, or 0 at the end of the line. */
    private static char first(com.vladsch.flexmark.parser.block.ParserState state) {
        BasedSequence line = state.getLine();
        int i = state.getNextNonSpaceIndex();
        return i < line.length() ? line.charAt(i) : 0;
    }

    static final class Fences extends FencedCodeBlockParser.Factory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory delegate = super.apply(options);
            return (state, matched) -> {
                char c = first(state);
                return c == '`' || c == '~' ? delegate.tryStart(state, matched) : BlockStart.none();
            };
        }
    }

    static final class ThematicBreaks extends ThematicBreakParser.Factory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory delegate = super.apply(options);
            return (state, matched) -> {
                char c = first(state);
                return c == '*' || c == '-' || c == '_' ? delegate.tryStart(state, matched) : BlockStart.none();
            };
        }
    }
}
