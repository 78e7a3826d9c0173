package dev.hindsight.alerting;

import dev.hindsight.diag.Diagnostics;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What {@code hindsight adopt} proposes for {@code alerting:}: the folders of the collection's rule files (YAML
 * files holding alerting rules) as globs, and the runbook URL pattern that maps most of their runbook URLs onto
 * the collection's Markdown files: the longest common tail of URL and file path (ignoring case) gives the
 * pattern's address, the folder {@code {path}} starts in, and whether the URLs are lower-cased.
 *
 * @param globs      one {@code folder/*.yaml}-style glob per folder holding rule files
 * @param pattern    the URL pattern with {@code {path}}, empty when no URL fits a file
 * @param folder     the folder {@code {path}} starts in
 * @param lowercase  whether the URLs carry the path lower-cased
 * @param annotation the annotation holding the URLs
 * @param alerts     how many alerting rules were found
 * @param matched    how many of their URLs fit a file under the pattern
 */
public record RuleFileProposal(List<String> globs, String pattern, String folder, boolean lowercase,
                               String annotation, int alerts, int matched) {

    private static final int MAX_FILES = 2_000;
    private static final List<String> ANNOTATIONS = List.of("runbook_url", "runbook", "runbook_link", "runbookUrl");

    public RuleFileProposal {
        globs = List.copyOf(globs);
    }

    /** The proposal for the collection at {@code root} whose Markdown files are {@code markdown}; empty without rule files. */
    public static Optional<RuleFileProposal> propose(Path root, List<String> markdown) throws IOException {
        List<Path> yamlFiles = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"))
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (attrs.isRegularFile() && (n.endsWith(".yaml") || n.endsWith(".yml"))) {
                    yamlFiles.add(file);
                }
                return yamlFiles.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        RuleFileParser parser = new RuleFileParser(new YamlReader());
        TreeSet<String> globs = new TreeSet<>();
        List<AlertRule> rules = new ArrayList<>();
        String annotation = ANNOTATIONS.get(0);
        for (Path f : yamlFiles) {
            Diagnostics ignored = new Diagnostics();
            String rel = RuleFiles.relative(root, f);
            byte[] bytes = LimitedFiles.read(f, rel, LimitedFiles.DEFAULT_MAX_FILE_SIZE, ignored);
            if (bytes == null) {
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.contains("alert:")) {
                continue;
            }
            List<AlertRule> found = List.of();
            for (String a : ANNOTATIONS) {
                found = parser.parse(rel, text.replace("\r\n", "\n"), a, ignored);
                if (found.stream().anyMatch(r -> !r.runbookUrl().isEmpty())) {
                    annotation = a;
                    break;
                }
            }
            if (!found.isEmpty()) {
                rules.addAll(found);
                int slash = rel.lastIndexOf('/');
                String ext = rel.substring(rel.lastIndexOf('.'));
                globs.add((slash < 0 ? "" : rel.substring(0, slash + 1)) + "*" + ext);
            }
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Boolean> lower = new HashMap<>();
        for (AlertRule r : rules) {
            fit(r.runbookUrl(), markdown).ifPresent(k -> {
                votes.merge(k[0] + "\n" + k[1], 1, Integer::sum);
                lower.merge(k[0] + "\n" + k[1], Boolean.parseBoolean(k[2]), Boolean::logicalOr);
            });
        }
        String best = votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).findFirst().orElse(null);
        if (best == null) {
            return Optional.of(new RuleFileProposal(List.copyOf(globs), "", "", false, annotation, rules.size(), 0));
        }
        String[] parts = best.split("\n", -1);
        return Optional.of(new RuleFileProposal(List.copyOf(globs), parts[0] + "{path}", parts[1], lower.get(best),
                annotation, rules.size(), votes.get(best)));
    }

    /** {address before the path, folder of the file before the path, lower-cased?} for the file the URL fits best. */
    private static Optional<String[]> fit(String url, List<String> markdown) {
        if (url.isEmpty() || url.contains("{{")) {
            return Optional.empty();
        }
        String u = url.replaceAll("[?#].*$", "").replaceAll("/+$", "");
        String[] us = u.split("/");
        String[] result = null;
        int bestLength = 0;
        for (String md : markdown) {
            String[] fs = md.substring(0, md.length() - 3).split("/");
            int n = 0;
            while (n < us.length - 3 && n < fs.length
                    && us[us.length - 1 - n].equalsIgnoreCase(fs[fs.length - 1 - n])) {
                n++;
            }
            if (n > bestLength) {
                bestLength = n;
                String tailUrl = String.join("/", java.util.Arrays.copyOfRange(us, us.length - n, us.length));
                String tailFile = String.join("/", java.util.Arrays.copyOfRange(fs, fs.length - n, fs.length));
                String prefix = String.join("/", java.util.Arrays.copyOfRange(us, 0, us.length - n)) + "/";
                String folder = String.join("/", java.util.Arrays.copyOfRange(fs, 0, fs.length - n));
                result = new String[] {prefix, folder, Boolean.toString(!tailUrl.equals(tailFile)
                        && tailUrl.equals(tailUrl.toLowerCase(Locale.ROOT)))};
            }
        }
        return Optional.ofNullable(result);
    }
}
