package dev.hindsight.alerting;

import dev.hindsight.config.AlertingSettings;
import dev.hindsight.config.PathGlob;
import dev.hindsight.diag.Diagnostic;
import dev.hindsight.diag.Diagnostics;
import dev.hindsight.diag.Position;
import dev.hindsight.diag.Severity;
import dev.hindsight.source.LimitedFiles;
import dev.hindsight.source.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the files the {@code alerting.rules} globs name and reads their alerting rules. A glob is relative to
 * {@code hindsight.yml} (the site root) and may lead outside it ({@code ../deploy/prometheus/**}{@code /*.yaml}):
 * its fixed leading folders are resolved first, then only that folder is walked. Folders behind symbolic links
 * and hidden folders below it are not walked; a matched link to a file is read only when it leads to a regular
 * file (never a pipe or device); each file is read up to {@code limits.max_file_size}, and at most
 * {@value #MAX_FILES} files in all.
 */
final class RuleFiles {

    static final int MAX_FILES = 10_000;
    private static final int MAX_DEPTH = 32;
    private static final Set<String> SKIPPED = Set.of("node_modules", "target");

    private RuleFiles() {
    }

    /** The alerting rules of every matched file, files sorted by path, rules in file order. */
    static List<AlertRule> read(Path siteRoot, AlertingSettings settings, long maxFileSize, YamlReader yaml,
                                Diagnostics out) {
        Path root = siteRoot.toAbsolutePath().normalize();
        TreeMap<String, Path> files = new TreeMap<>();
        for (AlertingSettings.RuleGlob g : settings.rules()) {
            int before = files.size();
            boolean matched = collect(root, g, files, out);
            if (!matched && files.size() == before) {
                out.add(new Diagnostic(Severity.WARNING, RuleFileParser.RULE, g.at(),
                        "`alerting.rules` glob `" + g.glob() + "` matches no file",
                        "globs are relative to hindsight.yml, such as ../deploy/prometheus/**/*.yaml"));
            }
        }
        RuleFileParser parser = new RuleFileParser(yaml);
        List<AlertRule> rules = new ArrayList<>();
        int n = 0;
        for (var e : files.entrySet()) {
            if (++n > MAX_FILES) {
                out.error(RuleFileParser.RULE, Position.ofFile(e.getKey()), "more than " + MAX_FILES
                        + " rule files: the rest is not read", "narrow the `alerting.rules` globs");
                break;
            }
            String text = text(e.getValue(), e.getKey(), maxFileSize, out);
            if (text != null) {
                rules.addAll(parser.parse(e.getKey(), text, settings.annotation(), out));
            }
        }
        return rules;
    }

    /** Adds the files {@code g} matches; whether it matched any (also one seen before). */
    private static boolean collect(Path root, AlertingSettings.RuleGlob g, TreeMap<String, Path> files,
                                   Diagnostics out) {
        String glob = g.glob().replace('\\', '/');
        String[] parts = glob.split("/", -1);
        StringBuilder fixed = new StringBuilder(glob.startsWith("/") ? "/" : "");
        int i = 0;
        for (; i < parts.length - 1; i++) {
            if (wild(parts[i])) {
                break;
            }
            if (!parts[i].isEmpty()) {
                fixed.append(parts[i]).append('/');
            }
        }
        boolean literal = !wild(glob);
        Path base = root.resolve(fixed.toString()).normalize();
        String rest = String.join("/", java.util.Arrays.asList(parts).subList(i, parts.length));
        String baseRel = relative(root, base);
        PathGlob pattern = PathGlob.of((baseRel.isEmpty() ? "" : baseRel + "/") + rest);
        if (literal) {
            Path file = root.resolve(glob).normalize();
            if (Files.exists(file)) {
                files.put(relative(root, file), file);
                return true;
            }
            return false;
        }
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(base)) {
            return false;
        }
        boolean[] any = {false};
        try {
            Files.walkFileTree(base, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (dir.equals(base)) {
                                return FileVisitResult.CONTINUE;
                            }
                            String name = dir.getFileName().toString();
                            return name.startsWith(".") || SKIPPED.contains(name)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String rel = relative(root, file);
                            if (pattern.matches(rel) && !Files.isDirectory(file)) {
                                files.put(rel, file);
                                any[0] = true;
                            }
                            return files.size() > MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            out.error(RuleFileParser.RULE, g.at(), "cannot read the files of `" + g.glob() + "`: " + e.getMessage());
        }
        return any[0];
    }

    private static boolean wild(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /** The path of {@code p} from the site root with {@code /}, starting with {@code ../} when outside it. */
    static String relative(Path root, Path p) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        return rel;
    }

    /** Strict UTF-8 text with LF line ends and no byte-order mark, or null after reporting why not. */
    private static String text(Path file, String rel, long maxFileSize, Diagnostics out) {
        try {
            if (!Files.exists(file)) {
                out.error(RuleFileParser.RULE, Position.ofFile(rel), "`" + rel + "` is a link that leads nowhere");
                return null;
            }
            byte[] bytes = LimitedFiles.read(file, rel, maxFileSize, out);
            if (bytes == null) {
                return null;
            }
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                out.error(RuleFileParser.RULE, Position.ofFile(rel), "`" + rel + "` holds NUL bytes: not a rule file");
                return null;
            }
            s = s.startsWith("\uFEFF") ? s.substring(1) : s;
            return s.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            out.error(RuleFileParser.RULE, Position.ofFile(rel), "`" + rel + "` is not UTF-8 text");
            return null;
        } catch (IOException e) {
            out.error(RuleFileParser.RULE, Position.ofFile(rel), "`" + rel + "` cannot be read: " + e.getMessage());
            return null;
        }
    }
}
