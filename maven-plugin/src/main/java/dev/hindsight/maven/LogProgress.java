package dev.hindsight.maven;

import dev.hindsight.api.BuildListener;
import dev.hindsight.api.Stage;
import org.apache.maven.plugin.logging.Log;

/**
 * The progress of a check or build in Maven's log: one info line as reading, checking and writing begin (with
 * how many files, documents or pages), never one per document.
 */
final class LogProgress implements BuildListener {

    private final Log log;

    LogProgress(Log log) {
        this.log = log;
    }

    @Override
    public void started(Stage stage, int total) {
        switch (stage) {
            case PARSE -> log.info("Hindsight: reading " + plural(total, "Markdown file"));
            case VALIDATE -> log.info("Hindsight: checking " + plural(total, "document"));
            case RENDER -> log.info("Hindsight: writing " + plural(total, "page"));
            default -> {
                // read, Git, search and write have no line of their own
            }
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
