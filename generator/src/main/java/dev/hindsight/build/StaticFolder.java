package dev.hindsight.build;

import dev.hindsight.config.StaticSettings;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.publish.PreviousSite;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The site's {@code static/} folder, copied as is after everything generated (symbolic links are not
 * followed). A static file never replaces a generated one: that is a {@code static-conflict} error
 * naming both, and the generated file is kept. Hidden files and folders (any segment starting with
 * {@code .}: {@code .env}, {@code .git/}, {@code .DS_Store}) are left out with a note, unless
 * {@code static.include_dotfiles} lists them.
 */
final class StaticFolder {

    private StaticFolder() {
    }

    /**
     * Copies {@code src} (the site's {@code static/}, if it exists) into {@code staging}; a file the published
     * site {@code previous} holds the same is linked to it, not copied.
     */
    static void copy(Path src, Path staging, StaticSettings settings, Diagnostics diagnostics, PreviousSite previous)
            throws IOException {
        if (!Files.isDirectory(src)) {
            return;
        }
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(src)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(src, dir);
                if (hidden(dir, rel)) {
                    note(rel + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path target = staging.resolve(rel);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    conflict(rel + "/", rel);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(src, file);
                if (hidden(file, rel)) {
                    note(rel);
                    return FileVisitResult.CONTINUE;
                }
                Path target = staging.resolve(rel);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    conflict(rel, Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? rel + "/" : rel);
                    return FileVisitResult.CONTINUE;
                }
                if (!previous.linkedCopy(file, target)) {
                    Files.copy(file, target);
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean hidden(Path p, String rel) {
                return p.getFileName().toString().startsWith(".") && !settings.includes(rel);
            }

            private void note(String rel) {
                String at = "static/" + (rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel);
                diagnostics.add(new Diagnostic(Severity.INFO, SiteWriter.RULE_STATIC_DOTFILE, Position.ofFile(at),
                        "static/" + rel + " is not published: names starting with `.` are left out",
                        "to publish it (such as .well-known/), list it under `static.include_dotfiles` in hindsight.yml"));
            }

            private void conflict(String staticRel, String generated) {
                String at = "static/" + (staticRel.endsWith("/") ? staticRel.substring(0, staticRel.length() - 1)
                        : staticRel);
                diagnostics.error(SiteWriter.RULE_STATIC_CONFLICT, Position.ofFile(at), "static/" + staticRel
                        + " would replace the generated " + generated + "; the generated file is kept",
                        "rename or move it; to change a generated page, override its template in templates/");
            }
        });
    }

    private static String relative(Path base, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path segment : base.relativize(p)) {
            b.append(b.length() == 0 ? "" : "/").append(segment);
        }
        return b.toString();
    }
}
