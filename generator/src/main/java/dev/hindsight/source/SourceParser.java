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
                : FrontMatter.empty(relPath);
        return new SourceDocument(file, fm);
    }
}
