package dev.hindsight.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableNodeRenderer;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * flexmark's tables extension ({@link TablesExtension}: the paragraph pre-processor that finds tables, and their
 * HTML renderer), with one pre-processor for all the documents a parser parses. flexmark makes one per document,
 * reading the table options and compiling the header-separator pattern each time (a hundredth of a parse); the
 * pre-processor keeps nothing but those, so one made for the parser's options serves every document and thread.
 * One per parser: the options are the parser's.
 */
final class SharedTables implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {
        // as TablesExtension: none
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        // as TablesExtension: none
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Shared(TableParagraphPreProcessor.Factory()));
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        if (builder.isRendererType("HTML")) {
            builder.nodeRendererFactory(new TableNodeRenderer.Factory());
        }
    }

    /** flexmark's factory of table pre-processors, asked once; its dependencies are flexmark's. */
    private static final class Shared implements ParagraphPreProcessorFactory {
        private final ParagraphPreProcessorFactory tables;
        private volatile ParagraphPreProcessor made;

        Shared(ParagraphPreProcessorFactory tables) {
            this.tables = tables;
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            ParagraphPreProcessor p = made;
            if (p == null) {
                p = tables.apply(state);
                made = p;
            }
            return p;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return tables.getAfterDependents();
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return tables.getBeforeDependents();
        }

        @Override
        public boolean affectsGlobalScope() {
            return tables.affectsGlobalScope();
        }
    }
}
