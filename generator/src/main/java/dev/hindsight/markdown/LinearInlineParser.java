package dev.hindsight.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.block.CharacterNodeFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser without its quadratic step. flexmark takes each regular-expression match
 * through {@link Matcher#toMatchResult()}, which on Java 17 copies the whole paragraph into a new
 * string: a paragraph of n characters with m inline elements cost n × m, and one long paragraph
 * (a pasted log, a 200 KB line) took minutes. Here the matcher's own offsets are used instead; the
 * results are the same.
 *
 * <p>Some of flexmark's inline steps stay quadratic in the length of one paragraph (delimiter runs,
 * backticks, reference definitions), so a paragraph longer than {@link #MAX_INLINE_CHARS} is not
 * parsed at all: it becomes one {@link UnparsedText} node, and {@link MarkdownParser} reports it.
 */
final class LinearInlineParser extends InlineParserImpl {

    /** About 2 500 words in one paragraph; the slowest inputs we know take under 0.1 s at this size. */
    static final int MAX_INLINE_CHARS = 16 * 1024;

    LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                       Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                       List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public void parse(BasedSequence input, Node block) {
        if (input.length() > MAX_INLINE_CHARS) {
            block.appendChild(new UnparsedText(input));
            return;
        }
        super.parse(input, block);
    }

    @Override
    public List<Node> parseCustom(BasedSequence input, Node block, BitSet customChars,
                                  Map<Character, CharacterNodeFactory> nodeFactoryMap) {
        if (input.length() > MAX_INLINE_CHARS) {
            return null;
        }
        return super.parseCustom(input, block, customChars, nodeFactoryMap);
    }

    /** Reference definitions at the start of a paragraph: each one re-reads the rest of it. */
    @Override
    public int preProcessBlock(Paragraph block, ParserState state) {
        if (block.getChars().length() > MAX_INLINE_CHARS) {
            return 0;
        }
        return super.preProcessBlock(block, state);
    }

    @Override
    public BasedSequence match(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) {
            return null;
        }
        index = m.end();
        return input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) {
            return null;
        }
        index = m.end();
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        groups[0] = input.subSequence(m.start(), m.end());
        for (int i = 1; i < groups.length; i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }

    static final class Factory implements InlineParserFactory {
        @Override
        public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                         Map<Character, DelimiterProcessor> delimiterProcessors,
                                         LinkRefProcessorData linkRefProcessors,
                                         List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new LinearInlineParser(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                    linkRefProcessors, inlineParserExtensions);
        }
    }
}
