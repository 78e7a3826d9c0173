package dev.hindsight.build;

import dev.hindsight.config.MarkdownFolders;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.source.SiteSource;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a run says when there is nothing to build — no {@code hindsight.yml}, or no document of any kind — with
 * the folders of Markdown files the source does hold and what would make them a site.
 */
final class NothingToBuild {

    private NothingToBuild() {
    }

    /** {@value SiteBuilder#RULE_NO_CONFIG}: the source has no configuration. */
    static Diagnostic noConfiguration(Path source, YamlReader yaml) {
        MarkdownFolders found = markdownFolders(source, Set.of(), yaml);
        String hint;
        if (found.isEmpty()) {
            hint = "there is no Markdown file here either: point --source at the folder that holds "
                    + SiteConfig.FILE_NAME + ", or start a knowledge base with `hindsight init`";
        } else {
            String mapping = found.exampleMapping();
            hint = "Markdown files here: " + found.summary() + "; `hindsight adopt` writes a " + SiteConfig.FILE_NAME
                    + " that fits them"
                    + (mapping.isEmpty() ? "" : " (or map your folders to kinds yourself, such as " + mapping + ")")
                    + "; or point --source at the folder that holds " + SiteConfig.FILE_NAME;
        }
        return new Diagnostic(Severity.ERROR, SiteBuilder.RULE_NO_CONFIG, Position.ofFile(SiteConfig.FILE_NAME),
                "no " + SiteConfig.FILE_NAME + " in " + source + ": this folder is not a Hindsight knowledge base",
                hint);
    }

    /** {@value SiteBuilder#RULE_NO_DOCUMENTS}: no file is a document of any kind. */
    static Diagnostic noDocuments(SiteBuilder.Setup setup, YamlReader yaml) {
        MarkdownFolders found = markdownFolders(setup.root(),
                setup.output() == null ? Set.of() : Set.of(setup.output()), yaml);
        List<String> folders = setup.config().kinds().stream().flatMap(k -> k.folders().stream())
                .map(f -> f.endsWith("/") ? f : f + "/").distinct().sorted().toList();
        String hint;
        if (found.isEmpty()) {
            hint = "there is no Markdown file here: write one with `hindsight new postmortem \"TITLE\"` "
                    + "or `hindsight new runbook \"TITLE\" --service ID`";
        } else {
            String mapping = found.exampleMapping();
            hint = "Markdown files here: " + found.summary() + "; `hindsight adopt --force` rewrites "
                    + SiteConfig.FILE_NAME + " to fit them, or "
                    + (mapping.isEmpty() ? "give them a `type:` (such as postmortem or runbook) in their front matter"
                    : "map them to kinds in it, such as " + mapping);
        }
        return new Diagnostic(Severity.ERROR, SiteBuilder.RULE_NO_DOCUMENTS, Position.ofFile(SiteConfig.FILE_NAME),
                "no documents recognized: no Markdown file is in a kind's folder ("
                        + (folders.isEmpty() ? "none configured" : String.join(", ", folders)) + ") or has a `type:`",
                hint);
    }

    private static MarkdownFolders markdownFolders(Path root, Set<Path> excluded, YamlReader yaml) {
        try {
            return MarkdownFolders.of(new SiteSource(root, yaml).scan(excluded, new Diagnostics()));
        } catch (IOException | UncheckedIOException e) {
            return MarkdownFolders.of(List.of());
        }
    }
}
