package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;

/**
 * A rule about one section of the kind (found under its name or an alias); documents without the
 * section are left to {@code required-section}.
 */
abstract class SectionRule<T extends Document> extends DocumentRule<T> {

    private final String section;

    SectionRule(RuleInfo info, Class<T> type, String section) {
        super(info, type);
        this.section = section;
    }

    @Override
    final void check(Context context, T doc, Reporter out) {
        int at = Sections.find(context.kindOf(doc), doc.body(), section);
        if (at >= 0) {
            check(context, doc, at, out);
        }
    }

    /** Checks the section with index {@code section} in the document's body. */
    abstract void check(Context context, T doc, int section, Reporter out);

    /** The start of the section's heading line. */
    static Position heading(Document doc, int section) {
        return Position.of(doc.meta().sourcePath(), doc.body().sections().get(section).heading().line(), 1);
    }
}
