package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import dev.hindsight.source.FrontMatter;
import java.util.Objects;

/**
 * A rule's identity, taken from its {@link RuleInfo} registry entry: its stable id and the severity it
 * reports at unless hindsight.yml says otherwise.
 */
abstract class BaseRule implements Rule {

    private final String id;
    private final Severity defaultSeverity;

    BaseRule(RuleInfo info) {
        this.id = info.id();
        this.defaultSeverity = Objects.requireNonNull(info.defaultSeverity(), () -> info.id() + " has no default severity");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Item {@code i} of the document's front-matter list at {@code pointer}, or the key when it holds one value. */
    static Position listItem(Document doc, String pointer, int i) {
        FrontMatter fm = doc.meta().source().frontMatter();
        return fm.valuePositionOf(fm.root().at(pointer).isArray() ? pointer + "/" + i : pointer);
    }
}
