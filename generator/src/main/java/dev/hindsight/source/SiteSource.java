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
    public static final String RULE_FILE_NAME = "file-name";
    public static final String RULE_SPECIAL_FILE = LimitedFiles.RULE_SPECIAL_FILE;

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
                return nameIsReadable(dir, "folder", "the files in it are not read", diagnostics)
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
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
                if (!nameIsReadable(file, "file", "the file is not read", diagnostics)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relativeInWalk(file);
                if (attrs.isSymbolicLink()) {
                    if (!insideRoot(file)) {
                        diagnostics.warning(RULE_SYMLINK, Position.ofFile(rel),
                                "symbolic link points outside the site root; not followed",
                                "copy the file into the site instead of linking to it");
                        return FileVisitResult.CONTINUE;
                    }
                }
                // After following a link: a named pipe, socket or device would block or never end.
                // (The walk's attributes are the entry's own: for anything but a link they already say.)
                if (attrs.isSymbolicLink() ? !Files.isRegularFile(file) : !attrs.isRegularFile()) {
                    LimitedFiles.reportSpecial(file, rel, diagnostics);
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

    /**
     * Reports a name that cannot be read safely ({@code file-name} error, false) or is unportable
     * ({@code file-name} warning, true); true for a plain name.
     */
    private boolean nameIsReadable(Path path, String what, String consequence, Diagnostics diagnostics) {
        FileNames.Problem problem = FileNames.check(path);
        if (problem == FileNames.Problem.NONE) {
            return true;
        }
        StringBuilder rel = new StringBuilder();
        for (Path segment : root.relativize(path.toAbsolutePath().normalize())) {
            rel.append(rel.length() == 0 ? "" : "/").append(segment);
        }
        String shown = FileNames.visible(rel.toString(), path);
        Position at = Position.ofFile(shown);
        String subject = "the " + what + " name `" + shown + "`";
        switch (problem) {
            case CONTROL -> diagnostics.error(RULE_FILE_NAME, at, subject + " contains a control character; "
                    + consequence, "rename it");
            case BACKSLASH -> diagnostics.error(RULE_FILE_NAME, at, subject + " contains a backslash, which is a"
                    + " folder separator on Windows; " + consequence, "rename it");
            case NOT_UTF8 -> diagnostics.error(RULE_FILE_NAME, at, subject + " is not valid UTF-8; " + consequence,
                    "rename it");
            default -> {
                diagnostics.warning(RULE_FILE_NAME, at, subject + " contains "
                        + String.join(", ", FileNames.unportable(path.getFileName().toString()))
                        + ", which Windows does not allow in file names; the repository cannot be checked out there",
                        "rename it to keep the knowledge base portable");
                return true;
            }
        }
        return false;
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

    /**
     * {@link #relative} of a path the walk of {@link #scan} made ({@code root} resolved against names read from
     * folders, never {@code .} or {@code ..}): the text after the root's, without relativizing paths (10,000
     * files a run). Anything else goes through {@link #relative}.
     */
    private String relativeInWalk(Path file) {
        String r = root.toString();
        String s = file.toString();
        if (s.length() > r.length() + 1 && s.startsWith(r) && s.charAt(r.length()) == java.io.File.separatorChar
                && file.isAbsolute()) {
            return s.substring(r.length() + 1).replace('\\', '/');
        }
        return relative(file);
    }

    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
