package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code @name} mentions of people, when the site asks for them to be flagged ({@code blameless.mentions}). */
final class MentionRule extends DocumentRule {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@/:-])@[A-Za-z][\\w.-]*[\\w]");

    MentionRule() {
        super("mention", Severity.WARNING);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (!context.config().validation().flagMentions()) {
            return;
        }
        for (ProseLines.Line line : ProseLines.of(doc.meta().source().file())) {
            Matcher m = MENTION.matcher(line.text());
            while (m.find()) {
                out.report(Position.of(doc.meta().sourcePath(), line.number(), m.start() + 1),
                        "mention of " + m.group() + " in a document",
                        "name roles and teams rather than people (\"the on-call engineer\")");
            }
        }
    }
}
