package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;

/** A rule about the prose lines of a document (front-matter values and body, not code), any kind. */
abstract class ProseRule extends DocumentRule<Document> {

    ProseRule(RuleInfo info) {
        super(info, Document.class);
    }

    @Override
    final void check(Context context, Document doc, Reporter out) {
        for (ProseLines.Line line : ProseLines.of(doc.meta().source().file())) {
            check(context, doc, line, out);
        }
    }

    abstract void check(Context context, Document doc, ProseLines.Line line, Reporter out);

    /** The 0-based {@code index} of the line as a position. */
    static Position at(Document doc, ProseLines.Line line, int index) {
        return Position.of(doc.meta().sourcePath(), line.number(), index + 1);
    }
}
