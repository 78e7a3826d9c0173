package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.diag.Severity;
import dev.hindsight.model.Document;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TODO markers left from the template: an error once a document is published, a warning while it
 * is a draft or in review.
 */
final class PlaceholderRule extends ProseRule implements DocumentLocal {

    private static final Pattern TODO = Pattern.compile("(?<![A-Za-z])(TODO|TBD|FIXME)(?![a-z])");

    PlaceholderRule() {
        super(RuleInfo.PLACEHOLDER);
    }

    @Override
    void check(Context context, Document doc, ProseLines.Line line, Reporter out) {
        if (!mayHoldMarker(line.text())) {
            return;
        }
        Matcher m = TODO.matcher(line.text());
        if (m.find()) {
            Position at = at(doc, line, m.start());
            String message = "placeholder " + m.group(1) + " left in the document";
            if (doc.meta().isPublished()) {
                out.report(at, message, "replace it with the real content before publishing");
            } else {
                out.reportAtMost(Severity.WARNING, at, message, "replace it before setting `status: published`");
            }
        }
    }

    /** Whether the line {@code from}..{@code to} of {@code text} holds TODO, TBD or FIXME ({@link #mayHoldMarker}). */
    @Override
    boolean mayMatch(Context context, String line, byte[] text, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            int c = text[i];
            if (c == 'T' ? text[i + 1] == 'O' && i + 3 < to && text[i + 2] == 'D' && text[i + 3] == 'O'
                    || text[i + 1] == 'B' && text[i + 2] == 'D'
                    : c == 'F' && i + 4 < to && text[i + 1] == 'I' && text[i + 2] == 'X' && text[i + 3] == 'M'
                    && text[i + 4] == 'E') {
                return true;
            }
        }
        return false;
    }

    /** A plain search first: the pattern's look-behind makes it try every position of every line. */
    private static boolean mayHoldMarker(String text) {
        return text.contains("TODO") || text.contains("TBD") || text.contains("FIXME");
    }
}
