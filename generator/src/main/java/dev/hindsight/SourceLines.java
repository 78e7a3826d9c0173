package dev.hindsight;

import dev.hindsight.diag.Fingerprints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of the lines diagnostics point at, read from the site for {@link Fingerprints}. Only
 * regular files inside the site root are read (no {@code ..}, no symbolic links); a file that is
 * missing, unreadable, too large or not UTF-8 counts as having empty lines.
 */
final class SourceLines {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final Path root;
    private final Map<String, List<String>> files = new HashMap<>();

    private SourceLines(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    static Fingerprints fingerprints(Path source) {
        SourceLines lines = new SourceLines(source);
        return new Fingerprints(lines::line);
    }

    String line(String file, int line) {
        List<String> text = files.computeIfAbsent(file, this::read);
        return line >= 1 && line <= text.size() ? text.get(line - 1) : "";
    }

    private List<String> read(String file) {
        Path path = root.resolve(file).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try {
            if (!path.toRealPath().startsWith(root.toRealPath()) || Files.size(path) > MAX_BYTES) {
                return List.of();
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
            return List.of(text.split("\r\n|\n|\r", -1));
        } catch (IOException e) {
            // CharacterCodingException is an IOException: such a file has its own `encoding` diagnostic.
            return List.of();
        }
    }
}
