package dev.hindsight.build;

import dev.hindsight.config.Service;
import dev.hindsight.config.ServiceCatalog;
import dev.hindsight.text.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The services a {@code services.yml} parsed to, kept in the {@link DiskCache}'s directory between runs of
 * {@code check} and {@code build}: a site's catalog of thousands of services is otherwise parsed as YAML on every
 * run, before any document is read (about a tenth of a second at 8,000 lines).
 *
 * <p><b>Never stale.</b> The file's name is a SHA-256 of the {@link ToolFingerprint} of the code (which parses and
 * names the services' pages) and of the file's bytes: another {@code services.yml}, or other code, names another
 * file. Only a file that parsed without a single diagnostic is kept ({@link ServiceCatalog.Store}), so a hit
 * reports nothing, as parsing it would have. The kept file is sealed with a CRC-32C and says which key it is of;
 * one that does not read back whole is a miss.
 *
 * <p><b>Safe.</b> Written to a temporary file of the {@link DiskCache}'s naming and renamed into place; when a new
 * one is written, the other {@code <key>.services} files of the directory (an earlier {@code services.yml}) are
 * deleted. Never a directory, never a file of another name.
 */
final class CatalogStore implements ServiceCatalog.Store {

    static final String SERVICES = ".services";
    private static final int MAGIC = 0x48534356; // "HSCV"
    private static final int VERSION = 1;
    private static final int FIELDS = 5;

    private final Path dir;
    private final String fingerprint;

    private CatalogStore(Path dir, String fingerprint) {
        this.dir = dir;
        this.fingerprint = fingerprint;
    }

    /** The store in the cache directory {@code dir}, for the code of {@code fingerprint}; none without one. */
    static ServiceCatalog.Store in(Path dir, Optional<String> fingerprint) {
        if (dir == null || fingerprint.isEmpty()) {
            return ServiceCatalog.Store.NONE;
        }
        return new CatalogStore(dir.toAbsolutePath().normalize(), fingerprint.get());
    }

    @Override
    public Optional<List<Service>> read(byte[] bytes) {
        try {
            String key = key(bytes);
            Path file = dir.resolve(key + SERVICES);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return decode(Files.readAllBytes(file), key);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(byte[] bytes, List<Service> services) {
        try {
            if (!Files.isDirectory(dir)) {
                return; // made by the document cache of this run: kept from the next run on
            }
            String key = key(bytes);
            Path target = dir.resolve(key + SERVICES);
            Path tmp = dir.resolve("." + key + SERVICES + ".tmp-" + Long.toString(ProcessHandle.current().pid(), 36)
                    + "-" + Long.toString(System.nanoTime(), 36));
            try {
                Files.write(tmp, encode(key, services), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            deleteOthers(target);
        } catch (IOException | RuntimeException e) {
            // not kept: parsed again next time
        }
    }

    /** Deletes the {@code <key>.services} files of the directory but {@code kept}. */
    private void deleteOthers(Path kept) throws IOException {
        List<Path> others = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SERVICES)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!f.equals(kept) && name.length() == 64 + SERVICES.length() && name.endsWith(SERVICES)
                        && name.substring(0, 64).chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    others.add(f);
                }
            }
        }
        for (Path o : others) {
            if (Files.isRegularFile(o, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(o);
            }
        }
    }

    /** The key of a {@code services.yml} of {@code bytes} read by the code of this store's fingerprint. */
    String key(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            part(sha, "hindsight services v1".getBytes(StandardCharsets.UTF_8));
            part(sha, fingerprint.getBytes(StandardCharsets.UTF_8));
            part(sha, bytes);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /** The sealed bytes of {@code services} under {@code key}. */
    static byte[] encode(String key, List<Service> services) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + 96 * services.size());
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, key);
            out.writeInt(services.size());
            for (Service s : services) {
                if (!s.lifecycle().isEmpty() || !s.system().isEmpty() || !s.links().isEmpty()
                        || !s.catalogUrl().isEmpty()) {
                    throw new IllegalArgumentException("not a services.yml entry: " + s.id());
                }
                for (String field : List.of(s.id(), s.name(), s.owner(), s.tier(), s.description())) {
                    string(out, field);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return Sealed.seal(buffer.toByteArray());
    }

    /** The services {@link #encode} wrote under {@code key}, or empty when {@code bytes} are not that. */
    static Optional<List<Service>> decode(byte[] bytes, String key) {
        ByteBuffer in = Sealed.open(bytes, 16);
        if (in == null || in.getInt() != MAGIC || in.getInt() != VERSION || !key.equals(string(in))) {
            return Optional.empty();
        }
        int n = in.getInt();
        if (n < 0 || (long) n * FIELDS * 4 > in.remaining()) {
            return Optional.empty();
        }
        List<Service> services = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            services.add(new Service(string(in), string(in), string(in), string(in), string(in)));
        }
        return in.hasRemaining() ? Optional.empty() : Optional.of(List.copyOf(services));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (!new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s)) {
            throw new IllegalArgumentException("does not read back the same"); // a lone surrogate: not kept
        }
        LengthPrefixed.write(out, s);
    }

    private static String string(ByteBuffer in) {
        return LengthPrefixed.read(in);
    }
}
