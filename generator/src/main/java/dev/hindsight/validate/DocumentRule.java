package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;

/**
 * A rule that looks at one document of type {@code T} at a time ({@code Document} for every kind);
 * documents are checked in parallel. A rule that needs something the run may not have (a reference
 * date, a setting) says so in {@link #applies} and is then skipped as a whole.
 */
abstract class DocumentRule<T extends Document> extends BaseRule {

    private final Class<T> type;

    DocumentRule(RuleInfo info, Class<T> type) {
        super(info);
        this.type = type;
    }

    @Override
    public final void check(Context context, Reporter out) {
        if (applies(context)) {
            context.kb().documents().parallelStream().filter(type::isInstance)
                    .forEach(d -> check(context, type.cast(d), out));
        }
    }

    /** Checks {@code doc} when it is of the rule's type (the rule's {@link #applies} is the caller's to ask). */
    final void checkOne(Context context, Document doc, Reporter out) {
        if (type.isInstance(doc)) {
            check(context, type.cast(doc), out);
        }
    }

    /** Whether the rule runs at all in this context. */
    boolean applies(Context context) {
        return true;
    }

    abstract void check(Context context, T doc, Reporter out);
}
