package dev.hindsight.adopt;

import java.util.Set;

/** How a collection is laid out, from the files at its root: where its content is. */
enum Layout {
    HUGO("content/"), MKDOCS("docs/"), DOCUSAURUS("docs/"), PLAIN("");

    /** The folder holding the pages ("" for the whole collection). */
    final String contentFolder;

    Layout(String contentFolder) {
        this.contentFolder = contentFolder;
    }

    static Layout detect(Set<String> rootFiles) {
        if (rootFiles.contains("content") && (rootFiles.contains("config.toml") || rootFiles.contains("config.yaml")
                || rootFiles.contains("config.yml") || rootFiles.contains("hugo.toml") || rootFiles.contains("hugo.yaml")
                || rootFiles.contains("hugo.yml"))) {
            return HUGO;
        }
        if (rootFiles.contains("mkdocs.yml") || rootFiles.contains("mkdocs.yaml")) {
            return MKDOCS;
        }
        if (rootFiles.contains("docusaurus.config.js") || rootFiles.contains("docusaurus.config.ts")) {
            return DOCUSAURUS;
        }
        return PLAIN;
    }

    /** Section index pages: a folder's introduction, not a document. */
    static boolean isIndexPage(String fileName) {
        return fileName.equals("_index.md") || fileName.equals("index.md") || fileName.equalsIgnoreCase("README.md");
    }

    /** Files of the project around the collection rather than of the collection. */
    static boolean isProjectFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toUpperCase(java.util.Locale.ROOT);
        return Set.of("CHANGELOG.MD", "CONTRIBUTING.MD", "LICENSE.MD", "CODE_OF_CONDUCT.MD", "SECURITY.MD",
                "SUPPORT.MD").contains(name);
    }
}
