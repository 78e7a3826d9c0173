package dev.hindsight.source;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds and reads the Markdown files of a site root. Traversal is sorted by relative path; a symbolic
 * link to a file is followed only when its target stays inside the root, and a link to a folder never
 * (one that leaves the root is reported).
 */
public final class SiteSource {

    public static final String RULE_SYMLINK = "symlink-outside-root";
    public static final String RULE_READ = "read-error";

    /** Directory names never scanned for documents. */
    private static final Set<String> SKIPPED_DIRS = Set.of("target", "node_modules", "templates", "static",
            "archetypes", "build", "dist", "_site");

    private final Path root;
    private final Path realRoot;
    private final SourceParser parser;
    private final long maxFileSize;

    public SiteSource(Path root, YamlReader yaml) {
        this(root, yaml, LimitedFiles.DEFAULT_MAX_FILE_SIZE);
    }

    /** A source whose documents may hold at most {@code maxFileSize} bytes each. */
    public SiteSource(Path root, YamlReader yaml, long maxFileSize) {
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read site root " + root, e);
        }
        this.parser = new SourceParser(yaml);
        this.maxFileSize = maxFileSize;
    }

    public Path root() {
        return root;
    }

    /** Relative paths (with {@code /}) of every {@code .md} file below the root, sorted. */
    public List<String> scan(Set<Path> excluded, Diagnostics diagnostics) throws IOException {
        List<String> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (name.startsWith(".") || SKIPPED_DIRS.contains(name) || excluded.contains(dir.normalize())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isSymbolicLink() && Files.isDirectory(file) && !name.startsWith(".")
                        && !SKIPPED_DIRS.contains(name)) {
                    // Folders behind links are never walked: outside the root they are out of bounds,
                    // inside it their documents are read where they really are.
                    if (!insideRoot(file)) {
                        diagnostics.warning(RULE_SYMLINK, Position.ofFile(relative(file)),
                                "symbolic link to a folder outside the site root; not followed",
                                "copy the documents into the site instead of linking to them");
                    }
                    return FileVisitResult.CONTINUE;
                }
                if (!name.endsWith(".md") || name.startsWith(".")) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(file);
                if (attrs.isSymbolicLink()) {
                    if (!insideRoot(file)) {
                        diagnostics.warning(RULE_SYMLINK, Position.ofFile(rel),
                                "symbolic link points outside the site root; not followed",
                                "copy the file into the site instead of linking to it");
                        return FileVisitResult.CONTINUE;
                    }
                } else if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                found.add(rel);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                diagnostics.error(RULE_READ, Position.ofFile(relative(file)), "cannot read: " + exc.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return List.copyOf(found);
    }

    private boolean insideRoot(Path file) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads, decodes, splits and parses one file; null when it is too large or cannot be read as text. */
    public SourceDocument load(String relPath, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = LimitedFiles.read(root.resolve(relPath), relPath, maxFileSize, diagnostics);
        } catch (IOException e) {
            diagnostics.error(RULE_READ, Position.ofFile(relPath), "cannot read: " + e.getMessage());
            return null;
        }
        if (bytes == null) {
            return null;
        }
        String text = Utf8.decode(relPath, bytes, diagnostics);
        if (text == null) {
            return null;
        }
        return parser.parse(relPath, text, diagnostics);
    }

    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
