package dev.hindsight.validate;

import dev.hindsight.diag.RuleInfo;
import dev.hindsight.model.Document;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code @name} mentions of people, when the site asks for them to be flagged ({@code blameless.mentions}). */
final class MentionRule extends ProseRule implements DocumentLocal {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@/:-])@[A-Za-z][\\w.-]*[\\w]");

    MentionRule() {
        super(RuleInfo.MENTION);
    }

    @Override
    boolean applies(Context context) {
        return context.config().validation().flagMentions();
    }

    /** A mention starts with {@code @}. */
    @Override
    boolean mayMatch(Context context, String line, byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == '@') {
                return true;
            }
        }
        return false;
    }

    @Override
    void check(Context context, Document doc, ProseLines.Line line, Reporter out) {
        Matcher m = MENTION.matcher(line.text());
        while (m.find()) {
            out.report(at(doc, line, m.start()), "mention of " + m.group() + " in a document",
                    "name roles and teams rather than people (\"the on-call engineer\")");
        }
    }
}
