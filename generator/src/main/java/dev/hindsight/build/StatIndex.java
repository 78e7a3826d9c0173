package dev.hindsight.build;

import dev.hindsight.text.Sealed;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A shortcut to a file's content hash for the {@link DiskCache}: for each path read last time, what {@code stat}
 * said of the file (size, modification and status-change times in nanoseconds, device and inode) and the SHA-256
 * of the bytes read. When the file's stat is exactly the same, its hash is taken from here instead of reading the
 * file again; the hash still decides which entry is used. Anything that changes the file changes its status-change
 * time (ctime), which no program can set back, so an edit that keeps the size and sets the modification time back
 * is seen too.
 *
 * <p>The racy case, as Git has it: a file changed within the same clock tick as it was hashed keeps its stat. So a
 * stat is trusted only when both its times are at least {@value #RACY_SECONDS} seconds older than the moment its
 * file was hashed (recorded per path); a file changed more recently than that is read and hashed again.
 *
 * <p>Needs the {@code unix} attribute view (ctime, inode): without it there is no shortcut and every file is
 * read. Kept in one file of the cache directory per site root, written atomically, ending in a CRC-32C; a damaged
 * or foreign index is an empty one. Holds only the paths the last run read.
 */
final class StatIndex {

    static final int RACY_SECONDS = 2;
    private static final int MAGIC = 0x48535349; // "HSSI"
    private static final int VERSION = 1;
    private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino,isRegularFile";

    /** What stat says of a file: equal stats are taken to mean equal bytes, unless racy. */
    record Stat(long size, long modified, long changed, long device, long inode) {
    }

    /** A path's stat when it was hashed, the time it was hashed (epoch nanoseconds) and its SHA-256. */
    record Entry(Stat stat, long hashedAt, byte[] sha256) {
        boolean trusted() {
            long limit = hashedAt - TimeUnit.SECONDS.toNanos(RACY_SECONDS);
            return stat.modified() < limit && stat.changed() < limit;
        }
    }

    private final Path file;
    private final String root;
    private final Map<String, Entry> previous;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();

    private StatIndex(Path file, String root, Map<String, Entry> previous) {
        this.file = file;
        this.root = root;
        this.previous = previous;
    }

    /** The index of the site at {@code root} kept at {@code file}: what it holds, or empty when none is usable. */
    static StatIndex open(Path file, String root) {
        Map<String, Entry> previous = Map.of();
        try {
            if (Files.isRegularFile(file)) {
                previous = read(Files.readAllBytes(file), root);
            }
        } catch (IOException | RuntimeException e) {
            previous = Map.of();
        }
        return new StatIndex(file, root, previous);
    }

    /** The stat of a regular file (following links, as reading it does), or null when there is none to trust. */
    static Stat stat(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES);
            if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                return null;
            }
            return new Stat((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
                    nanos((FileTime) a.get("ctime")), (Long) a.get("dev"), (Long) a.get("ino"));
        } catch (IOException | RuntimeException e) {
            return null; // no unix view (or no such file): no shortcut
        }
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    /**
     * The SHA-256 last read from {@code path} when its stat then was {@code stat} and old enough to trust, else
     * null. A path answered here is kept for the next run.
     */
    byte[] known(String path, Stat stat) {
        Entry e = previous.get(path);
        if (e == null || stat == null || !e.stat().equals(stat) || !e.trusted()) {
            return null;
        }
        now.put(path, e);
        return e.sha256();
    }

    /** Records that {@code path}, with {@code stat} before and after the read that began at {@code hashedAt}, hashed to {@code sha256}. */
    void put(String path, Stat stat, long hashedAt, byte[] sha256) {
        if (stat != null) {
            now.put(path, new Entry(stat, hashedAt, sha256.clone()));
        }
    }

    /** Whether this run's entries differ from the ones read. */
    boolean changed() {
        if (now.size() != previous.size()) {
            return true;
        }
        for (Map.Entry<String, Entry> e : now.entrySet()) {
            if (previous.get(e.getKey()) != e.getValue()) {
                return true;
            }
        }
        return false;
    }

    /** This run's entries as the bytes of an index file. */
    byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(96 * now.size() + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, root);
            out.writeInt(now.size());
            for (Map.Entry<String, Entry> e : new java.util.TreeMap<>(now).entrySet()) {
                string(out, e.getKey());
                Stat s = e.getValue().stat();
                out.writeLong(s.size());
                out.writeLong(s.modified());
                out.writeLong(s.changed());
                out.writeLong(s.device());
                out.writeLong(s.inode());
                out.writeLong(e.getValue().hashedAt());
                out.write(e.getValue().sha256());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return Sealed.seal(buffer.toByteArray());
    }

    Path file() {
        return file;
    }

    static Map<String, Entry> read(byte[] bytes, String root) {
        ByteBuffer in = Sealed.open(bytes, 16);
        if (in == null) {
            return Map.of();
        }
        if (in.getInt() != MAGIC || in.getInt() != VERSION || !root.equals(string(in))) {
            return Map.of();
        }
        int n = in.getInt();
        if (n < 0 || (long) n * (4 + 6 * 8 + 32) > in.remaining()) {
            return Map.of();
        }
        Map<String, Entry> entries = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String path = string(in);
            Stat s = new Stat(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
            long hashedAt = in.getLong();
            byte[] sha = new byte[32];
            in.get(sha);
            entries.put(path, new Entry(s, hashedAt, sha));
        }
        return in.hasRemaining() ? Map.of() : entries;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        LengthPrefixed.write(out, s);
    }

    private static String string(ByteBuffer in) {
        return LengthPrefixed.read(in);
    }

    @Override
    public String toString() {
        return "StatIndex[" + root + ", " + previous.size() + " read, " + now.size() + " now]";
    }
}
