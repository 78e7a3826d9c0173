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
 * straight away, and so is a line that holds anything but the break's character, spaces and tabs (a list item
 * {@code - text}). Registered in place of the built-in factories ({@code Parser.FENCED_CODE_BLOCK_PARSER} and
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

    /**
     * Whether the line from {@code from} on can be a thematic break of {@code c} (at least three of it, nothing
     * else but spaces and tabs), or, without {@code spaced}, a setext underline of {@code c} (a run of it, then
     * nothing but spaces and tabs): flexmark's patterns for both are anchored at both ends. A line terminator is
     * let through wherever it is, so that every line the pattern could match reaches it; a list item
     * ({@code - text}) is answered at its first letter.
     */
    static boolean marksOnly(BasedSequence line, int from, char c, boolean spaced) {
        int n = line.length();
        int i = from;
        int marks = 0;
        while (i < n && line.charAt(i) == c) {
            i++;
            marks++;
        }
        for (; i < n; i++) {
            char d = line.charAt(i);
            if (d == c && spaced) {
                marks++;
            } else if (d != ' ' && d != '\t' && !lineTerminator(d)) {
                return false;
            }
        }
        return !spaced || marks >= 3;
    }

    /** What a regular expression's {@code $} may stand before (without {@code UNIX_LINES}). */
    private static boolean lineTerminator(char d) {
        return d == '\n' || d == '\r' || d == '\u0085' || d == '\u2028' || d == '\u2029';
    }

    static final class ThematicBreaks extends ThematicBreakParser.Factory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            BlockParserFactory delegate = super.apply(options);
            return (state, matched) -> {
                char c = first(state);
                return (c == '*' || c == '-' || c == '_')
                        && marksOnly(state.getLine(), state.getNextNonSpaceIndex(), c, true)
                        ? delegate.tryStart(state, matched) : BlockStart.none();
            };
        }
    }
}
