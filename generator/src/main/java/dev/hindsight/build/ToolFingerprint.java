package dev.hindsight.build;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What identifies the code that reads a document, for the {@link DiskCache}: an entry written by other code must
 * never be read, even when the version string is the same (a {@code 0.1.0-SNAPSHOT} rebuilt with other code).
 *
 * <p>The choice: the fingerprint is worked out at run time from the code itself, not from a resource written at
 * build time (a build timestamp would change on every build, but only if the build runs resource filtering, and
 * says nothing about the libraries). It is a SHA-256 over
 * <ul>
 *   <li>the code source of Hindsight's own classes: for a jar (the shaded {@code hindsight.jar}, or the
 *       generator jar the Maven plugin loads) its central directory as it is on disk — the name, sizes, CRC-32
 *       and time of every entry — read in one piece from the end of the jar without inflating anything (about
 *       1 MB and a few milliseconds for the 14 MB shaded jar, whose class files, templates and shaded libraries
 *       are all entries); for a directory of classes (tests, an IDE) the name and bytes of every file under it;</li>
 *   <li>for each library that shapes what a document reads as (flexmark, Jackson and its YAML parser,
 *       SnakeYAML, the HTML sanitizer, jsoup) when it comes from a jar of its own (the Maven plugin's class
 *       path): that jar's file name (which carries its version), size and modification time;</li>
 *   <li>the Java runtime's version.</li>
 * </ul>
 * When any of this cannot be found or read, there is no fingerprint and the run does not use the cache.
 * A changed class file that keeps its size and its CRC-32 would go unnoticed: one chance in four billion
 * per change, which we accept for not hashing 14 MB on every run.
 */
final class ToolFingerprint {

    /** Classes whose code sources are hashed: ours first, then the libraries the reading of a document uses. */
    private static final List<String> CLASSES = List.of("dev.hindsight.build.SiteBuilder",
            "com.vladsch.flexmark.parser.Parser", "com.vladsch.flexmark.html.HtmlRenderer",
            "com.vladsch.flexmark.ext.tables.TablesExtension", "com.vladsch.flexmark.util.ast.Node",
            "com.vladsch.flexmark.util.sequence.BasedSequence", "com.vladsch.flexmark.ext.autolink.AutolinkExtension",
            "com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension",
            "com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension",
            "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory", "org.yaml.snakeyaml.LoaderOptions",
            "org.owasp.html.HtmlPolicyBuilder", "org.jsoup.Jsoup");

    private ToolFingerprint() {
    }

    /** Holds the fingerprint of this process's code, worked out once ("" when it cannot be). */
    private static final class Holder {
        static final String VALUE = compute(ToolFingerprint.class.getClassLoader()).orElse("");
    }

    /** The fingerprint of the code running, or empty when it cannot be worked out. */
    static Optional<String> current() {
        return Holder.VALUE.isEmpty() ? Optional.empty() : Optional.of(Holder.VALUE);
    }

    static Optional<String> compute(ClassLoader loader) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("java " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
            Set<Path> seen = new LinkedHashSet<>();
            boolean first = true;
            for (String name : CLASSES) {
                Optional<Path> source = codeSource(loader, name);
                if (source.isEmpty()) {
                    if (first) {
                        return Optional.empty();
                    }
                    continue; // a library not on this class path: not what reads documents here
                }
                if (seen.add(source.get())) {
                    if (first) {
                        hashCode(source.get(), sha);
                    } else {
                        hashLibrary(source.get(), sha);
                    }
                }
                first = false;
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Where {@code className} comes from: its jar, or the class folder it is in. Found as a resource, so that
     * working out the fingerprint loads none of the classes it names (a check loads no HTML sanitizer).
     */
    private static Optional<Path> codeSource(ClassLoader loader, String className) {
        String resource = className.replace('.', '/') + ".class";
        java.net.URL url = loader.getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            String text = url.toString();
            if (text.startsWith("jar:") && text.contains("!/")) {
                return Optional.of(Path.of(new java.net.URI(text.substring(4, text.indexOf("!/"))))
                        .toAbsolutePath().normalize());
            }
            if (text.startsWith("file:") && text.endsWith(resource)) {
                return Optional.of(Path.of(new java.net.URI(text.substring(0, text.length() - resource.length())))
                        .toAbsolutePath().normalize());
            }
            return Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException
                 | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Our own code: every entry of the jar by name, size and CRC, or every file of the directory. */
    private static void hashCode(Path source, MessageDigest sha) throws IOException {
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            }
            files.sort(null);
            for (Path f : files) {
                sha.update((source.relativize(f).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buffer = new byte[8192];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return;
        }
        byte[] directory = centralDirectory(source);
        if (directory != null) {
            sha.update(directory);
            return;
        }
        try (ZipFile jar = new ZipFile(source.toFile())) {
            List<? extends ZipEntry> entries = jar.stream().toList();
            for (ZipEntry e : entries) {
                sha.update((e.getName() + " " + e.getSize() + " " + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The raw central directory of the jar at {@code file} (every entry's name, sizes, CRC-32 and time, one
     * read of ~1 MB at the end of the file), or null when it cannot be found simply (a ZIP64 archive, a comment
     * that hides the end record): then the entries are listed through {@link ZipFile}.
     */
    static byte[] centralDirectory(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65535);
            java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(end, size - tail);
            for (int at = tail - 22; at >= 0; at--) {
                if (end.getInt(at) == 0x06054b50) {
                    long cdSize = end.getInt(at + 12) & 0xffffffffL;
                    long cdOffset = end.getInt(at + 16) & 0xffffffffL;
                    if (cdSize == 0xffffffffL || cdOffset == 0xffffffffL || cdOffset + cdSize > size
                            || cdSize > 64L << 20) {
                        return null;
                    }
                    java.nio.ByteBuffer cd = java.nio.ByteBuffer.allocate((int) cdSize);
                    while (cd.hasRemaining() && ch.read(cd, cdOffset + cd.position()) > 0) {
                        // reads until full
                    }
                    return cd.hasRemaining() ? null : cd.array();
                }
            }
            return null;
        }
    }

    /** A library in a jar of its own: the jar's name, size and time (a directory: hashed like our code). */
    private static void hashLibrary(Path source, MessageDigest sha) throws IOException {
        if (Files.isDirectory(source)) {
            hashCode(source, sha);
            return;
        }
        sha.update((source.getFileName() + " " + Files.size(source) + " " + Files.getLastModifiedTime(source).toMillis()
                + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
