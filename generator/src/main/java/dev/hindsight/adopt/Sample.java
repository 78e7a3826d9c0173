package dev.hindsight.adopt;

import java.util.List;
import java.util.Map;

/**
 * What adopt reads of one Markdown file: its path, its front-matter values (text, by top-level key; lists
 * joined), its first H1 and the normalised headings below it, and the shape of two runbook sections.
 */
record Sample(String path, Map<String, String> frontMatter, String h1, List<String> headings) {

    Sample {
        frontMatter = Map.copyOf(frontMatter);
        headings = List.copyOf(headings);
    }

    String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    String slug() {
        String f = fileName();
        return f.endsWith(".md") ? f.substring(0, f.length() - 3) : f;
    }

    boolean has(String key) {
        String v = frontMatter.get(key);
        return v != null && !v.isBlank();
    }
}
