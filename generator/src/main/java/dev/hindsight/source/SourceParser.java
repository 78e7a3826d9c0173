package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;

/** The pure half of reading a document: split the text and parse its front matter. No disk access. */
public final class SourceParser {

    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final YamlReader yaml;

    public SourceParser(YamlReader yaml) {
        this.yaml = yaml;
    }

    public SourceDocument parse(String relPath, String text, Diagnostics diagnostics) {
        SourceFile file = splitter.split(relPath, text, diagnostics);
        FrontMatter fm = file.hasFrontMatter()
                ? yaml.read(relPath, file.frontMatter(), file.frontMatterLine(), diagnostics)
                : opensFrontMatter(text) ? FrontMatter.unreadable(relPath) : FrontMatter.empty(relPath);
        return new SourceDocument(file, fm);
    }

    /** A file that starts a front matter the splitter could not close (already reported). */
    private static boolean opensFrontMatter(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.startsWith("---\n") || t.startsWith("---\r") || t.strip().equals("---");
    }
}
