package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases that put blame on people ("human error", "should have known"), reported where they
 * stand. Postmortems describe systems and decisions, so that people keep reporting honestly.
 */
final class BlamelessLanguageRule extends ProseRule {

    /** The compiled phrases, per phrase list: compiled once per build, not once per document. */
    private final java.util.Map<List<String>, Phrases> patterns = new java.util.concurrent.ConcurrentHashMap<>();

    BlamelessLanguageRule() {
        super(RuleInfo.BLAMELESS_LANGUAGE);
    }

    @Override
    boolean applies(Context context) {
        return !context.config().validation().blameless().isEmpty();
    }

    @Override
    void check(Context context, Document doc, ProseLines.Line line, Reporter out) {
        Phrases compiled = patterns.computeIfAbsent(context.config().validation().blameless(), Phrases::of);
        if (!compiled.mayMatch(line.text())) {
            return;
        }
        Matcher m = compiled.pattern().matcher(line.text());
        while (m.find()) {
            out.report(at(doc, line, m.start()), "\"" + m.group() + "\" assigns blame",
                    "describe what the system allowed and why the decision made sense at the time");
        }
    }

    /**
     * The phrase pattern, and the first word of each phrase in lower case: a line holding none of
     * those words cannot match, and a plain search for them is much cheaper than trying the
     * case-insensitive alternation at every position. Phrases whose first word is not ASCII are
     * not pre-filtered (Unicode case folding may change lengths), so they always reach the pattern.
     */
    record Phrases(Pattern pattern, List<String> firstWords, boolean filter) {
        static Phrases of(List<String> phrases) {
            List<String> words = new java.util.ArrayList<>();
            boolean filter = true;
            for (String phrase : phrases) {
                String first = phrase.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
                filter &= !first.isEmpty() && first.chars().allMatch(c -> c < 128);
                words.add(first);
            }
            return new Phrases(BlamelessLanguageRule.pattern(phrases), List.copyOf(words), filter);
        }

        boolean mayMatch(String line) {
            if (!filter) {
                return true;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                // Letters that case-insensitive matching equates with an ASCII one, which lower-casing keeps apart.
                if (c == '\u017F' || c == '\u0131' || c == '\u0130' || c == '\u212A') {
                    return true;
                }
            }
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            for (String w : firstWords) {
                if (lower.contains(w)) {
                    return true;
                }
            }
            return false;
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
