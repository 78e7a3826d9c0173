package dev.hindsight.model;

import dev.hindsight.markdown.ParsedMarkdown;
import java.util.regex.Pattern;

/** A title taken from the document's first H1 is the page's title: the body does not show it a second time. */
final class TitleHeading {

    private static final Pattern FIRST_H1 = Pattern.compile("(?s)<h1(?:\\s[^>]*)?>.*?</h1>\\n?");

    private TitleHeading() {
    }

    static ParsedMarkdown withoutFirstH1(ParsedMarkdown body) {
        if (body.html() == null || body.html().isEmpty()) {
            return body;
        }
        String html = FIRST_H1.matcher(body.html()).replaceFirst("");
        return new ParsedMarkdown(html, body.headings(), body.sections(), body.links(), body.plainText());
    }
}
