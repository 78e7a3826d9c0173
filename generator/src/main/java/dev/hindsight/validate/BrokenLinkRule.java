package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;

/** Relative links stay inside the site, and links to {@code .md} files point at a document. */
final class BrokenLinkRule extends DocumentRule {

    BrokenLinkRule() {
        super("broken-link", Severity.ERROR);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        for (Link link : doc.body().links()) {
            InternalLink target = InternalLink.resolve(doc.meta().sourcePath(), link.url());
            if (target == null || target.path().isEmpty()) {
                continue;
            }
            Position at = Position.of(doc.meta().sourcePath(), link.line(), link.column());
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
}
