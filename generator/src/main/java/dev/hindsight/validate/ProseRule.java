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

    /**
     * Runs {@code rules} (each with the reporter at the same index) over {@code doc}'s prose lines: a line is made
     * (once) only when a rule's {@link #mayMatch} lets it through, and then each rule that lets it through checks it.
     */
    static void checkLines(Context context, Document doc, List<ProseRule> rules, List<Reporter> reporters) {
        int count = rules.size();
        ProseLines.each(doc.meta().source().file(), (text, chars, from, to, number, markdown) -> {
            ProseLines.Line line = null;
            for (int i = 0; i < count; i++) {
                ProseRule rule = rules.get(i);
                if (rule.mayMatch(context, text, chars, from, to)) {
                    if (line == null) {
                        line = ProseLines.line(text, from, to, number, markdown);
                    }
                    rule.check(context, doc, line, reporters.get(i));
                }
            }
            return true;
        });
    }

    /**
     * A quick look at the line {@code from}..{@code to} of {@code text} as it stands in the file (code spans not
     * blanked), given also as {@link dev.hindsight.markdown.Latin1} bytes: false only when {@link #check} cannot
     * report anything on it, whatever blanking code spans changes.
     */
    boolean mayMatch(Context context, String text, byte[] chars, int from, int to) {
        return true;
    }

    abstract void check(Context context, Document doc, ProseLines.Line line, Reporter out);

    /** The 0-based {@code index} of the line as a position. */
    static Position at(Document doc, ProseLines.Line line, int index) {
        return Position.of(doc.meta().sourcePath(), line.number(), index + 1);
    }
}
