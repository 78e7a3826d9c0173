package dev.hindsight.build;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.markdown.Link;
import dev.hindsight.model.Document;
import dev.hindsight.publish.PreviousSite;
import dev.hindsight.source.LinkedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The images and files the documents link to, copied to their own path in the output (the pages keep
 * the links relative), each once however many pages use it; only regular files inside the site root
 * ({@link LinkedFile}; the {@code missing-asset} rule reports the others). In place (a preview
 * update) a file is written only when its bytes changed. A file whose path is a page's is not copied.
 */
final class LinkedFileCopies {

    private LinkedFileCopies() {
    }

    /**
     * @param root  the site root
     * @param dir   the output (or staging) directory
     * @param pages the paths of the build's pages
     * @param previous the published site a file not yet in {@code dir} is linked to when its copy is the same
     */
    static void copy(Path root, Path dir, List<Document> documents, Set<String> pages, Diagnostics diagnostics,
                     PreviousSite previous) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        for (Document doc : documents) {
            for (Link link : doc.body().links()) {
                LinkedFile.resolve(root, doc.meta().sourcePath(), link.url())
                        .filter(f -> f.status() == LinkedFile.Status.FILE)
                        .ifPresent(f -> files.putIfAbsent(f.path(), doc.meta().sourcePath()));
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            String path = e.getKey();
            if (pages.contains(path) || path.startsWith("assets/")) {
                diagnostics.warning(SiteWriter.RULE_PAGE_CONFLICT, Position.ofFile(e.getValue()), "linked file " + path
                        + " has the path of a page or theme file of the site; not copied", "rename the file");
                continue;
            }
            Optional<Path> target = SiteWriter.insideOutput(dir, path);
            if (target.isEmpty()) {
                continue;
            }
            Path to = target.get();
            byte[] bytes = Files.readAllBytes(root.resolve(path));
            boolean exists = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
            if (exists && Files.isRegularFile(to, LinkOption.NOFOLLOW_LINKS)
                    && Files.size(to) == bytes.length && Arrays.equals(Files.readAllBytes(to), bytes)) {
                continue;
            }
            Files.createDirectories(to.getParent());
            if (!exists) {
                if (!previous.linked(to, bytes)) {
                    Files.write(to, bytes);
                }
            } else {
                // Written beside and moved over it, so a reader (the preview) never sees half a file.
                Path tmp = to.resolveSibling("." + to.getFileName() + ".hindsight-tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }
}
