package dev.hindsight.scaffold;

import dev.hindsight.api.NewDocument;
import dev.hindsight.text.Slugs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes new knowledge bases ({@code hindsight init}) and new documents from templates
 * ({@code hindsight new}). A site's {@code archetypes/<kind>.md} overrides the built-in template.
 * Never overwrites an existing file.
 */
public final class Scaffolder {

    private static final Pattern INCIDENT_ID = Pattern.compile("^id:\\s*[\"']?INC-(\\d{4})-(\\d+)", Pattern.MULTILINE);

    /** Creates a working knowledge base in {@code dir}; returns the files written, relative to it. */
    public List<String> init(Path dir, LocalDate today) throws IOException {
        if (Files.exists(dir.resolve("hindsight.yml"))) {
            throw new FileAlreadyExistsException(dir.resolve("hindsight.yml").toString(), null,
                    "a knowledge base already exists here");
        }
        Files.createDirectories(dir);
        Map<String, String> values = Map.of("date", today.toString(), "year", String.valueOf(today.getYear()),
                "due", today.plusDays(90).toString());
        List<String> written = new ArrayList<>();
        write(dir, "hindsight.yml", resource("init/hindsight.yml"), written);
        write(dir, "services.yml", resource("init/services.yml"), written);
        write(dir, ".gitignore", resource("init/gitignore"), written);
        write(dir, ".vscode/settings.json", resource("init/vscode-settings.json"), written);
        write(dir, "postmortems/" + today + "-expired-certificate.md", fill(resource("init/postmortem.md"), values),
                written);
        write(dir, "runbooks/web.md", fill(resource("init/runbook.md"), values), written);
        return written;
    }

    /** Writes a new document from its kind's template; returns its path relative to {@code site}. */
    public String newDocument(Path site, String folder, NewDocument doc) throws IOException {
        if (doc.title().codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new IllegalArgumentException("the title must contain at least one letter or digit");
        }
        String slug = Slugs.slug(doc.title());
        boolean postmortem = doc.kind().equals("postmortem");
        String file = folder + "/" + (postmortem ? doc.date() + "-" : "") + slug + ".md";
        String template = archetype(site, doc.kind());
        String text = fill(template, Map.of(
                "title", yamlText(doc.title()),
                "id", postmortem ? nextIncidentId(site.resolve(folder), doc.date().getYear()) : slug,
                "date", doc.date().toString(),
                "due", doc.date().plusDays(30).toString(),
                "service", doc.service().isEmpty() ? "TODO-service" : doc.service(),
                "severity", doc.severity().isEmpty() ? "SEV-3" : doc.severity(),
                "slug", slug));
        Path target = site.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

    /** The next free {@code INC-<year>-NNN} among the postmortems in {@code folder}. */
    static String nextIncidentId(Path folder, int year) throws IOException {
        int max = 0;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                    Matcher m = INCIDENT_ID.matcher(head(f));
                    if (m.find() && Integer.parseInt(m.group(1)) == year) {
                        max = Math.max(max, Integer.parseInt(m.group(2)));
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "INC-%d-%03d", year, max + 1);
    }

    private static String head(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
    }

    private static String yamlText(String s) {
        boolean plain = s.matches("[A-Za-z0-9][A-Za-z0-9 ,.()/'-]*") && !s.contains(": ");
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String archetype(Path site, String kind) throws IOException {
        Path own = site.resolve("archetypes").resolve(kind + ".md");
        if (Files.isRegularFile(own)) {
            return Files.readString(own, StandardCharsets.UTF_8);
        }
        if (!kind.equals("postmortem") && !kind.equals("runbook")) {
            throw new IllegalArgumentException("no template for kind '" + kind + "': add archetypes/" + kind + ".md");
        }
        return resource("archetypes/" + kind + ".md");
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return out;
    }

    private static void write(Path dir, String rel, String content, List<String> written) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        written.add(rel);
    }

    private static String resource(String name) {
        try (InputStream in = Scaffolder.class.getResourceAsStream("/dev/hindsight/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
