package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;

/** Relative links stay inside the site, and links to {@code .md} files point at a document. */
final class BrokenLinkRule extends LinkRule {

    BrokenLinkRule() {
        super(RuleInfo.BROKEN_LINK);
    }

    @Override
    void check(Context context, Document doc, Link link, InternalLink target, Position at, Reporter out) {
        if (link.networkPath() || target.path().isEmpty()) {
            return; // another host, as a browser reads it (unsafe-link warns about the backslash forms), or this page
        }
        if (target.escapes()) {
            out.report(at, "link `" + link.url() + "` leads outside the site", "link to a file inside the site");
        } else if (target.path().endsWith(".md")) {
            if (context.kb().byPath(target.path()).isEmpty()) {
                out.report(at, "link `" + link.url() + "` points to " + target.path() + ", which is not a document",
                        "check the file name; links are relative to this file's folder");
            }
        }
        // Links to other files (images, attachments) are the missing-asset rule's.
    }
}
