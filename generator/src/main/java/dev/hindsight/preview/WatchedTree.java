package dev.hindsight.preview;

import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Which changes under the site root the preview rebuilds for, and which folders it watches at all.
 *
 * @param source the site root, absolute and normalized
 * @param output the preview's output directory, absolute and normalized
 */
record WatchedTree(Path source, Path output) {

    WatchedTree {
        source = source.toAbsolutePath().normalize();
        output = output.toAbsolutePath().normalize();
    }

    /**
     * Whether a change at {@code path} can change the site: not a change the preview makes itself (the
     * output directory, and the staging and old directories its atomic swap creates beside it), nor one
     * in a folder the build never reads (a hidden folder or file at the top of the site root, such as
     * {@code .git/} or {@code .hindsight/}, and any {@code .git}, {@code target} or {@code node_modules}
     * folder), nor an editor's swap file. Git rewrites {@code .git/} on its own (index refreshes, lock
     * files, packed refs); the files it changes in the work tree are what counts.
     */
    boolean relevant(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!inWatchedTree(p)) {
            return false;
        }
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return !(name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#"));
    }

    /** Whether {@code p} (absolute, normalized) lies in the part of the site root that the build reads. */
    private boolean inWatchedTree(Path p) {
        if (!p.startsWith(source) || p.equals(source) || ownOutput(p)) {
            return false;
        }
        Path relative = source.relativize(p);
        if (relative.getName(0).toString().startsWith(".")) {
            return false;
        }
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals(".git") || name.equals("target") || name.equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    /** The output directory and the {@code .<name>.tmp-*} and {@code .<name>.old-*} directories of its swap. */
    private boolean ownOutput(Path p) {
        if (p.startsWith(output)) {
            return true;
        }
        Path parent = output.getParent();
        if (parent == null || !p.startsWith(parent) || p.equals(parent)) {
            return false;
        }
        String first = parent.relativize(p).getName(0).toString();
        String own = "." + output.getFileName();
        return first.startsWith(own + ".tmp-") || first.startsWith(own + ".old-");
    }

    /**
     * Registers watches only on folders whose changes count: none on {@code .git/objects}, the preview
     * output or {@code node_modules}, which can hold thousands of folders (and use up the system's
     * limit on watches). A folder created later is registered through this visitor too.
     */
    FileTreeVisitor watchedFolders() {
        return (start, onDirectory, onFile) -> Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path p = dir.toAbsolutePath().normalize();
                if (!p.equals(source) && !inWatchedTree(p)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                onFile.call(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // deleted while we walked: its own event follows
            }
        });
    }
}
