package dev.hindsight.build;

import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.markdown.Section;
import dev.hindsight.model.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check (a run that writes no pages) keeps of a document once it is made (issue 18: a small live set):
 * the body without its plain text, which only the search index reads, and each block reduced to its kind, line
 * and shape (an ordered list and its first number, a code block's language) without its text. The rules read
 * only that of the blocks (a runbook's numbered diagnosis steps and mitigation code); the timeline, whys and
 * action items were made of the blocks' text when the document was ({@code DocumentFactory}). The source text
 * of the file is dropped too: only the document-local rules read it ({@code validate.LocalChecks}), and they ran
 * when the document was read; the parsed front matter stays, with its positions, for the rules that run after.
 */
final class CheckedShape {

    private CheckedShape() {
    }

    static Document of(Document d) {
        return d.with(d.meta().withoutFileText(),
                new ParsedMarkdown(d.body().html(), d.body().headings(), shapes(d.body()), d.body().links(), ""));
    }

    /**
     * As {@link #of}, with the body's HTML held by {@code hold} (a {@link BodySpill}'s file) until the pages that show
     * it are written ({@link ParsedMarkdown#streamedWith}): what a one-shot build keeps of a document as it reads it.
     */
    static Document streamed(Document d, java.util.function.Function<String, java.util.function.Supplier<String>> hold) {
        return d.with(d.meta().withoutFileText(), d.body().streamedWith(shapes(d.body()), hold));
    }

    private static List<Section> shapes(ParsedMarkdown body) {
        List<Section> sections = new ArrayList<>(body.sections().size());
        for (Section s : body.sections()) {
            if (s.blocks().isEmpty()) {
                sections.add(s);
                continue;
            }
            List<Block> shapes = new ArrayList<>(s.blocks().size());
            for (Block b : s.blocks()) {
                shapes.add(shape(b));
            }
            sections.add(new Section(s.heading(), shapes));
        }
        return sections;
    }

    private static Block shape(Block b) {
        if (b instanceof Block.Paragraph p) {
            return new Block.Paragraph(p.line(), "");
        }
        if (b instanceof Block.ListBlock l) {
            return new Block.ListBlock(l.line(), l.ordered(), l.start(), List.of());
        }
        if (b instanceof Block.Table t) {
            return new Block.Table(t.line(), List.of(), List.of());
        }
        Block.Code c = (Block.Code) b;
        return new Block.Code(c.line(), c.info(), "");
    }
}
