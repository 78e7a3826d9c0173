package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that put blame on people ("human error", "should have known"), reported where they
 * stand. Postmortems describe systems and decisions, so that people keep reporting honestly.
 */
final class BlamelessLanguageRule extends DocumentRule {

    /** The compiled phrases, per phrase list: compiled once per build, not once per document. */
    private final java.util.Map<List<String>, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String id() {
        return "blameless-language";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        List<String> phrases = context.config().validation().blameless();
        if (phrases.isEmpty()) {
            return;
        }
        Pattern pattern = patterns.computeIfAbsent(phrases, BlamelessLanguageRule::pattern);
        for (ProseLines.Line line : ProseLines.of(doc.meta().source().file())) {
            Matcher m = pattern.matcher(line.text());
            while (m.find()) {
                out.report(Position.of(doc.meta().sourcePath(), line.number(), m.start() + 1),
                        "\"" + m.group() + "\" assigns blame",
                        "describe what the system allowed and why the decision made sense at the time");
            }
        }
    }

    static Pattern pattern(List<String> phrases) {
        StringBuilder p = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) {
                p.append('|');
            }
            p.append(Pattern.quote(phrases.get(i).strip()).replace(" ", "\\E\\s+\\Q"));
        }
        return Pattern.compile(p.append(")(?![\\p{L}\\p{N}])").toString());
    }
}
