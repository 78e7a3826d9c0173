package dev.hindsight.validate;

import dev.hindsight.config.KindConfig;
import dev.hindsight.markdown.ParsedMarkdown;
import dev.hindsight.model.StructureExtractor;

/** Finding a kind's sections in a document. */
final class Sections {

    private Sections() {
    }

    static int find(KindConfig kind, ParsedMarkdown body, String section) {
        return StructureExtractor.find(body, kind.headingsFor(section));
    }
}
