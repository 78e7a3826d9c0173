package dev.hindsight.validate;

import dev.hindsight.diag.Position;
import dev.hindsight.diag.RuleInfo;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;
import dev.hindsight.source.LinkedFile;

/**
 * Images and files a document links to (Markdown links and images, raw {@code <img src>}) exist in the
 * site and can be published: they are copied beside the pages ({@link LinkedFile}).
 */
final class MissingAssetRule extends DocumentRule<Document> {

    MissingAssetRule() {
        super(RuleInfo.MISSING_ASSET, Document.class);
    }

    @Override
    void check(Context context, Document doc, Reporter out) {
        if (context.root() == null) {
            return;
        }
        for (Link link : doc.body().links()) {
            LinkedFile file = LinkedFile.resolve(context.root(), doc.meta().sourcePath(), link.url()).orElse(null);
            if (file == null) {
                continue;
            }
            Position at = Position.of(doc.meta().sourcePath(), link.line(), link.column());
            String what = link.image() ? "image" : "link";
            switch (file.status()) {
                case MISSING -> out.report(at, what + " `" + link.url() + "` points to " + file.path()
                        + ", which does not exist", "check the file name; links are relative to this file's folder");
                case OUTSIDE -> out.report(at, what + " `" + link.url() + "` points to " + file.path()
                        + ", a symbolic link to outside the site; it is not copied",
                        "copy the file into the site instead of linking to it");
                case HIDDEN -> out.report(at, what + " `" + link.url() + "` points to " + file.path()
                        + ", a hidden file; hidden files are never copied to the site",
                        "move the file to a folder whose name does not start with a dot");
                case FILE, FOLDER -> {
                    // copied with the pages (a file) or nothing to copy (a folder)
                }
                default -> throw new IllegalStateException("unknown status " + file.status());
            }
        }
    }
}
