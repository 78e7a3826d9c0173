package dev.hindsight.validate;

import dev.hindsight.config.KindConfig;
import dev.hindsight.markdown.Block;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.StructureExtractor;
import java.util.List;

/** Finding a kind's sections in a document. */
final class Sections {

    private Sections() {
    }

    static int find(KindConfig kind, ParsedMarkdown body, String section) {
        return StructureExtractor.find(body, kind.headingsFor(section));
    }

    static List<Block> blocks(KindConfig kind, ParsedMarkdown body, String section) {
        int at = find(kind, body, section);
        return at < 0 ? List.of() : body.blocksUnder(at);
    }
}
