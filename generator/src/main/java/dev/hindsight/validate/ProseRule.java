package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import java.util.ArrayList;
import java.util.List;

/** A rule about the prose lines of a document (front-matter values and body, not code), any kind. */
abstract class ProseRule extends DocumentRule<Document> {

    ProseRule(RuleInfo info) {
        super(info, Document.class);
    }

    @Override
    final void check(Context context, Document doc, Reporter out) {
        checkLines(context, doc, List.of(this), List.of(out));
    }

    /**
     * Runs {@code rules}, each with the reporter at the same index, in one pass over each document's prose
     * lines: the lines are made once per document, not once per rule. The same diagnostics as running each
     * rule on its own ({@link #check(Context, Reporter)}); rules that do not apply here are left out.
     */
    static void checkAll(Context context, List<ProseRule> rules, List<Reporter> reporters) {
        List<ProseRule> running = new ArrayList<>();
        List<Reporter> outs = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).applies(context)) {
                running.add(rules.get(i));
                outs.add(reporters.get(i));
            }
        }
        if (running.isEmpty()) {
            return;
        }
        context.kb().documents().parallelStream().forEach(doc -> checkLines(context, doc, running, outs));
    }

    /** Runs {@code rules} (each with the reporter at the same index) over {@code doc}'s prose lines, made once. */
    static void checkLines(Context context, Document doc, List<ProseRule> rules, List<Reporter> reporters) {
        for (ProseLines.Line line : ProseLines.of(doc.meta().source().file())) {
            for (int i = 0; i < rules.size(); i++) {
                rules.get(i).check(context, doc, line, reporters.get(i));
            }
        }
    }

    abstract void check(Context context, Document doc, ProseLines.Line line, Reporter out);

    /** The 0-based {@code index} of the line as a position. */
    static Position at(Document doc, ProseLines.Line line, int index) {
        return Position.of(doc.meta().sourcePath(), line.number(), index + 1);
    }
}
