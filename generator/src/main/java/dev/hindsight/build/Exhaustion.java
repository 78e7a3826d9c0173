package dev.hindsight.build;

import dev.hindsight.api.BuildResult;
import dev.hindsight.config.SiteConfig;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run that ran out of stack or memory, as one diagnostic ({@value SiteBuilder#RULE_STACK_OVERFLOW} or
 * {@value SiteBuilder#RULE_OUT_OF_MEMORY}) that says where and what to do, never a stack trace.
 */
final class Exhaustion {

    private Exhaustion() {
    }

    /** A document that made the run run out of stack or memory. */
    static final class DocumentExhausted extends RuntimeException {
        private final String path;

        DocumentExhausted(String path, Throwable cause) {
            super(path, cause, false, false);
            this.path = path;
        }
    }

    /**
     * The one diagnostic of a run that ran out of stack or memory ({@code error} as caught, perhaps wrapped by
     * a task or a parallel stream) at {@code stage} after reading {@code documents} documents, or null when
     * {@code error} is not that.
     */
    static BuildResult of(Throwable error, String stage, int documents, Path source) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DocumentExhausted || t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
                return diagnose(t, stage, documents, source);
            }
        }
        return null;
    }

    /** What happened, where, what to do. */
    private static BuildResult diagnose(Throwable error, String stage, int documents, Path source) {
        String document = null;
        Throwable cause = error;
        if (error instanceof DocumentExhausted d) {
            document = d.path;
            cause = d.getCause();
        }
        Path root = source.toAbsolutePath().normalize();
        List<String> templates = templateOverrides(root);
        boolean writing = SiteBuilder.STAGE_WRITING.equals(stage);
        String where = document != null ? "reading " + document : stage;
        Position at = Position.ofFile(document != null ? document : SiteConfig.FILE_NAME);
        String overrides = String.join(", ", templates.stream().limit(5).toList());
        Diagnostic d;
        if (cause instanceof StackOverflowError) {
            String larger = "give Java a larger stack: HINDSIGHT_JAVA_OPTS=-Xss16m (Maven: MAVEN_OPTS=-Xss16m)";
            if (writing && inTemplate(cause) && !templates.isEmpty()) {
                d = new Diagnostic(Severity.ERROR, SiteBuilder.RULE_STACK_OVERFLOW, Position.ofFile(templates.get(0)),
                        "ran out of stack while writing the site, in a template: one of the site's templates ("
                                + overrides + ") most likely calls itself without end",
                        "look for a macro, function or #include that calls itself in templates/; if the templates "
                                + "are right, " + larger);
            } else if (document != null) {
                d = new Diagnostic(Severity.ERROR, SiteBuilder.RULE_STACK_OVERFLOW, at, "ran out of stack while "
                        + where + ": its Markdown or front matter nests too deeply", "flatten the deepest nesting "
                        + "(lists, quotes, brackets), or " + larger);
            } else {
                d = new Diagnostic(Severity.ERROR, SiteBuilder.RULE_STACK_OVERFLOW, at, "ran out of stack while "
                        + where + (inTemplate(cause) ? ", in a template" : ""), larger);
            }
        } else {
            d = new Diagnostic(Severity.ERROR, SiteBuilder.RULE_OUT_OF_MEMORY, at, "ran out of memory while " + where,
                    "give Java more memory: HINDSIGHT_JAVA_OPTS=-Xmx4g (java -Xmx4g -jar hindsight.jar; "
                            + "Maven: MAVEN_OPTS=-Xmx4g)"
                            + (writing && !templates.isEmpty() ? "; the site overrides " + overrides
                            + ", check it too" : ""));
        }
        return new BuildResult(List.of(d), documents, 0, true);
    }

    /** Whether the error happened while FreeMarker was processing a template. */
    private static boolean inTemplate(Throwable error) {
        // A parallel stream rethrows a copy made on the calling thread, with the original as its cause.
        for (Throwable t = error; t != null; t = t.getCause()) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("freemarker.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The site's own templates ({@code templates/…}), sorted; empty when it has none or they cannot be listed. */
    private static List<String> templateOverrides(Path root) {
        Path dir = root.resolve("templates");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> "templates/" + f.getFileName()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
